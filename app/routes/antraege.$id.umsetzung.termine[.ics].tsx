import type { LoaderFunctionArgs } from '@remix-run/node';
import { implementationDeadlines } from '../../machines/umsetzung/deadlines';
import { config } from '../config.server';
import { absoluteLink } from '../notification-texts';
import { requireApplicant } from '../session.server';
import { implementationFactsOf, implementationTable, requireImplementation } from '../umsetzung/implementation.server';
import { deadlinesToIcs } from '../umsetzung/deadlines-ics';

/** The due dates of a project in implementation as an .ics file with reminders (issue 19 Nr. 6). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireImplementation(user, params.id);
  const facts = await implementationFactsOf(loaded.row, loaded.bescheid);
  const id = loaded.application.row.id;
  const body = deadlinesToIcs(implementationDeadlines(facts, implementationTable), {
    applicationId: id,
    projectTitle: loaded.application.data.project.title?.trim() || 'Vorhaben',
    host: new URL(config.publicUrl).host,
    url: absoluteLink(config.publicUrl, `/antraege/${id}/umsetzung`),
    stamp: loaded.row.updated_at,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="fristen-antrag-${id}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}
