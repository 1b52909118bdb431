import { toCsv } from '../../shared/csv';
import { formatCentsForInput, formatNumber } from '../../shared/format';

/**
 * Statistics without personal data: only counts, never names. Counts by Landkreis can point at a
 * single organisation, so small cells there are hidden: every count below `threshold` – zero
 * included, so that a hidden 1 cannot be told from the 0s beside it. When exactly one cell would
 * be hidden, the total would give it away, so the next smallest cell is hidden too.
 */

export interface Cell {
  key: string;
  label: string;
  count: number;
}

export type ShownCell = Cell & { suppressed: boolean };

export const smallCountThreshold = 3;

export function suppressSmallCounts(cells: Cell[], threshold = smallCountThreshold): ShownCell[] {
  const hidden = new Set(cells.filter((c) => c.count < threshold).map((c) => c.key));
  if (hidden.size === 1) {
    const next = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.key);
  }
  return cells.map((c) => ({ ...c, suppressed: hidden.has(c.key) }));
}

/** Most frequent first, then by label; cells with count 0 are dropped. */
export function rank(cells: Cell[], limit = Number.POSITIVE_INFINITY): Cell[] {
  return cells
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'de'))
    .slice(0, limit);
}

// ---- requested amounts, funding calls and time ------------------------------------------------

/** What the statistics read of one draft: no title, no organisation, no person. */
export interface DraftFigure {
  route: string | null;
  /** The day the draft was started, in Saxony (ISO). */
  startedOn: string;
  requestedGrantCents: number | null;
}

export interface AmountCell {
  key: string;
  label: string;
  drafts: number;
  /** Drafts that name a requested grant (the ones the sum is made of). */
  withAmount: number;
  sumCents: number;
}

export type ShownAmountCell = AmountCell & { amountHidden: boolean };

/**
 * A sum of one or two requested grants is the amount one organisation asked for. Counts stay
 * visible (statewide, as by route and status), so only cells of 1 or 2 amounts are hidden – a
 * cell without any amount gives nothing away. If exactly one cell is hidden, the total would
 * reveal it, so the amount of the next smallest cell is hidden too (ADR 0014, 0026).
 */
export function suppressSmallAmounts(cells: AmountCell[], threshold = smallCountThreshold): ShownAmountCell[] {
  const hidden = new Set(cells.filter((c) => c.withAmount > 0 && c.withAmount < threshold).map((c) => c.key));
  if (hidden.size === 1) {
    const next = cells.filter((c) => !hidden.has(c.key) && c.withAmount > 0).sort((a, b) => a.withAmount - b.withAmount)[0];
    if (next) hidden.add(next.key);
  }
  return cells.map((c) => ({ ...c, amountHidden: hidden.has(c.key) }));
}

/** Sums the drafts into the given cells (in their order); drafts without a cell go to `other`, if given. */
export function amountCells(
  figures: DraftFigure[],
  keyOf: (figure: DraftFigure) => string | null,
  cells: Array<{ key: string; label: string }>,
  other?: { key: string; label: string },
): AmountCell[] {
  const result = new Map<string, AmountCell>(cells.map((c) => [c.key, { ...c, drafts: 0, withAmount: 0, sumCents: 0 }]));
  for (const figure of figures) {
    const key = keyOf(figure);
    let cell = key === null ? undefined : result.get(key);
    if (!cell && other) {
      cell = result.get(other.key) ?? { ...other, drafts: 0, withAmount: 0, sumCents: 0 };
      result.set(other.key, cell);
    }
    if (!cell) continue;
    cell.drafts += 1;
    if (figure.requestedGrantCents !== null) {
      cell.withAmount += 1;
      cell.sumCents += figure.requestedGrantCents;
    }
  }
  return [...result.values()];
}

/**
 * Assumption (labelled on the page): a draft belongs to the funding call whose Stichtag is the
 * first on or after the day it was started – the deadline it is prepared for. Drafts started after
 * the last known Stichtag belong to no call yet.
 */
export function callFor<C extends { deadline: string }>(startedOn: string, calls: readonly C[]): C | null {
  return [...calls].sort((a, b) => a.deadline.localeCompare(b.deadline)).find((c) => c.deadline >= startedOn) ?? null;
}

export type Period = 'monat' | 'quartal';

const monthNames = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** "2026-12" (month) or "2026-Q4" (quarter) for an ISO date. */
export function periodKey(isoDate: string, period: Period): string {
  const [year, month] = [isoDate.slice(0, 4), Number(isoDate.slice(5, 7))];
  return period === 'monat' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`;
}

/** "Dezember 2026", "4. Quartal 2026". */
export function periodLabel(key: string, period: Period): string {
  const year = key.slice(0, 4);
  return period === 'monat' ? `${monthNames[Number(key.slice(5, 7)) - 1]} ${year}` : `${key.slice(6)}. Quartal ${year}`;
}

/** Every period from the first to the last date, gaps included (a month without drafts shows 0). */
export function periodsBetween(first: string, last: string, period: Period): string[] {
  const keys: string[] = [];
  let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const end = periodKey(last, period);
  for (;;) {
    const key = periodKey(`${year}-${String(month).padStart(2, '0')}-01`, period);
    if (keys[keys.length - 1] !== key) keys.push(key);
    if (key === end) return keys;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

// ---- tables for the page and the CSV export -----------------------------------------------------

export type ColumnKind = 'text' | 'count' | 'cents';

/** One table of the statistics; a null value is a hidden cell ("ausgeblendet"). */
export interface StatTable {
  id: string;
  title: string;
  columns: Array<{ label: string; kind: ColumnKind }>;
  rows: Array<{ key: string; values: Array<string | number | null> }>;
}

/** A table of requested amounts: count, how many name an amount, sum and average (hidden when small). */
export function amountTable(id: string, title: string, heading: string, cells: ShownAmountCell[], countLabel = 'Entwürfe'): StatTable {
  return {
    id,
    title,
    columns: [
      { label: heading, kind: 'text' },
      { label: countLabel, kind: 'count' },
      { label: 'davon mit Betrag', kind: 'count' },
      { label: 'beantragt, Summe (€)', kind: 'cents' },
      { label: 'beantragt, Durchschnitt (€)', kind: 'cents' },
    ],
    rows: cells.map((c) => ({
      key: c.key,
      values: [
        c.label,
        c.drafts,
        c.withAmount,
        c.amountHidden ? null : c.sumCents,
        c.withAmount === 0 ? '–' : c.amountHidden ? null : Math.round(c.sumCents / c.withAmount),
      ],
    })),
  };
}

/** A cell as text: counts and amounts in German notation (amounts without the € sign, as the column says). */
export function cellText(value: string | number | null, kind: ColumnKind): string {
  if (value === null) return 'ausgeblendet';
  if (typeof value === 'string') return value;
  return kind === 'cents' ? formatCentsForInput(value) : formatNumber(value);
}

/** The table as a CSV file for spreadsheets (UTF-8 with BOM, semicolons, German numbers). */
export function statTableCsv(table: StatTable): string {
  return toCsv([table.columns.map((c) => c.label), ...table.rows.map((r) => r.values.map((v, i) => cellText(v, table.columns[i]!.kind)))]);
}

/** A table of counts (a hidden count is null). */
export function countTable(id: string, title: string, heading: string, cells: Array<Cell | ShownCell>): StatTable {
  return {
    id,
    title,
    columns: [
      { label: heading, kind: 'text' },
      { label: 'Entwürfe', kind: 'count' },
    ],
    rows: cells.map((c) => ({ key: c.key, values: [c.label, 'suppressed' in c && c.suppressed ? null : c.count] })),
  };
}
