import { bescheidOf, listImplementationFigures } from '../../db/repositories/implementations';
import {
  countDrafts,
  countDraftsBy,
  countDraftsByLandkreis,
  countUnmetCriteria,
  listDraftFigures,
  type Count,
} from '../../db/repositories/regelwerk';
import { wordedCriteria } from '../../machines/frl/catalogue';
import { severityLabel } from '../../machines/frl/criterion';
import { adviceStatusLabel, adviceStatuses } from '../../machines/frl/advice/machine';
import {
  amountCells,
  amountTable,
  callFor,
  countTable,
  periodKey,
  periodLabel,
  periodsBetween,
  rank,
  smallCountThreshold,
  suppressSmallAmounts,
  suppressSmallCounts,
  type Cell,
  type DraftFigure,
  type Period,
  type StatTable,
} from '../../machines/frl/regelwerk/statistics';
import { fundingRoutes, routeInfo } from '../../machines/frl/routes';
import { formatDate } from '../../machines/shared/format';
import { landkreise, landkreisLabel } from '../../machines/shared/organisation';
import { implementationStatRows, partLabel } from '../../machines/umsetzung/statistics';
import { getDb } from '../db.server';
import { milestonesOf } from '../umsetzung/implementation.server';
import { rulesOptions, todayInSaxony } from '../rules.server';

/**
 * The statistics of the Regelwerk (ADR 0014, 0026), built once for the page and the CSV export:
 * counts by route, status and Landkreis, the most frequent unmet criteria, and the requested
 * grants by route, by funding call and over time. Queries group, count or read route, date and
 * amount only – never a name, a title or an organisation.
 */

function cellsFor<K extends string>(counts: Count[], keys: readonly K[], label: (key: K) => string, unknown: string): Cell[] {
  const found = new Map(counts.map((c) => [c.key, c.count]));
  const cells: Cell[] = keys.map((key) => ({ key, label: label(key), count: found.get(key) ?? 0 }));
  const other = counts
    .filter((c) => c.key === null || !(keys as readonly (string | null)[]).includes(c.key))
    .reduce((s, c) => s + c.count, 0);
  if (other) cells.push({ key: 'offen', label: unknown, count: other });
  return cells;
}

export const statTableIds = [
  'foerderweg',
  'status',
  'landkreis',
  'kriterien',
  'betraege-foerderweg',
  'betraege-aufruf',
  'zeitverlauf',
  'umsetzung',
] as const;
export type StatTableId = (typeof statTableIds)[number];

export interface Statistics {
  total: number;
  period: Period;
  tables: Record<StatTableId, StatTable>;
  /** The sum of all requested grants, and how many drafts name one. */
  requested: { sumCents: number; drafts: number };
}

