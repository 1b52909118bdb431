import type { LoaderFunctionArgs } from '@remix-run/node';
import { organisationCalendar, organisationOfToken } from '../antrag/deadlines.server';

/**
 * The subscribed calendar (issue 19 Nr. 6, ADR 0067): the same file as the download, for calendar
 * apps that cannot sign in. The secret address is the authorisation; unknown, renewed or ended
 * addresses answer 404 like any address that does not exist.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const organisationId = await organisationOfToken(params.token);
  if (organisationId === null) throw new Response('Nicht gefunden', { status: 404 });
  return new Response(await organisationCalendar(organisationId), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
      'X-Robots-Tag': 'noindex',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
