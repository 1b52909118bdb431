import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from '@conform-to/react';
import { useRef, type ReactNode } from 'react';
import { CommentMarker } from './beratung/comments';
import { useFocusWhenShown } from '../hooks/use-focus-when-shown';

type Field = FieldMetadata<any, any, string[]>;

function describedBy(field: Field, hint: ReactNode | undefined) {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldError({ field }: { field: Field }) {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="field__error">
      <span className="visually-hidden">Fehler: </span>
      {field.errors.join(' ')}
    </p>
  );
}

function Hint({ field, hint }: { field: Field; hint: ReactNode | undefined }) {
  return hint ? (
    <div id={`${field.id}-hint`} className="field__hint">
      {hint}
    </div>
  ) : null;
}

interface TextFieldProps {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  /** Marks the label "(optional)"; fields are taken as needed unless said otherwise. */
  optional?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'url' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email';
  width?: 'short' | 'medium' | 'full';
  spellCheck?: boolean;
}

export function TextField({
  field,
  label,
  hint,
  optional,
  type = 'text',
  autoComplete,
  inputMode,
  width = 'full',
  spellCheck,
}: TextFieldProps) {
  const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: undefined });
  return (
    <div className={`field${field.errors?.length ? ' field--error' : ''}`}>
      <label htmlFor={field.id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <CommentMarker name={field.name} />
      <Hint field={field} hint={hint} />
      <FieldError field={field} />
      <input
        key={key}
        {...props}
        aria-describedby={describedBy(field, hint)}
        className={`input input--${width}`}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
      />
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  hint,
  rows = 5,
  optional,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  optional?: boolean;
}) {
  const { key, ...props } = getTextareaProps(field);
  return (
    <div className={`field${field.errors?.length ? ' field--error' : ''}`}>
      <label htmlFor={field.id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <CommentMarker name={field.name} />
      <Hint field={field} hint={hint} />
      <FieldError field={field} />
      <textarea key={key} {...props} aria-describedby={describedBy(field, hint)} className="textarea" rows={rows} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder = 'Bitte auswählen',
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
}) {
  const { key, ...props } = getSelectProps(field);
  return (
    <div className={`field${field.errors?.length ? ' field--error' : ''}`}>
      <label htmlFor={field.id} className="field__label">
        {label}
      </label>
      <CommentMarker name={field.name} />
      <Hint field={field} hint={hint} />
      <FieldError field={field} />
      <select key={key} {...props} aria-describedby={describedBy(field, hint)} className="select">
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RadioGroup({
  field,
  legend,
  hint,
  options,
  inline,
}: {
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: ReactNode; hint?: ReactNode }>;
  inline?: boolean;
}) {
  const current = typeof field.initialValue === 'string' ? field.initialValue : undefined;
  return (
    <fieldset
      className={`field fieldset${field.errors?.length ? ' field--error' : ''}`}
      aria-describedby={describedBy(field, hint)}
      id={field.id}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      <CommentMarker name={field.name} />
      <Hint field={field} hint={hint} />
      <FieldError field={field} />
      <div className={inline ? 'choices choices--inline' : 'choices'}>
        {options.map((o, index) => {
          const id = `${field.id}-${index}`;
          return (
            <div className="choice" key={o.value}>
              <input
                type="radio"
                id={id}
                name={field.name}
                form={field.formId}
                value={o.value}
                defaultChecked={current === o.value}
                aria-invalid={field.errors?.length ? true : undefined}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
                className="choice__input"
              />
              <label htmlFor={id} className="choice__label">
                {o.label}
              </label>
              {o.hint ? (
                <div id={`${id}-hint`} className="choice__hint">
                  {o.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxGroup({
  field,
  legend,
  hint,
  options,
}: {
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
}) {
  const initial = Array.isArray(field.initialValue)
    ? field.initialValue
    : typeof field.initialValue === 'string'
      ? [field.initialValue]
      : [];
  return (
    <fieldset
      className={`field fieldset${field.errors?.length ? ' field--error' : ''}`}
      aria-describedby={describedBy(field, hint)}
      id={field.id}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      <CommentMarker name={field.name} />
      <Hint field={field} hint={hint} />
      <FieldError field={field} />
      <div className="choices choices--columns">
        {options.map((o, index) => {
          const id = `${field.id}-${index}`;
          return (
            <div className="choice" key={o.value}>
              <input
                type="checkbox"
                id={id}
                name={field.name}
                form={field.formId}
                value={o.value}
                defaultChecked={initial.includes(o.value)}
                className="choice__input"
              />
              <label htmlFor={id} className="choice__label">
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxField({ field, label, hint }: { field: Field; label: ReactNode; hint?: ReactNode }) {
  const { key, ...props } = getInputProps(field, { type: 'checkbox', value: 'on' });
  return (
    <div className={`field${field.errors?.length ? ' field--error' : ''}`}>
      <CommentMarker name={field.name} />
      <FieldError field={field} />
      <div className="choice">
        <input key={key} {...props} aria-describedby={describedBy(field, hint)} className="choice__input" />
        <label htmlFor={field.id} className="choice__label">
          {label}
        </label>
        {hint ? (
          <div id={`${field.id}-hint`} className="choice__hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Sort key of a field name by the order of the form's top-level fields, then row index. */
function orderKey(name: string, order: readonly string[]): [number, number, string] {
  const match = /^([^.[]+)(?:\[(\d+)\])?/.exec(name);
  const top = match?.[1] ?? name;
  const index = order.indexOf(top);
  return [index === -1 ? order.length : index, match?.[2] ? Number(match[2]) : -1, name];
}

/**
 * GOV.UK-style error summary: at the top of the form, focused when it appears, one link per error
 * that moves focus to the field.
 */
export function ErrorSummary({ form, order }: { form: FormMetadata<any, string[]>; order?: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(form.allErrors).filter(([, errors]) => errors.length > 0);
  if (order) {
    entries.sort(([a], [b]) => {
      const [a1, a2, a3] = orderKey(a, order);
      const [b1, b2, b3] = orderKey(b, order);
      return a1 - b1 || a2 - b2 || a3.localeCompare(b3);
    });
  }
  const signature = entries.map(([name, errors]) => `${name}:${errors.join()}`).join('|');
  useFocusWhenShown(ref, signature);
  if (!entries.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${form.id}-error-title`}>
      <h2 id={`${form.id}-error-title`} className="error-summary__title">
        Bitte korrigieren Sie {entries.length === 1 ? 'die folgende Angabe' : `die folgenden ${entries.length} Angaben`}
      </h2>
      <ul className="error-summary__list">
        {entries.map(([name, errors]) => {
          return (
            <li key={name}>
              <a href={`#${fieldDomId(form.id, name)}`}>{errors.join(' ')}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Conform's id for a field: `${formId}-${name}`, brackets and dots kept (valid in HTML ids). */
export function fieldDomId(formId: string, name: string): string {
  return name ? `${formId}-${name}` : formId;
}

/**
 * An error summary for forms without Conform: messages linked to the fields they concern; a message
 * about the whole form (someone else saved first) has no link and no field marked wrong.
 */
export function MessageSummary({ id, errors }: { id: string; errors: Array<{ href: string | null; message: string }> }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.message).join('|');
  useFocusWhenShown(ref, signature);
  if (!errors.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="error-summary__title">
        {errors.some((e) => e.href === null)
          ? 'Nicht gespeichert'
          : errors.length === 1
            ? 'Bitte prüfen Sie die folgende Angabe'
            : `Bitte prüfen Sie die folgenden ${errors.length} Angaben`}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e, index) => (
          <li key={index}>{e.href === null ? e.message : <a href={e.href}>{e.message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}
