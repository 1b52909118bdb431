/**
 * Reads a euro amount as people type it in Germany, into integer cents. Accepts "1.234,56",
 * "1234,56", "40.000", "1234.56", "1 234,56 €", "1,234.56". A comma followed by exactly three
 * digits ("1,234") is refused with a question: it is either an English thousands separator
 * (1.234 €) or a mistyped decimal – we do not guess.
 */
export type MoneyParse =
  | { ok: true; cents: number }
  | { ok: false; reason: 'empty' | 'invalid' | 'negative' | 'decimals' | 'ambiguous' | 'tooLarge'; message: string };

const MAX_CENTS = 100_000_000_00; // 100 Mio € – larger amounts are typing errors here

function cents(euros: string, fraction = ''): number {
  return Number(euros) * 100 + Number(fraction.padEnd(2, '0') || '0');
}

export function parseEuro(raw: string, label = 'den Betrag', maxCents = MAX_CENTS): MoneyParse {
  const text = raw
    .replace(/[\s\u00A0\u202F]/g, '')
    .replace(/€|EUR$/i, '')
    .replace(/^EUR/i, '');
  if (text === '') return { ok: false, reason: 'empty', message: `Bitte geben Sie ${label} an.` };
  if (/^[-−–]/.test(text)) {
    return {
      ok: false,
      reason: 'negative',
      message: 'Bitte geben Sie einen Betrag ohne Minuszeichen an; Beträge können nicht negativ sein.',
    };
  }
  let result: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)$/.exec(text))) result = cents(m[1]!);
  else if ((m = /^(\d+),(\d{1,2})$/.exec(text))) result = cents(m[1]!, m[2]!);
  else if ((m = /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/.exec(text))) result = cents(m[1]!.replace(/\./g, ''), m[2]!);
  else if ((m = /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/.exec(text))) result = cents(m[1]!.replace(/,/g, ''), m[2]!);
  else if ((m = /^(\d{1,3}(?:\.\d{3})+)$/.exec(text))) result = cents(m[1]!.replace(/\./g, ''));
  else if ((m = /^(\d{1,3}(?:,\d{3}){2,})$/.exec(text))) result = cents(m[1]!.replace(/,/g, ''));
  else if ((m = /^(\d{1,3}),(\d{3})$/.exec(text))) {
    const whole = Number(`${m[1]}${m[2]}`);
    const formatted = whole.toLocaleString('de-DE');
    return {
      ok: false,
      reason: 'ambiguous',
      message: `„${raw.trim()}“ ist nicht eindeutig. Meinen Sie ${formatted},00 €? Dann schreiben Sie bitte ${whole} oder ${formatted},00. Cent trennen Sie mit einem Komma ab, zum Beispiel ${m[1]},50.`,
    };
  } else if ((m = /^(\d+)\.(\d{1,2})$/.exec(text))) result = cents(m[1]!, m[2]!);
  else if (/^\d+[.,]\d{3,}$/.test(text)) {
    return { ok: false, reason: 'decimals', message: 'Bitte geben Sie höchstens zwei Nachkommastellen an (Cent), zum Beispiel 1.234,56.' };
  }
  if (result === null || !Number.isSafeInteger(result)) {
    return {
      ok: false,
      reason: 'invalid',
      message: `Bitte geben Sie ${label} als Zahl in Euro an, zum Beispiel 12.345,67.`,
    };
  }
  if (result > maxCents) {
    const limit = `${(maxCents / 100 / 1_000_000).toLocaleString('de-DE')} Mio. €`;
    return { ok: false, reason: 'tooLarge', message: `Bitte prüfen Sie den Betrag: Beträge über ${limit} sind hier nicht vorgesehen.` };
  }
  return { ok: true, cents: result };
}

/** Sums without floating point: every amount is integer cents. */
export const sumCents = (values: Array<number | null | undefined>) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

export type QuantityParse = { ok: true; milli: number } | { ok: false; message: string };

/**
 * Reads a quantity (hours, days, pieces) with up to three decimals into thousandths:
 * "2,5" → 2500, "12" → 12000, "1.000" → 1000000 (German thousands), "0,125" → 125.
 */
export function parseQuantity(raw: string, label = 'die Menge'): QuantityParse {
  const text = raw.replace(/[\s\u00A0]/g, '');
  if (text === '') return { ok: false, message: `Bitte geben Sie ${label} an.` };
  if (/^[-−–]/.test(text)) return { ok: false, message: `Bitte geben Sie ${label} ohne Minuszeichen an.` };
  let m: RegExpExecArray | null;
  let milli: number | null = null;
  if ((m = /^(\d+)$/.exec(text))) milli = Number(m[1]) * 1000;
  else if ((m = /^(\d{1,3}(?:\.\d{3})+)$/.exec(text))) milli = Number(m[1]!.replace(/\./g, '')) * 1000;
  else if ((m = /^(\d{1,3}(?:\.\d{3})+),(\d{1,3})$/.exec(text)))
    milli = Number(m[1]!.replace(/\./g, '')) * 1000 + Number(m[2]!.padEnd(3, '0'));
  else if ((m = /^(\d+)[,.](\d{1,3})$/.exec(text))) milli = Number(m[1]) * 1000 + Number(m[2]!.padEnd(3, '0'));
  if (milli === null || !Number.isSafeInteger(milli)) {
    return { ok: false, message: `Bitte geben Sie ${label} als Zahl an, zum Beispiel 2,5.` };
  }
  if (milli > 1_000_000_000) return { ok: false, message: `Bitte prüfen Sie ${label}: Werte über 1 Million sind hier nicht vorgesehen.` };
  return { ok: true, milli };
}

/** 2500 → "2,5" */
export function formatQuantity(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const rest = milli % 1000;
  const fraction = rest === 0 ? '' : `,${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
  return `${whole.toLocaleString('de-DE')}${fraction}`;
}
