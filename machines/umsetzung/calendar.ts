/**
 * Date arithmetic on ISO dates (YYYY-MM-DD) in UTC, so no time zone shifts a deadline. Months are
 * added the way German law counts them (§ 188 Abs. 2 and 3 BGB): the same day number in the target
 * month, or its last day when the month is shorter (31.01. + 1 Monat = 28./29.02.).
 */

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIso(new Date(Date.UTC(year, month - 1, Math.min(d, daysInMonth(year, month)))));
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return toIso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The last day of the month `months` after the month of `iso` (0: its own month). */
export function endOfMonthAfter(iso: string, months: number): string {
  const [y, m] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A period that ends on a Saturday or Sunday ends on the next Monday (§ 31 Abs. 3 VwVfG, § 57 Abs. 2
 * VwGO with § 222 Abs. 2 ZPO). Public holidays are not known here: an assumption shown with the date.
 */
export function nextWorkingDay(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (day === 6) return addDays(iso, 2);
  if (day === 0) return addDays(iso, 1);
  return iso;
}

export const minDate = (a: string, b: string) => (a <= b ? a : b);
export const maxDate = (a: string, b: string) => (a >= b ? a : b);
