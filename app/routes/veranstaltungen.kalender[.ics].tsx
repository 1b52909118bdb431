import type { LoaderFunctionArgs } from '@remix-run/node';
import { listEvents } from '../../db/repositories/events';
import { getDb } from '../db.server';
import { calendarResponse } from '../veranstaltungen-calendar.server';

/** A subscribable feed of the upcoming events (cancelled ones stay in it, marked CANCELLED). */
export async function loader(_args: LoaderFunctionArgs) {
  return calendarResponse(await listEvents(await getDb(), { archive: false }), 'veranstaltungen.ics');
}
