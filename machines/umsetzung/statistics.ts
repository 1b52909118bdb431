/**
 * Aggregated figures of the grants in implementation for the ministry (issue 19 Nr. 8): per year of
 * the Bescheid and part of the directive, how many projects, the approved and the paid-out money,
 * and how many Verwendungsnachweise were submitted. No name, title or file number leaves here; sums
 * of fewer than `minimumForAmounts` projects are hidden (one project's grant would identify it).
 */

export interface ImplementationFigure {
  part: 'A' | 'B';
  /** The year of the Bescheid (ISO date's first four characters). */
  year: string;
  grantCents: number;
  paidOutCents: number;
  proofSubmitted: boolean;
}

export interface ImplementationStatRow {
  key: string;
  year: string;
  part: 'A' | 'B';
  projects: number;
  /** null: hidden, too few projects. */
  grantCents: number | null;
  paidOutCents: number | null;
  proofsSubmitted: number;
}

export const partLabel: Record<'A' | 'B', string> = {
  A: 'Teil 2 A (Kommunen)',
  B: 'Teil 2 B (Zivilgesellschaft)',
};

export function implementationStatRows(figures: readonly ImplementationFigure[], minimumForAmounts = 3): ImplementationStatRow[] {
  const rows = new Map<string, ImplementationStatRow & { grant: number; paid: number }>();
  for (const f of figures) {
    const key = `${f.year}-${f.part}`;
    const row = rows.get(key) ?? {
      key,
      year: f.year,
      part: f.part,
      projects: 0,
      grant: 0,
      paid: 0,
      grantCents: null,
      paidOutCents: null,
      proofsSubmitted: 0,
    };
    row.projects += 1;
    row.grant += f.grantCents;
    row.paid += f.paidOutCents;
    if (f.proofSubmitted) row.proofsSubmitted += 1;
    rows.set(key, row);
  }
  return [...rows.values()]
    .sort((a, b) => a.year.localeCompare(b.year) || a.part.localeCompare(b.part))
    .map(({ grant, paid, ...row }) => ({
      ...row,
      grantCents: row.projects >= minimumForAmounts ? grant : null,
      paidOutCents: row.projects >= minimumForAmounts ? paid : null,
    }));
}
