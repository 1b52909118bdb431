import type { LoaderFunctionArgs } from '@remix-run/node';
import { costLineTemplate } from '../../machines/frl/application/cost-line-import';
import { toCsv } from '../../machines/shared/csv';
import { requireOwnApplication } from '../antrag/application.server';
import { requireApplicant } from '../session.server';

/**
 * The template of the CSV import of cost lines (ADR 0078): the columns the import suggests by
 * itself and two example rows in the application's first year, as German Excel opens it (UTF-8
 * with byte order mark, semicolons).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  const start = loaded.data.schedule.start;
  const firstYear = start ? Number(start.slice(0, 4)) : new Date().getUTCFullYear() + 1;
  return new Response(toCsv(costLineTemplate(firstYear)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="ausgaben-vorlage.csv"',
      'Cache-Control': 'private, no-store',
    },
  });
}
