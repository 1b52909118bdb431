import type { EventRow } from '../db/schema';
import { config } from './config.server';
import { absoluteLink } from './notification-texts';
import { eventsToIcs, type CalendarEvent } from './veranstaltungen-ics';

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
