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
