import { formatEuro, formatNumber } from '../../shared/format';
import { costCategories } from '../catalogues';
import { planMoney, type PlanLimits } from '../financing';
import { minimumWageOn, type ParameterTable } from '../parameters';
import type { ApplicationData, CostLine, InKindLine } from './schema';

/**
 * The arithmetic of the Kosten- und Finanzierungsplan's lines, in integer cents. Quantities are
 * thousandths, so 2,5 Tage × 480,00 € = 2500 × 48000 / 1000 = 120000 cents; products are rounded
 * half up to the cent once per line, never in between. What follows from the sums (eligible
 * expenditure, uncounted in-kind, proposal, balance) is derived in ../financing.ts, as for the engine.
 */

/**
 * Whether the application has a plan at all: a cost line or an in-kind contribution. A plan of
 * in-kind contributions alone is a plan (the engine, the stored columns and the PDF count it).
 */
export function hasBudget(data: ApplicationData): boolean {
  return data.budget.lines.length > 0 || data.budget.inKind.length > 0;
}

/** round(a × b / 1000) half up, for non-negative integers, without floating point error. */
export function mulMilli(quantityMilli: number, priceCents: number): number {
  const product = BigInt(quantityMilli) * BigInt(priceCents);
  return Number((product + 500n) / 1000n);
}

export function lineTotalCents(line: CostLine): number {
  if (line.kind === 'pauschal') return line.amountCents ?? 0;
  if (line.quantityMilli === undefined || line.unitPriceCents === undefined) return 0;
  return mulMilli(line.quantityMilli, line.unitPriceCents);
}

/** How a line's amount comes about, as the plan shows it: "4 × 2.500,00 €", "12,5 Std. × 30,00 €", "Pauschalbetrag". */
export function lineCalculationText(line: Pick<CostLine, 'kind' | 'quantityMilli' | 'unitPriceCents'>): string {
  if (line.kind === 'pauschal' || line.quantityMilli === undefined || line.unitPriceCents === undefined) return 'Pauschalbetrag';
  const quantity = formatNumber(line.quantityMilli / 1000);
  return `${line.kind === 'personal' ? `${quantity} Std.` : quantity} × ${formatEuro(line.unitPriceCents)}`;
}

/** The hourly value of volunteer work done in `period` (YYYY-MM): the minimum wage then in force. */
export function volunteerRateCents(table: ParameterTable, period: string | undefined): number | null {
  if (!period) return null;
  return minimumWageOn(table, `${period}-01`)?.value ?? null;
}

export function inKindValueCents(line: InKindLine, table: ParameterTable): number {
  if (line.quantityMilli === undefined) return 0;
  const rate = line.kind === 'ehrenamt' ? volunteerRateCents(table, line.period) : (line.unitRateCents ?? null);
  return rate === null ? 0 : mulMilli(line.quantityMilli, rate);
}

const ineligibleCategories = new Set(costCategories.filter((c) => c.ineligible).map((c) => c.id));
const softwareCategories = new Set(costCategories.filter((c) => c.needsSoftwareReason).map((c) => c.id));

export interface BudgetTotals {
  /** Cost lines plus in-kind contributions (which stand on both sides of the plan). */
  expenditureCents: number;
  costLinesCents: number;
  inKindCents: number;
  /** Lines that are never eligible (financing costs, interest). */
  ineligibleCents: number;
  /**
   * In-kind contributions that count on neither side (Teil 2 A knows no in-kind own share): not
   * eligible, and not part of the financing the grant rests on. 0 in Teil 2 B.
   */
  uncountedInKindCents: number;
  softwareCents: number;
  /** Expenditure minus ineligible lines and uncounted in-kind: the base of the rate and the proposal. */
  eligibleCents: number;
  byCategory: Array<{ category: string; cents: number }>;
  /** Expenditure (cost lines and in-kind) by calendar year; null: lines without a year. */
  byYear: Array<{ year: number | null; cents: number }>;
  /** The in-kind part of `byYear`. */
  inKindByYear: Array<{ year: number | null; cents: number }>;
  financing: {
    ownCashCents: number;
    inKindCents: number;
    earmarkedCents: number;
    otherDonationsCents: number;
    otherPublicCents: number;
    grantCents: number;
  };
  financingCents: number;
  /** Expenditure minus financing: > 0 means uncovered, < 0 over-financed. */
  gapCents: number;
  proposedGrantCents: number | null;
  /** True when the grant is the automatic proposal (the applicant did not ask for less). */
  grantIsProposal: boolean;
  /** Grant ÷ eligible expenditure, rounded up; null without eligible expenditure. */
  grantRateBp: number | null;
}

