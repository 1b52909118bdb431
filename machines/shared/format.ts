/** de-DE formatting at the edge: money is integer cents inside, dates are ISO strings. */

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const euroWhole = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** 1234567 → "12.345,67 €" */
export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/** 1000000 → "10.000 €" (for caps and limits that are whole euros) */
export function formatEuroWhole(cents: number): string {
  return Number.isInteger(cents / 100) ? euroWhole.format(cents / 100) : formatEuro(cents);
}

/** 1234567 → "12.345,67" (for input fields) */
export function formatCentsForInput(cents: number): string {
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}

export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** basis points (9000 = 90 %) → "90 %" / "90,01 %" */
export function formatPercentBasisPoints(bp: number): string {
  return `${decimal.format(bp / 100)} %`;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2026-12-31" → "31.12.2026" */
export function formatDate(iso: string): string {
  const match = isoDate.exec(iso);
  if (!match) return iso;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** ISO timestamp → "31.12.2026, 14:32" in Europe/Berlin */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/** ISO timestamp → "14:32" in Europe/Berlin */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(
    new Date(iso),
  );
}
