import type { LoaderFunctionArgs } from '@remix-run/node';
import { findEvent } from '../../db/repositories/events';
import { getDb } from '../db.server';
import { calendarResponse } from '../veranstaltungen-calendar.server';

/** One event as an .ics file (RFC 5545, with VTIMEZONE) for one's own calendar. */
export async function loader({ params }: LoaderFunctionArgs) {
  const event = params.id && /^\d{1,9}$/.test(params.id) ? await findEvent(await getDb(), Number(params.id)) : undefined;
  if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  return calendarResponse([event], `veranstaltung-${event.id}.ics`);
}
