import type { FieldMetadata, FormMetadata } from '@conform-to/react';
import { formatPaths, getPaths, isPrefix } from '@conform-to/dom';

type Field = FieldMetadata<any, any, string[]>;

/** What a field's HTML constraints can be (as Conform's `getZodConstraint` gives them). */
export interface FieldConstraint {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  multiple?: boolean;
  pattern?: string;
  accept?: string;
}

/**
 * The fields of a form that is rendered once, on the server, as plain objects (ADR 0088).
 *
 * Conform's field metadata answers every property read through a fresh proxy and notes the read,
 * so that the browser can re-render a field when its state changes. A document page (ADR 0086)
 * never re-renders, and on a long wizard step those reads were a sixth of the page's CPU. The
 * values and errors here are Conform's own: the form's initial value (the stored draft, or the
 * input of a refused post) and its errors, each read once from the form; the constraints are those
 * the form was given. A test renders every wizard step with both and expects the same HTML.
 */
export function renderedFields(
  form: FormMetadata<any, string[]>,
  constraint: Readonly<Record<string, FieldConstraint>>,
): Record<string, Field> {
  const formId = form.id;
  const values: unknown = form.initialValue;
  const errors: Record<string, string[] | undefined> = form.allErrors;
  const errorNames = Object.keys(errors).filter((name) => errors[name] !== undefined);
  const made = new Map<string, Field>();

  // `list[3].title` takes the constraint of `list[].title`, innermost index first (as Conform does).
  function constraintOf(name: string): FieldConstraint {
    const exact = constraint[name];
    if (exact) return exact;
    const paths = getPaths(name);
    for (let i = paths.length - 1; i >= 0; i -= 1) {
      if (typeof paths[i] === 'number') {
        paths[i] = '';
        const general = formatPaths(paths);
        return general === name ? {} : constraintOf(general);
      }
    }
    return {};
  }

  // A field's value is its parent's at `key`: no path is parsed twice.
  function child(parent: string, parentValue: unknown, key: string | number): Field {
    // Asked for by parent and key (a component reads the same field several times): no path is formatted twice.
    const slot = typeof key === 'number' ? `${parent}\u0000#${key}` : `${parent}\u0000${key}`;
    const known = made.get(slot);
    if (known) return known;
    const name =
      parent === '' ? formatPaths([key]) : typeof key === 'number' ? `${parent}[${key}]` : formatPaths([...getPaths(parent), key]);
    const value =
      parentValue !== null && typeof parentValue === 'object' && Object.hasOwn(parentValue, key)
        ? (parentValue as Record<string | number, unknown>)[key]
        : undefined;
    const created = field(name, value);
    made.set(slot, created);
    return created;
  }

  const context: FormContext = { formId, errors, errorNames, child, fieldset };
  function field(name: string, initialValue: unknown): Field {
    return new RenderedField(context, name, initialValue, constraintOf(name)) as unknown as Field;
  }

  function fieldset(prefix: string, value: unknown): Record<string, Field> {
    return new Proxy({} as Record<string, Field>, {
      get: (_, key) => (typeof key === 'string' ? child(prefix, value, key) : undefined),
    });
  }

  return fieldset('', values);
}

interface FormContext {
  formId: string;
  errors: Record<string, string[] | undefined>;
  errorNames: string[];
  child(parent: string, parentValue: unknown, key: string | number): Field;
  fieldset(prefix: string, value: unknown): Record<string, Field>;
}

/**
 * One field's metadata, as Conform's field metadata reads (ADR 0088). A class rather than an object
 * literal with a spread and a getter: every field of a page then has the same shape, which made the
 * literal's creation a sixth of the fields' cost on a long step.
 */
class RenderedField {
  readonly key = undefined;
  readonly id: string;
  readonly errorId: string;
  readonly descriptionId: string;
  readonly formId: string;
  readonly value: unknown;
  readonly defaultValue: unknown;
  readonly defaultOptions: unknown;
  readonly defaultChecked: true | undefined;
  readonly errors: string[] | undefined;
  readonly valid: boolean;
  readonly dirty = false;
  readonly required: boolean | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly min: string | number | undefined;
  readonly max: string | number | undefined;
  readonly step: string | number | undefined;
  readonly multiple: boolean | undefined;
  readonly pattern: string | undefined;
  readonly accept: string | undefined;

  /** The form's context, not a field property (no own property a spread or a reader would see). */
  readonly #form: FormContext;

  constructor(
    form: FormContext,
    readonly name: string,
    readonly initialValue: unknown,
    constraint: FieldConstraint,
  ) {
    this.#form = form;
    this.id = `${form.formId}-${name}`;
    this.errorId = `${this.id}-error`;
    this.descriptionId = `${this.id}-description`;
    this.formId = form.formId;
    this.value = initialValue;
    this.defaultValue = typeof initialValue === 'string' ? initialValue : Array.isArray(initialValue) ? initialValue[0] : undefined;
    this.defaultOptions =
      typeof initialValue === 'string'
        ? [initialValue]
        : Array.isArray(initialValue) && initialValue.every((item) => typeof item === 'string')
          ? initialValue
          : undefined;
    this.defaultChecked = initialValue === 'on' ? true : undefined;
    this.errors = form.errors[name];
    this.valid = !form.errorNames.some((key) => isPrefix(key, name));
    this.required = constraint.required;
    this.minLength = constraint.minLength;
    this.maxLength = constraint.maxLength;
    this.min = constraint.min;
    this.max = constraint.max;
    this.step = constraint.step;
    this.multiple = constraint.multiple;
    this.pattern = constraint.pattern;
    this.accept = constraint.accept;
  }

  get allErrors(): Record<string, string[]> {
    const { errors, errorNames } = this.#form;
    return Object.fromEntries(errorNames.filter((key) => isPrefix(key, this.name)).map((key) => [key, errors[key]!]));
  }

  getFieldset(): Record<string, Field> {
    return this.#form.fieldset(this.name, this.initialValue);
  }

  getFieldList(): Field[] {
    const list = Array.isArray(this.initialValue) ? this.initialValue : [];
    return list.map((_, index) => this.#form.child(this.name, this.initialValue, index));
  }
}
