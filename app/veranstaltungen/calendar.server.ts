import { findEvent, listEvents } from '../../db/repositories/events';
import type { EventRow } from '../../db/schema';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { absoluteLink } from '../notification-texts';
import { eventsToIcs, type CalendarEvent } from './ics';

const toCalendarEvent = (e: EventRow): CalendarEvent => ({
  id: e.id,
  title: e.title,
  description: e.description,
  startsAt: e.starts_at,
  endsAt: e.ends_at,
  // The online link is never in a public file; the address of the page is.
  location: e.format === 'online' ? 'Online' : [e.venue, e.address].filter(Boolean).join(', '),
  organiser: e.organiser,
  cancelled: e.status === 'cancelled',
  updatedAt: e.updated_at,
  url: absoluteLink(config.publicUrl, `/veranstaltungen/${e.id}`),
});

export function calendarResponse(events: EventRow[], fileName: string): Response {
  const body = eventsToIcs(events.map(toCalendarEvent), {
    name: 'Veranstaltungen – Förderlotse Bürgerbeteiligung',
    host: new URL(config.publicUrl).host,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-cache',
    },
  });
}

/** One event as an .ics file (RFC 5545, with VTIMEZONE); undefined for a malformed or unknown id. */
export async function eventCalendar(idParam: string | undefined): Promise<Response | undefined> {
  const event = idParam && /^\d{1,9}$/.test(idParam) ? await findEvent(await getDb(), Number(idParam)) : undefined;
  return event ? calendarResponse([event], `veranstaltung-${event.id}.ics`) : undefined;
}

/** The subscribable feed of the upcoming events (cancelled ones stay in it, marked CANCELLED). */
export async function upcomingCalendar(): Promise<Response> {
  return calendarResponse(await listEvents(await getDb(), { archive: false }), 'veranstaltungen.ics');
}
