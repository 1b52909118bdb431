import { describe, expect, it } from 'vitest';
import { implementationStatRows } from '../../machines/umsetzung/statistics';

// Issue 19 Nr. 8: aggregated figures for the ministry, by year of the Bescheid and part of the directive.

const figure = (part: 'A' | 'B', year: string, grantCents: number, paidOutCents: number, proofSubmitted = false) => ({
  part,
  year,
  grantCents,
  paidOutCents,
  proofSubmitted,
});

describe('implementation statistics', () => {
  it('sums per year and part in order, and hides the sums of fewer than three projects', () => {
    const rows = implementationStatRows([
      figure('B', '2026', 1_000_000, 400_000, true),
      figure('A', '2026', 2_000_000, 800_000),
      figure('B', '2026', 500_000, 0),
      figure('B', '2026', 250_001, 100_000, true),
      figure('A', '2025', 3_000_000, 3_000_000, true),
    ]);
    expect(rows).toEqual([
      { key: '2025-A', year: '2025', part: 'A', projects: 1, grantCents: null, paidOutCents: null, proofsSubmitted: 1 },
      { key: '2026-A', year: '2026', part: 'A', projects: 1, grantCents: null, paidOutCents: null, proofsSubmitted: 0 },
      { key: '2026-B', year: '2026', part: 'B', projects: 3, grantCents: 1_750_001, paidOutCents: 500_000, proofsSubmitted: 2 },
    ]);
  });

  it('shows nothing when nothing is in implementation, and the threshold can be set', () => {
    expect(implementationStatRows([])).toEqual([]);
    expect(implementationStatRows([figure('A', '2026', 100, 50)], 1)[0]).toMatchObject({ grantCents: 100, paidOutCents: 50 });
  });
});
