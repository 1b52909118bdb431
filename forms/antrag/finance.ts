import type { BudgetTotals } from '../../machines/frl/application/budget';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { calendarYearsOf } from '../../machines/frl/predicates';

/**
 * The Finanzierungsplan by calendar year (section 4 of the form). The application records years
 * only for cost lines and in-kind work; the other sources are spread over the years in proportion to
 * each year's cash expenditure (largest remainder, in whole euros when the source is whole euros),
 * so every row adds up exactly to its total. At most three columns: further years are merged.
 */

export const financeRowKeys = ['ausgaben', 'eigenmittel', 'eigenleistungen', 'dritte', 'oeffentlich', 'zuwendung'] as const;
export type FinanceRowKey = (typeof financeRowKeys)[number];

export interface FinanceColumn {
  /** "2027", "2029–2030", "ohne Jahr" */
  label: string;
  cents: Record<FinanceRowKey, number>;
}

export interface FinancePlan {
  columns: FinanceColumn[];
  total: Record<FinanceRowKey, number>;
}

/** Splits `total` over `weights` in proportion, exactly (largest remainder method). */
export function allocate(total: number, weights: number[], unit = 1): number[] {
  const units = Math.floor(total / unit);
  const remainderCents = total - units * unit;
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (weightSum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => BigInt(units) * BigInt(w));
  const base = exact.map((e) => Number(e / BigInt(weightSum)));
  let left = units - base.reduce((s, b) => s + b, 0);
  const order = exact.map((e, i) => ({ i, rest: Number(e % BigInt(weightSum)) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    base[i]! += 1;
    left -= 1;
  }
  const out = base.map((b) => b * unit);
  out[out.findIndex((_, i) => weights[i]! > 0)]! += remainderCents;
  return out;
}

interface Bucket {
  years: Array<number | null>;
  expenditure: number;
  inKind: number;
}

export function financeByYear(data: ApplicationData, totals: BudgetTotals): FinancePlan {
  const { start, end } = data.schedule;
  const years = new Set<number>();
  if (start && end && end >= start) for (const y of calendarYearsOf(start, end)) years.add(y);
  for (const entry of totals.byYear) if (entry.year !== null) years.add(entry.year);
  const keys: Array<number | null> = [...years].sort((a, b) => a - b);
  if (totals.byYear.some((e) => e.year === null && e.cents !== 0)) keys.push(null);

  let buckets: Bucket[] = keys.map((year) => ({
    years: [year],
    expenditure: totals.byYear.find((e) => e.year === year)?.cents ?? 0,
    inKind: totals.inKindByYear.find((e) => e.year === year)?.cents ?? 0,
  }));
  if (buckets.length > 3) {
    const merged = buckets
      .slice(2)
      .reduce<Bucket>(
        (m, b) => ({ years: [...m.years, ...b.years], expenditure: m.expenditure + b.expenditure, inKind: m.inKind + b.inKind }),
        { years: [], expenditure: 0, inKind: 0 },
      );
    buckets = [...buckets.slice(0, 2), merged];
  }
  const f = totals.financing;
  const weights = buckets.map((b) => Math.max(0, b.expenditure - b.inKind));
  const spread = (cents: number) => allocate(cents, weights, cents % 100 === 0 ? 100 : 1);
  const own = spread(f.ownCashCents);
  const third = spread(f.earmarkedCents + f.otherDonationsCents);
  const pub = spread(f.otherPublicCents);
  const grant = spread(f.grantCents);
  const labelOf = (bucket: Bucket) => {
    const known = bucket.years.filter((y): y is number => y !== null);
    const unknown = bucket.years.includes(null);
    if (known.length === 0) return 'ohne Jahr';
    const range = known.length === 1 ? String(known[0]) : `${known[0]}–${known[known.length - 1]}`;
    return unknown ? `${range} u. o. J.` : range;
  };
  return {
    columns: buckets.map((bucket, i) => ({
      label: labelOf(bucket),
      cents: {
        ausgaben: bucket.expenditure,
        eigenmittel: own[i] ?? 0,
        eigenleistungen: bucket.inKind,
        dritte: third[i] ?? 0,
        oeffentlich: pub[i] ?? 0,
        zuwendung: grant[i] ?? 0,
      },
    })),
    total: {
      ausgaben: totals.expenditureCents,
      eigenmittel: f.ownCashCents,
      eigenleistungen: f.inKindCents,
      dritte: f.earmarkedCents + f.otherDonationsCents,
      oeffentlich: f.otherPublicCents,
      zuwendung: f.grantCents,
    },
  };
}
