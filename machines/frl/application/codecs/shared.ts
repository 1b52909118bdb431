import { z } from 'zod';
import { euroField } from '../../../shared/fields';
import { formatCentsForInput } from '../../../shared/format';
import { formatQuantity } from '../../../shared/money';
import { isMissing, isRequired, requiredMessage, type FieldSpec } from '../fields';
import { partOf } from '../programme-part';
import type { ApplicationData } from '../schema';
import type { StepIssue } from '../steps';

/** The pieces the step codecs share: row ids, lists, the form ↔ data conversions of single values, completeness of registered fields. */

export type { FormValues, StepCodec } from './types';

export type Raw = Record<string, unknown>;

/** Amounts in a budget above 10 Mio € are typing errors for this programme. */
export const BUDGET_MAX_CENTS = 10_000_000_00;
export const budgetEuro = (label: string) => euroField(label, { maxCents: BUDGET_MAX_CENTS });
export const yn = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'ja' : 'nein');
export const money = (c: number | undefined) => (c === undefined ? undefined : formatCentsForInput(c));
export const qty = (m: number | undefined) => (m === undefined ? undefined : formatQuantity(m));

/** The entries that hold something (undefined and '' dropped). */
export const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

/** A list row's hidden id; rows without a usable one get `newId()`. */
export const rowId = (newId: () => string) =>
  z
    .string()
    .max(40)
    .optional()
    .transform((v) => (v && /^[A-Za-z0-9_-]+$/.test(v) ? v : newId()));

export const list = <T extends z.ZodTypeAny>(row: T, max: number, label: string) =>
  z.preprocess((v) => (v === undefined ? [] : v), z.array(row).max(max, { error: `Höchstens ${max} ${label}.` }));

/** A checkbox posted as 'on'. */
export const ticked = z
  .string()
  .optional()
  .transform((v) => v === 'on');

/**
 * A step's form schema, built once per id generator (zod schemas are costly to build; the browser
 * rebuilds nothing on a keystroke).
 */
export function builtOnce<S>(build: (newId: () => string) => S): (newId: () => string) => S {
  const cache = new WeakMap<() => string, S>();
  return (newId) => {
    let schema = cache.get(newId);
    if (!schema) {
      schema = build(newId);
      cache.set(newId, schema);
    }
    return schema;
  };
}

export const blank = (v: string | undefined | null) => v === undefined || v === null || v.trim() === '';

/**
 * The registered fields of a step that are required now and missing, in the order of the form;
 * `after` adds the checks of a field's rows right after the field.
 */
export function missingFields(
  fields: readonly FieldSpec[],
  values: object,
  data: ApplicationData,
  after: Record<string, () => StepIssue[]> = {},
): StepIssue[] {
  const context = { data, part: partOf(data) };
  return fields.flatMap((f) => [
    ...(isRequired(f, context) && isMissing((values as Record<string, unknown>)[f.dataName ?? f.name], f.kind)
      ? [{ field: f.name, message: requiredMessage(f, context.part) }]
      : []),
    ...(after[f.name]?.() ?? []),
  ]);
}
