import type { LoaderFunctionArgs } from '@remix-run/node';
import { upcomingCalendar } from '../veranstaltungen/calendar.server';

/** A subscribable feed of the upcoming events (cancelled ones stay in it, marked CANCELLED). */
export async function loader(_args: LoaderFunctionArgs) {
  return upcomingCalendar();
}
