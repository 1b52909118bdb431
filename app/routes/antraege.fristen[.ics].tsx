import type { LoaderFunctionArgs } from '@remix-run/node';
import { organisationCalendar } from '../antrag/deadlines.server';
import { requireApplicant } from '../session.server';

/** The due dates of all the organisation's projects in implementation in one calendar file (issue 19 Nr. 6). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  return new Response(await organisationCalendar(user.organisation_id), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="fristen-alle-vorhaben.ics"',
      'Cache-Control': 'no-store',
    },
  });
}
