import type { LoaderFunctionArgs } from '@remix-run/node';
import { toCsv } from '../../machines/shared/csv';
import { formatDateTime } from '../../machines/shared/format';
import { registrationStatusLabel } from '../../machines/veranstaltungen/registration';
import { requireRole } from '../session.server';
import { participantsOf } from '../veranstaltungen/organiser.server';
import { eventById } from '../veranstaltungen/registration.server';

/** The participants of an event as CSV for spreadsheet programs (UTF-8 with BOM, semicolons). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['advisor', 'ministry']);
  const event = await eventById(params.id);
  if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  // An event with selection also lists each applicant's motivation (issue 18 Nr. 9).
  const selection = event.admission === 'auswahl';
  const rows = (await participantsOf(event.id)).map((p) => [
    p.name,
    p.email,
    p.organisation,
    registrationStatusLabel[p.status],
    p.status === 'waitlisted' && p.waitlist_position !== null ? String(p.waitlist_position) : '',
    p.accessibility_needs,
    p.dietary_needs,
    formatDateTime(p.created_at),
    ...(selection ? [p.motivation] : []),
  ]);
  const csv = toCsv([
    [
      'Name',
      'E-Mail-Adresse',
      'Organisation',
      'Stand',
      selection ? 'Nachrückliste' : 'Warteliste',
      'Barrierefreiheit',
      'Verpflegung',
      selection ? 'Beworben am' : 'Angemeldet am',
      ...(selection ? ['Begründung'] : []),
    ],
    ...rows,
  ]);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="teilnehmende-veranstaltung-${event.id}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