export function budgetTotals(data: ApplicationData, table: ParameterTable, limits: PlanLimits): BudgetTotals {
  const { budget } = data;
  let costLinesCents = 0;
  let ineligibleCents = 0;
  let softwareCents = 0;
  const byCategory = new Map<string, number>();
  const byYear = new Map<number | null, number>();
  const inKindByYear = new Map<number | null, number>();
  const add = (map: Map<number | null, number>, year: number | null, cents: number) => map.set(year, (map.get(year) ?? 0) + cents);
  for (const line of budget.lines) {
    const cents = lineTotalCents(line);
    costLinesCents += cents;
    if (ineligibleCategories.has(line.category)) ineligibleCents += cents;
    if (softwareCategories.has(line.category)) softwareCents += cents;
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + cents);
    add(byYear, line.year ?? null, cents);
  }
  let inKindCents = 0;
  for (const line of budget.inKind) {
    const cents = inKindValueCents(line, table);
    inKindCents += cents;
    const year = line.period ? Number(line.period.slice(0, 4)) : null;
    add(byYear, year, cents);
    add(inKindByYear, year, cents);
  }
  const expenditureCents = costLinesCents + inKindCents;
  const earmarkedCents = budget.donations.filter((d) => d.earmarked).reduce((s, d) => s + (d.amountCents ?? 0), 0);
  const otherDonationsCents = budget.donations.filter((d) => !d.earmarked).reduce((s, d) => s + (d.amountCents ?? 0), 0);
  const otherPublicCents = budget.otherPublic.reduce((s, p) => s + (p.amountCents ?? 0), 0);
  const ownCashCents = budget.ownCashCents ?? 0;
  const money = planMoney(
    {
      expenditureCents,
      ineligibleCents,
      inKindCents,
      requestedGrantCents: budget.requestedGrantCents ?? null,
      ownCashCents,
      earmarkedCents,
      otherThirdPartyCents: otherDonationsCents,
      otherPublicCents,
    },
    limits,
    // The proposal keeps every financing rule: the applicant can take it as it is.
    { missingGrant: 'proposal' },
  );
  // Every source is stated here (absent means 0), so the sums below are never null.
  const grantCents = money.grantCents!;
  const byYearSorted = (map: Map<number | null, number>) =>
    [...map].sort(([a], [b]) => (a ?? 0) - (b ?? 0)).map(([year, cents]) => ({ year, cents }));
  return {
    expenditureCents,
    costLinesCents,
    inKindCents,
    ineligibleCents,
    uncountedInKindCents: money.uncountedInKindCents,
    softwareCents,
    eligibleCents: money.eligibleCents!,
    byCategory: [...byCategory].map(([category, c]) => ({ category, cents: c })),
    byYear: byYearSorted(byYear),
    inKindByYear: byYearSorted(inKindByYear),
    financing: { ownCashCents, inKindCents, earmarkedCents, otherDonationsCents, otherPublicCents, grantCents },
    financingCents: money.financingCents!,
    gapCents: money.gapCents!,
    proposedGrantCents: money.proposedGrantCents,
    grantIsProposal: budget.requestedGrantCents === undefined,
    grantRateBp: money.grantRateBp,
  };
}
