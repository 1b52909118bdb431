import type { LoaderFunctionArgs } from '@remix-run/node';
import { findEvent, participants } from '../../db/repositories/events';
import { toCsv } from '../../machines/shared/csv';
import { formatDateTime } from '../../machines/shared/format';
import { registrationStatusLabel } from '../../machines/veranstaltungen/registration';
import { getDb } from '../db.server';
import { requireRole } from '../session.server';

/** The participants of an event as CSV for spreadsheet programs (UTF-8 with BOM, semicolons). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['advisor', 'ministry']);
  const db = await getDb();
  const event = params.id && /^\d{1,9}$/.test(params.id) ? await findEvent(db, Number(params.id)) : undefined;
  if (!event) throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
  // An event with selection also lists each applicant's motivation (issue 18 Nr. 9).
  const selection = event.admission === 'auswahl';
  const rows = (await participants(db, event.id)).map((p) => [
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
