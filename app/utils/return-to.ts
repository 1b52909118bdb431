/**
 * "Ändern" on a summary page returns there after saving (the GOV.UK "check answers" pattern).
 * The target travels as `zurueck=…` in the link and as a hidden field in the form, and is only
 * accepted from a fixed list, so it can never send anyone elsewhere.
 */
export const RETURN_PARAM = 'zurueck';

export function returnTarget<T extends string>(value: FormDataEntryValue | string | null | undefined, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The query string that carries a return target on to the next page ("" without one). */
export function returnQuery(target: string | null): string {
  return target ? `?${RETURN_PARAM}=${encodeURIComponent(target)}` : '';
}
