/**
 * Reads a date as people type it in Germany ("31.12.2026", "1.3.2027") or as ISO ("2026-12-31")
 * into an ISO string, with a German message for everything else (including 31.02.2026).
 */
export type DateParse = { ok: true; iso: string } | { ok: false; message: string };

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function parseGermanDate(raw: string, label = 'das Datum'): DateParse {
  const text = raw.trim();
  if (text === '') return { ok: false, message: `Bitte geben Sie ${label} an.` };
  let parts: [number, number, number] | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!parts) return { ok: false, message: `Bitte geben Sie ${label} als TT.MM.JJJJ an, zum Beispiel 31.12.2026.` };
  const [year, month, day] = parts;
  if (year < 2000 || year > 2100) return { ok: false, message: `Bitte prüfen Sie das Jahr in ${label}.` };
  const value = iso(year, month, day);
  if (!value) return { ok: false, message: `Den ${text} gibt es nicht. Bitte prüfen Sie Tag und Monat.` };
  return { ok: true, iso: value };
}

/** "2026-12-31" → "31.12.2026" for a form field. */
export function isoToGerman(iso: string | undefined | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The instant a day begins in Saxony (Europe/Berlin), as an ISO timestamp in UTC: "2026-12-04" →
 * "2026-12-03T23:00:00.000Z". Stored times are UTC; a filter by the day people see needs this.
 */
export function startOfDayInBerlin(isoDate: string): string {
  const midnightUtc = Date.parse(`${isoDate}T00:00:00Z`);
  // Berlin is one or two hours ahead of UTC: read what Berlin's clock shows at UTC midnight.
  const parts = Object.fromEntries(berlinParts.formatToParts(new Date(midnightUtc)).map((p) => [p.type, p.value]));
  const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const offset = shown - midnightUtc;
  return new Date(midnightUtc - offset).toISOString();
}
