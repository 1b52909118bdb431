/**
 * Event times. People type and read times on the wall clock of Saxony (Europe/Berlin); the store
 * keeps UTC instants (ISO strings). The conversion must respect the change to summer time (last
 * Sunday of March, 02:00 → 03:00: 02:30 does not exist) and back (last Sunday of October,
 * 03:00 → 02:00: 02:30 happens twice).
 */

const berlinFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface BerlinWallClock {
  /** "2026-03-29" */
  date: string;
  /** "14:30" */
  time: string;
}

/** What a clock in Saxony shows at an instant. */
export function berlinWallClock(instant: string | Date): BerlinWallClock {
  const parts = Object.fromEntries(berlinFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes Berlin is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function berlinOffsetMinutes(instant: Date): number {
  const wall = berlinWallClock(instant);
  const shown = Date.parse(`${wall.date}T${wall.time}:00Z`);
  const exact = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((shown - exact) / 60_000);
}

export type BerlinToUtc = { ok: true; iso: string } | { ok: false; reason: 'nonexistent' | 'invalid' };

/**
 * The UTC instant of a wall-clock time in Saxony. A time skipped by the change to summer time is
 * refused (the organiser must choose another); a time that happens twice in October is read as
 * the first (still summer time), as a calendar program does.
 */
export function berlinToUtc(date: string, time: string): BerlinToUtc {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return { ok: false, reason: 'invalid' };
  const asIfUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asIfUtc)) return { ok: false, reason: 'invalid' };
  // Try summer time first (UTC+2), then winter time (UTC+1): the first that shows the wanted clock.
  for (const offset of [120, 60]) {
    const candidate = new Date(asIfUtc - offset * 60_000);
    const wall = berlinWallClock(candidate);
    if (wall.date === date && wall.time === time) return { ok: true, iso: candidate.toISOString() };
  }
  return { ok: false, reason: 'nonexistent' };
}

/** "2026-03" – the month an event belongs to, as people in Saxony see it (for the month filter). */
export function berlinMonth(instant: string): string {
  return berlinWallClock(instant).date.slice(0, 7);
}

const dateLong = new Intl.DateTimeFormat('de-DE', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Berlin',
});
const clock = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
const monthLong = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Donnerstag, 26. März 2026, 10:00–12:30 Uhr" (times in Saxony). */
export function formatEventTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = berlinWallClock(start).date === berlinWallClock(end).date;
  return sameDay
    ? `${dateLong.format(start)}, ${clock.format(start)}–${clock.format(end)} Uhr`
    : `${dateLong.format(start)}, ${clock.format(start)} Uhr bis ${dateLong.format(end)}, ${clock.format(end)} Uhr`;
}

/** "2026-03" → "März 2026" */
export function formatMonth(month: string): string {
  return monthLong.format(new Date(`${month}-01T00:00:00Z`));
}
