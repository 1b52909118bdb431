import type { ProgrammePart } from '../../shared/organisation';
import { costCategories } from '../catalogues';
import { minimumWageOn, type ParameterTable } from '../parameters';
import { proposedGrantForPlan } from '../predicates';
import type { ApplicationData, CostLine, InKindLine } from './schema';

/**
 * The arithmetic of the Kosten- und Finanzierungsplan, in integer cents. Quantities are
 * thousandths, so 2,5 Tage × 480,00 € = 2500 × 48000 / 1000 = 120000 cents; products are rounded
 * half up to the cent once per line, never in between.
 */

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
  byYear: Array<{ year: number | null; cents: number }>;
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
}

export function budgetTotals(
  data: ApplicationData,
  table: ParameterTable,
  limits: { rateBasisPoints: number; capCents: number | null; part?: ProgrammePart | null; inKindShareBp?: number | null },
): BudgetTotals {
  const { budget } = data;
  let costLinesCents = 0;
  let ineligibleCents = 0;
  let softwareCents = 0;
  const byCategory = new Map<string, number>();
  const byYear = new Map<number | null, number>();
  for (const line of budget.lines) {
    const cents = lineTotalCents(line);
    costLinesCents += cents;
    if (ineligibleCategories.has(line.category)) ineligibleCents += cents;
    if (softwareCategories.has(line.category)) softwareCents += cents;
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + cents);
    byYear.set(line.year ?? null, (byYear.get(line.year ?? null) ?? 0) + cents);
  }
  let inKindCents = 0;
  for (const line of budget.inKind) {
    const cents = inKindValueCents(line, table);
    inKindCents += cents;
    const year = line.period ? Number(line.period.slice(0, 4)) : null;
    byYear.set(year, (byYear.get(year) ?? 0) + cents);
  }
  const expenditureCents = costLinesCents + inKindCents;
  // The same rule as the engine's: in Teil 2 A in-kind stands on both sides and counts on neither.
  const uncountedInKindCents = limits.part === 'A' ? inKindCents : 0;
  const eligibleCents = expenditureCents - ineligibleCents - uncountedInKindCents;
  const earmarkedCents = budget.donations.filter((d) => d.earmarked).reduce((s, d) => s + (d.amountCents ?? 0), 0);
  const otherDonationsCents = budget.donations.filter((d) => !d.earmarked).reduce((s, d) => s + (d.amountCents ?? 0), 0);
  const otherPublicCents = budget.otherPublic.reduce((s, p) => s + (p.amountCents ?? 0), 0);
  // The proposal keeps every financing rule, not only rate and cap: the applicant can take it as it is.
  const proposal =
    limits.capCents === null
      ? null
      : proposedGrantForPlan({
          eligibleCents,
          rateBp: limits.rateBasisPoints,
          capCents: limits.capCents,
          balanceTotalCents: expenditureCents - uncountedInKindCents,
          earmarkedCents,
          otherPublicCents,
          inKindCents: limits.part === 'B' ? inKindCents : 0,
          inKindShareBp: limits.part === 'B' ? (limits.inKindShareBp ?? null) : null,
        });
  const grantCents = budget.requestedGrantCents ?? proposal ?? 0;
  const ownCashCents = budget.ownCashCents ?? 0;
  const financingCents = ownCashCents + inKindCents + earmarkedCents + otherDonationsCents + otherPublicCents + grantCents;
  return {
    expenditureCents,
    costLinesCents,
    inKindCents,
    ineligibleCents,
    uncountedInKindCents,
    softwareCents,
    eligibleCents,
    byCategory: [...byCategory].map(([category, c]) => ({ category, cents: c })),
    byYear: [...byYear].sort(([a], [b]) => (a ?? 0) - (b ?? 0)).map(([year, c]) => ({ year, cents: c })),
    financing: { ownCashCents, inKindCents, earmarkedCents, otherDonationsCents, otherPublicCents, grantCents },
    financingCents,
    gapCents: expenditureCents - financingCents,
    proposedGrantCents: proposal,
    grantIsProposal: budget.requestedGrantCents === undefined,
  };
}
