import type { ProgrammePart } from '../../../shared/organisation';
import type { FundingRoute } from '../../routes';
import type { ApplicationData } from '../schema';

/**
 * One field of an application step, in one place: what it is called, how it is asked, where it
 * sits, to whom it applies and when it is required. Comment anchors, the change history, the
 * "Angaben prüfen" rows, step completeness, the rule trace (`factLabels`) and the form read these
 * entries; no other module writes these texts (tests/unit/field-labels.test.ts).
 */
export interface FieldContext {
  data: ApplicationData;
  part: ProgrammePart | null;
}

/** 'tick': a declaration to tick (complete only when ticked). */
export type FieldKind = 'yesNo' | 'tick' | 'text' | 'longText' | 'choice' | 'custom';

export interface FieldSpec {
  /** Form field name; also the key in the step's section of the stored application unless `dataName` says otherwise. */
  name: string;
  dataName?: string;
  /** What the field is called: comment anchors, the change history. */
  label: string;
  /** The form's label or legend, when it asks differently from `label` (may depend on the programme part). */
  question?: string | ((part: ProgrammePart | null) => string);
  hint?: string;
  kind: FieldKind;
  /** Rows of a text area. */
  rows?: number;
  /** Marked "(optional)" in the form. */
  optional?: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** The form section (its id) the field sits in; also the anchor of its "Angaben prüfen" row. */
  section?: string;
  /** The clauses the question rests on. */
  clauses?: string[];
  /** Programme parts the field applies to (all when absent); the form shows it for these (Teil A while none is known). */
  parts?: ProgrammePart[];
  /** Funding routes the field applies to, when narrower. */
  routes?: FundingRoute[];
  /**
   * Completeness: the message when the field is missing. Required only where it applies (a part
   * must be known for a part's field) and `requiredWhen` holds.
   */
  required?: string | ((part: ProgrammePart | null) => string);
  requiredWhen?: (context: FieldContext) => boolean;
  /** Its row in "Angaben prüfen"; false for a field shown with another one or not at all. */
  summary?: false | { label: string; value?: (context: FieldContext) => string; when?: (context: FieldContext) => boolean };
  /** The facts of the rules this field answers: their names in the trace and how their values read. */
  facts?: Array<{ path: string; label: string; format?: (value: never) => string }>;
  /** Not a place a comment is anchored to by name (lists: their rows are). */
  anchor?: false;
}

export const yesNoText = (v: boolean) => (v ? 'ja' : 'nein');
export const answerText = {
  yesNo: (v: boolean | undefined) => (v === undefined ? 'nicht angegeben' : yesNoText(v)),
  text: (v: string | undefined | null) => (v?.trim() ? v : 'nicht angegeben'),
};

/** A field as the form asks it. */
export const questionOf = (spec: FieldSpec, part: ProgrammePart | null): string =>
  typeof spec.question === 'function' ? spec.question(part) : (spec.question ?? spec.label);

/** Whether the form shows the field (Teil A while no part is known, as the route choice does). */
export function isShown(spec: Pick<FieldSpec, 'parts' | 'routes'>, part: ProgrammePart | null, route: FundingRoute | undefined): boolean {
  if (spec.parts && !spec.parts.includes(part ?? 'A')) return false;
  if (spec.routes && !(route && spec.routes.includes(route))) return false;
  return true;
}

/** Whether the field applies to the application: its part must be known when it belongs to one. */
export function applies(spec: FieldSpec, context: FieldContext): boolean {
  if (spec.parts && !(context.part && spec.parts.includes(context.part))) return false;
  const route = context.data.project.route;
  if (spec.routes && !(route && spec.routes.includes(route))) return false;
  return true;
}

/** Whether the field is required now: it applies and its own condition holds. */
export function isRequired(spec: FieldSpec, context: FieldContext): boolean {
  if (!spec.required) return false;
  return spec.requiredWhen ? spec.requiredWhen(context) : applies(spec, context);
}

export const requiredMessage = (spec: FieldSpec, part: ProgrammePart | null): string =>
  typeof spec.required === 'function' ? spec.required(part) : (spec.required ?? '');

/** A value counts as missing when absent, blank or an empty list. */
export function isMissing(value: unknown, kind?: FieldKind): boolean {
  if (kind === 'tick') return value !== true;
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export interface SummaryRow {
  label: string;
  value: string;
  /** The form section to jump to. */
  anchor?: string;
}

/** The "Angaben prüfen" rows of registered fields that apply now, in the order of the form. */
export function summaryRows(fields: readonly FieldSpec[], values: object, context: FieldContext): SummaryRow[] {
  return fields.flatMap((f) => {
    if (!f.summary) return [];
    if (!(f.summary.when ? f.summary.when(context) : applies(f, context))) return [];
    const v = (values as Record<string, unknown>)[f.dataName ?? f.name];
    const value = f.summary.value
      ? f.summary.value(context)
      : f.kind === 'yesNo' || f.kind === 'tick'
        ? answerText.yesNo(v as boolean | undefined)
        : answerText.text(v as string | undefined);
    return [{ label: f.summary.label, value, ...(f.section ? { anchor: f.section } : {}) }];
  });
}
