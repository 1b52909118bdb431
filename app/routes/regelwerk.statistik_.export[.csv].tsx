import type { LoaderFunctionArgs } from '@remix-run/node';
import { statTableCsv, type Period } from '../../machines/frl/regelwerk/statistics';
import { requireRole } from '../session.server';
import { buildStatistics, statTableIds, type StatTableId } from '../regelwerk/statistics.server';
import { todayInSaxony } from '../rules.server';

/**
 * One table of the statistics as a CSV file (the same numbers and hidden cells as the page):
 * UTF-8 with BOM, semicolons, German numbers – it opens in a German spreadsheet as it is.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ministry']);
  const url = new URL(request.url);
  const id = url.searchParams.get('tabelle');
  if (!id || !(statTableIds as readonly string[]).includes(id)) throw new Response('Diese Tabelle gibt es nicht.', { status: 404 });
  const period: Period = url.searchParams.get('zeitraum') === 'quartal' ? 'quartal' : 'monat';
  const statistics = await buildStatistics(period);
  const file = `statistik-${id}${id === 'zeitverlauf' ? `-${period}` : ''}-${todayInSaxony()}.csv`;
  return new Response(statTableCsv(statistics.tables[id as StatTableId]), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    },
  });
}
