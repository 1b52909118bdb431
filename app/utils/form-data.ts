/**
 * Conversions between a form's nested values (as Conform names them: "lines[0].amount") and flat
 * entries, so kept input can be re-posted, re-validated and compared field by field.
 */
import { RETURN_PARAM } from './return-to';

export type Entries = Array<[string, string]>;

export function flatten(value: unknown, prefix = ''): Entries {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return value.filter((v) => v !== undefined && v !== null).map((v) => [prefix, String(v)] as [string, string]);
    }
    return value.flatMap((item, index) => flatten(item, `${prefix}[${index}]`));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => flatten(v, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, String(value)]];
}

export function toFormData(entries: Entries): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** The entries of a posted form without the technical fields. */
export function userEntries(form: FormData): Entries {
  // Controls of the form, not input: the token, the button pressed, the version read, where to return.
  const skip = new Set(['csrf', 'intent', 'version', RETURN_PARAM]);
  const entries: Entries = [];
  for (const [name, value] of form) if (!skip.has(name) && typeof value === 'string') entries.push([name, value]);
  return entries;
}