export async function buildStatistics(period: Period): Promise<Statistics> {
  const db = await getDb();
  const [total, byRoute, byStatus, byLandkreis, unmet, rows, rules, implementations] = await Promise.all([
    countDrafts(db),
    countDraftsBy(db, 'route'),
    countDraftsBy(db, 'status'),
    countDraftsByLandkreis(db),
    countUnmetCriteria(db),
    listDraftFigures(db),
    rulesOptions(),
    listImplementationFigures(db),
  ]);
  const figures: DraftFigure[] = rows.map((r) => ({
    route: r.route,
    startedOn: todayInSaxony(new Date(r.created_at)),
    requestedGrantCents: r.requested_grant_cents,
  }));
  // The severity beside the title: an exclusion weighs more than a criterion that needs a justification.
  const titleOf = new Map(
    wordedCriteria(rules.parameters, todayInSaxony()).map((c) => [c.id, `${c.title} (${severityLabel[c.severity]})`]),
  );

  const routeCells = amountCells(
    figures,
    (f) => f.route,
    fundingRoutes.map((r) => ({ key: r, label: routeInfo[r].label })),
    { key: 'offen', label: 'Förderweg noch nicht gewählt' },
  );
  const calls = [...rules.calls].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const callCells = amountCells(
    figures,
    (f) => callFor(f.startedOn, calls)?.id ?? null,
    calls.map((c) => ({ key: c.id, label: `${c.title} (Stichtag ${formatDate(c.deadline)})` })),
    { key: 'ohne-aufruf', label: 'nach dem letzten bekannten Stichtag begonnen' },
  ).filter((c) => c.drafts > 0);
  const first = figures[0]?.startedOn;
  const periods = first ? periodsBetween(first, todayInSaxony(), period) : [];
  const timeCells = amountCells(
    figures,
    (f) => periodKey(f.startedOn, period),
    periods.map((key) => ({ key, label: periodLabel(key, period) })),
  );

  const implementationRows = implementationStatRows(
    implementations.map((r) => {
      const b = bescheidOf(r);
      return {
        part: b.programmePart,
        year: b.issuedOn.slice(0, 4),
        grantCents: b.grantCents,
        paidOutCents: r.paid_out_cents,
        proofSubmitted: Boolean(milestonesOf(r).proofSubmittedOn),
      };
    }),
    smallCountThreshold,
  );

  return {
    total,
    period,
    requested: {
      sumCents: figures.reduce((s, f) => s + (f.requestedGrantCents ?? 0), 0),
      drafts: figures.filter((f) => f.requestedGrantCents !== null).length,
    },
    tables: {
      foerderweg: countTable(
        'foerderweg',
        'Entwürfe nach Förderweg',
        'Förderweg',
        cellsFor(byRoute, fundingRoutes, (r) => routeInfo[r].label, 'Förderweg noch nicht gewählt'),
      ),
      status: countTable(
        'status',
        'Entwürfe nach Status',
        'Status',
        cellsFor(byStatus, adviceStatuses, (s) => adviceStatusLabel[s], 'anderer Status'),
      ),
      landkreis: countTable(
        'landkreis',
        'Entwürfe nach Landkreis oder kreisfreier Stadt',
        'Landkreis',
        suppressSmallCounts(cellsFor(byLandkreis, landkreise, (l) => landkreisLabel[l], 'unbekannt')),
      ),
      kriterien: countTable(
        'kriterien',
        'Häufig nicht erfüllte Kriterien',
        'Kriterium',
        rank(
          unmet.map((u) => ({ key: u.key ?? '', label: titleOf.get(u.key ?? '') ?? u.key ?? '', count: u.count })),
          10,
        ),
      ),
      'betraege-foerderweg': amountTable(
        'betraege-foerderweg',
        'Beantragte Zuwendungen nach Förderweg',
        'Förderweg',
        suppressSmallAmounts(routeCells),
      ),
      'betraege-aufruf': amountTable(
        'betraege-aufruf',
        'Beantragte Zuwendungen nach Förderaufruf',
        'Förderaufruf',
        suppressSmallAmounts(callCells),
      ),
      zeitverlauf: amountTable(
        'zeitverlauf',
        `Begonnene Entwürfe und beantragte Zuwendungen je ${period === 'monat' ? 'Monat' : 'Quartal'}`,
        period === 'monat' ? 'Monat' : 'Quartal',
        suppressSmallAmounts(timeCells),
        'begonnene Entwürfe',
      ),
      umsetzung: {
        id: 'umsetzung',
        title: 'Vorhaben in Umsetzung nach Jahr des Bescheides und Förderweg',
        columns: [
          { label: 'Jahr des Bescheides', kind: 'text' },
          { label: 'Förderweg', kind: 'text' },
          { label: 'Vorhaben', kind: 'count' },
          { label: 'bewilligt, Summe (€)', kind: 'cents' },
          { label: 'ausgezahlt, Summe (€)', kind: 'cents' },
          { label: 'Verwendungsnachweis vorgelegt', kind: 'count' },
        ],
        rows: implementationRows.map((r) => ({
          key: r.key,
          values: [r.year, partLabel[r.part], r.projects, r.grantCents, r.paidOutCents, r.proofsSubmitted],
        })),
      },
    },
  };
}
