/** de-DE formatting at the edge: money is integer cents inside, dates are ISO strings. */

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** Groups thousands with dots: "1234567" → "1.234.567". */
function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}

/**
 * 1234567 → "12.345,67" – integer cents formatted by string arithmetic, exact for any safe
 * integer (no floating point) and much faster than Intl in the rule engine's hot path.
 */
export function formatCentsForInput(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${negative ? '-' : ''}${groupThousands(String(euros))},${rest < 10 ? '0' : ''}${rest}`;
}

/** 1234567 → "12.345,67 €" (non-breaking space before the sign, as Intl's de-DE) */
export function formatEuro(cents: number): string {
  return `${formatCentsForInput(cents)}\u00a0€`;
}

/** 1000000 → "10.000 €" (for caps and limits that are whole euros) */
export function formatEuroWhole(cents: number): string {
  if (cents % 100 !== 0) return formatEuro(cents);
  return `${cents < 0 ? '-' : ''}${groupThousands(String(Math.abs(cents) / 100))}\u00a0€`;
}

export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** basis points (9000 = 90 %) → "90 %" / "90,01 %" / "90,1 %" */
export function formatPercentBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  const fraction = rest === 0 ? '' : `,${String(rest).padStart(2, '0').replace(/0$/, '')}`;
  return `${groupThousands(String(whole))}${fraction}\u00a0%`;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2026-12-31" → "31.12.2026" */
export function formatDate(iso: string): string {
  const match = isoDate.exec(iso);
  if (!match) return iso;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

// Formatters are costly to build; one each, reused.
const dateTimeFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
const timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });

/** ISO timestamp → "31.12.2026, 14:32" in Europe/Berlin */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** ISO timestamp → "14:32" in Europe/Berlin */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}
