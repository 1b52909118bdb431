import ical, { ICalCalendarMethod, ICalEventStatus, type ICalLuxonDateTimeStub } from 'ical-generator';
import { berlinWallClock } from '../../machines/veranstaltungen/time';

/**
 * Calendar files for events (issue 18 Nr. 6, ADR 0051): RFC 5545 built with ical-generator, times
 * in Europe/Berlin with a VTIMEZONE block, so calendar programs show the right hour on both sides
 * of the change of summer time.
 */

/** Europe/Berlin since 1996 (EU rule): summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00. */
export const berlinVtimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * ical-generator formats a native Date with a time zone in the *server's* zone (wrong on a server
 * running in UTC). It reads Luxon-like objects correctly; this minimal one knows UTC and
 * Europe/Berlin (our own conversion, tested across the change of summer time), which is all we need.
 */
export function zonedInstant(iso: string, zone: 'utc' | 'Europe/Berlin' = 'utc'): ICalLuxonDateTimeStub {
  const date = new Date(iso);
  const wall = zone === 'utc' ? { date: iso.slice(0, 10), time: iso.slice(11, 16) } : berlinWallClock(date);
  const seconds = String(date.getUTCSeconds()).padStart(2, '0');
  return {
    isValid: true,
    zone: { type: zone === 'utc' ? 'fixed' : 'iana' },
    setZone: (next?: string) => zonedInstant(date.toISOString(), next === 'Europe/Berlin' ? 'Europe/Berlin' : 'utc'),
    toFormat: (format: string) => {
      if (format === 'yyyyLLdd') return wall.date.replace(/-/g, '');
      if (format === 'HHmmss') return wall.time.replace(':', '') + seconds;
      throw new Error(`Unsupported format ${format}`);
    },
    toJSDate: () => new Date(date),
    toJSON: () => date.toISOString(),
  };
}

export interface CalendarEvent {
  id: number;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  location: string;
  organiser: string;
  cancelled: boolean;
  updatedAt: string;
  /** Absolute address of the event page. */
  url: string;
}

export function eventsToIcs(events: CalendarEvent[], options: { name: string; host: string }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Förderlotse Bürgerbeteiligung', product: 'Veranstaltungen', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: DTSTAMP and LAST-MODIFIED stay in UTC (RFC 5545 3.8.7.2); each event
    // carries TZID=Europe/Berlin, and the generator adds its VTIMEZONE.
    timezone: { name: null, generator: (zone: string) => (zone === 'Europe/Berlin' ? berlinVtimezone : null) },
  });
  for (const e of events) {
    calendar.createEvent({
      id: `veranstaltung-${e.id}@${options.host}`,
      start: zonedInstant(e.startsAt),
      end: zonedInstant(e.endsAt),
      timezone: 'Europe/Berlin',
      stamp: zonedInstant(e.updatedAt),
      lastModified: zonedInstant(e.updatedAt),
      summary: e.cancelled ? `Abgesagt: ${e.title}` : e.title,
      description: `${e.description}\n\nVeranstalter: ${e.organiser}\n${e.url}`,
      location: e.location,
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
