import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { countDrafts, countDraftsBy, countDraftsByLandkreis, countUnmetCriteria, type Count } from '../../db/repositories/regelwerk';
import { criteria } from '../../machines/frl/criteria/index';
import { severityLabel } from '../../machines/frl/criterion';
import { reviewStatusLabel, reviewStatuses } from '../../machines/frl/review/machine';
import { rank, smallCountThreshold, suppressSmallCounts, type Cell, type ShownCell } from '../../machines/frl/regelwerk/statistics';
import { fundingRoutes, routeInfo } from '../../machines/frl/routes';
import { formatNumber } from '../../machines/shared/format';
import { landkreise, landkreisLabel } from '../../machines/shared/organisation';
import { BarChart } from '../components/bar-chart';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { getDb } from '../db.server';
import { requireRole } from '../session.server';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction = () => [{ title: 'Statistik – Regelwerk – Förderlotse Bürgerbeteiligung' }];

/** Counts only: the queries group by route, status, Landkreis and criterion and never read names. */
function cellsFor<K extends string>(counts: Count[], keys: readonly K[], label: (key: K) => string, unknown: string): Cell[] {
  const found = new Map(counts.map((c) => [c.key, c.count]));
  const cells: Cell[] = keys.map((key) => ({ key, label: label(key), count: found.get(key) ?? 0 }));
  const other = counts.filter((c) => c.key === null || !(keys as readonly (string | null)[]).includes(c.key)).reduce((s, c) => s + c.count, 0);
  if (other) cells.push({ key: 'offen', label: unknown, count: other });
  return cells;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ministry']);
  const db = await getDb();
  const [total, byRoute, byStatus, byLandkreis, unmet] = await Promise.all([
    countDrafts(db),
    countDraftsBy(db, 'route'),
    countDraftsBy(db, 'status'),
    countDraftsByLandkreis(db),
    countUnmetCriteria(db),
  ]);
  // The severity beside the title: an exclusion weighs more than a criterion that needs a justification.
  const titleOf = new Map(criteria.map((c) => [c.id, `${c.title} (${severityLabel[c.severity]})`]));
  return {
    total,
    threshold: smallCountThreshold,
    routes: cellsFor(byRoute, fundingRoutes, (r) => routeInfo[r].label, 'Förderweg noch nicht gewählt'),
    statuses: cellsFor(byStatus, reviewStatuses, (s) => reviewStatusLabel[s], 'anderer Status'),
    landkreise: suppressSmallCounts(cellsFor(byLandkreis, landkreise, (l) => landkreisLabel[l], 'unbekannt')),
    unmet: rank(
      unmet.map((u) => ({ key: u.key ?? '', label: titleOf.get(u.key ?? '') ?? u.key ?? '', count: u.count })),
      10,
    ),
  };
}

function CountTable({ id, caption, cells, header }: { id: string; caption: string; cells: Array<Cell | ShownCell>; header: string }) {
  return (
    <ScrollTable caption={caption} captionId={`${id}-caption`}>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col" className="num">
            Entwürfe
          </th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr key={c.key}>
            <th scope="row">{c.label}</th>
            <td className="num">{'suppressed' in c && c.suppressed ? 'ausgeblendet' : formatNumber(c.count)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export default function Statistics() {
  const d = useLoaderData<typeof loader>();
  const shown = (cells: Array<Cell | ShownCell>) => cells.filter((c) => c.count > 0 && !('suppressed' in c && c.suppressed)).map((c) => ({ label: c.label, value: c.count }));
  return (
    <>
      <h1>Statistik</h1>
      <RegelwerkNav showStatistics />
      <p className="lead">
        {d.total === 1 ? 'Ein Antragsentwurf' : `${formatNumber(d.total)} Antragsentwürfe`} (ohne Papierkorb). Gezählt wird
        nur, nie benannt: keine Namen von Personen oder Organisationen.
      </p>
      <p>
        Zahlen je Landkreis unter {d.threshold} (auch 0) werden ausgeblendet, weil sie auf eine einzelne Organisation
        schließen lassen könnten; wäre nur ein Landkreis ausgeblendet, wird zusätzlich der nächstkleinere ausgeblendet, damit
        sich die Zahl nicht aus der Summe ergibt.
      </p>
      <h2>Nach Förderweg</h2>
      <BarChart id="stat-foerderweg" title="Entwürfe nach Förderweg" items={shown(d.routes)} format={formatNumber} />
      <CountTable id="tab-foerderweg" caption="Entwürfe nach Förderweg" header="Förderweg" cells={d.routes} />
      <h2>Nach Status</h2>
      <BarChart id="stat-status" title="Entwürfe nach Status" items={shown(d.statuses)} format={formatNumber} />
      <CountTable id="tab-status" caption="Entwürfe nach Status" header="Status" cells={d.statuses} />
      <h2>Nach Landkreis</h2>
      {shown(d.landkreise).length ? (
        <BarChart id="stat-landkreis" title="Entwürfe nach Landkreis (kleine Zahlen ausgeblendet)" items={shown(d.landkreise)} format={formatNumber} />
      ) : (
        <p>Noch keine Zahl je Landkreis ist groß genug, um sie zu zeigen.</p>
      )}
      <CountTable id="tab-landkreis" caption="Entwürfe nach Landkreis oder kreisfreier Stadt" header="Landkreis" cells={d.landkreise} />
      <h2>Häufig nicht erfüllte Kriterien</h2>
      <p>
        Stand der letzten Prüfung jedes Entwurfs; die zehn häufigsten. Gezählt werden Kriterien, die die Förderung ausschließen
        (Ausschluss) oder eine Begründung verlangen (Begründung). Bloße Hinweise wie „Offener Förderaufruf“ zählen nicht mit, weil
        sie zwischen zwei Förderaufrufen jeden Entwurf betreffen.
      </p>
      {d.unmet.length ? (
        <>
          <BarChart id="stat-kriterien" title="Häufig nicht erfüllte Kriterien" items={d.unmet.map((c) => ({ label: c.label, value: c.count }))} format={formatNumber} />
          <CountTable id="tab-kriterien" caption="Häufig nicht erfüllte Kriterien" header="Kriterium" cells={d.unmet} />
        </>
      ) : (
        <p>Bisher ist bei keinem Entwurf ein Kriterium mit Ausschluss oder Begründung nicht erfüllt.</p>
      )}
    </>
  );
}
