import type { LoaderFunctionArgs } from '@remix-run/node';
import { eventCalendar } from '../veranstaltungen/calendar.server';

/** One event as an .ics file (RFC 5545, with VTIMEZONE) for one's own calendar. */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await eventCalendar(params.id);
  if (!file) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  return file;
}
