import { programmePartOf, type OrganisationKind, type ProgrammePart } from '../shared/organisation';
import { capParameterOf, type DatedValue, type ParameterId } from './parameters';
import { calendarYearsCovered, capFor, proposedGrantForPlan, rateBasisPoints } from './predicates';
import { routeInfo, type FundingRoute } from './routes';

/**
 * The money of a Kosten- und Finanzierungsplan, derived in one place for every reader: the rule
 * engine (from facts), and the budget editor, the stored columns and the PDF (from the plan's
 * lines, summed in application/budget.ts). Integer cents, rates in basis points.
 */

/** The limits that apply to a plan on a date: programme part, rate, cap and in-kind share. */
export interface FundingLimits {
  /** From the route, else from the applicant's kind; decides whether in-kind contributions count. */
  part: ProgrammePart | null;
  route: FundingRoute | null;
  /** Calendar years the period touches; null while start or end is missing (or end before start). */
  calendarYears: number | null;
  rateBasisPoints: number;
  /** The cap of the whole project (per year × calendar years where the route counts years). */
  capCents: number | null;
  inKindShareBp: number;
}

export function fundingLimits(
  params: Record<ParameterId, DatedValue>,
  applicant: { route?: FundingRoute | null; kind?: OrganisationKind | null; start?: string | null; end?: string | null },
): FundingLimits {
  const route = applicant.route ?? null;
  const part = route ? routeInfo[route].part : applicant.kind ? programmePartOf(applicant.kind) : null;
  const { start, end } = applicant;
  const calendarYears = start && end && end >= start ? calendarYearsCovered(start, end) : null;
  let capCents: number | null = null;
  if (route) {
    const cap = params[capParameterOf[route]].value;
    const perYear = routeInfo[route].durationUnit === 'calendarYears';
    capCents = perYear ? (calendarYears === null ? null : capFor(route, cap, calendarYears)) : cap;
  }
  return {
    part,
    route,
    calendarYears,
    rateBasisPoints: params['grant.maxRate'].value,
    capCents,
    inKindShareBp: params['inKind.maxShareOfOwnContribution'].value,
  };
}

/** The plan as stated, summed by source; null where nothing is stated. */
export interface PlanSums {
  /** Every expenditure, in-kind contributions included (they stand on both sides of the plan). */
  expenditureCents: number | null;
  /** Financing costs and interest: never eligible (FRL Teil 2 A V Nr. 7). */
  ineligibleCents: number;
  inKindCents: number | null;
  /** The grant asked for; null when not stated. */
  requestedGrantCents: number | null;
  ownCashCents: number | null;
  earmarkedCents: number | null;
  otherThirdPartyCents: number | null;
  otherPublicCents: number | null;
}

export interface PlanMoney {
  /**
   * In-kind contributions that count on neither side: all of them in Teil 2 A, which knows no
   * in-kind own share (assumption of finanzen.sachleistungen-kommune); none in Teil 2 B.
   */
  uncountedInKindCents: number;
  /** The expenditure the financing must match: the total without uncounted in-kind. */
  balanceTotalCents: number | null;
  /** Expenditure minus ineligible costs and uncounted in-kind: the base of the rate and the proposal. */
  eligibleCents: number | null;
  /** The largest grant every financing rule allows (full euros); null while the cap is unknown. */
  proposedGrantCents: number | null;
  /** The grant of the plan: as requested, else (where the plan says so) the proposal. */
  grantCents: number | null;
  /** Every stated source, the grant and in-kind included; null until the grant and a source are known. */
  financingCents: number | null;
  /** The financing that counts against `balanceTotalCents` (without uncounted in-kind). */
  countedFinancingCents: number | null;
  /** Expenditure minus financing: > 0 uncovered, < 0 over-financed. */
  gapCents: number | null;
  /** Everything except the grant: own cash, in kind, third parties, other public funds. */
  ownShareCents: number | null;
  /** Grant ÷ eligible expenditure, rounded up (so 90,001 % never shows as 90 %). */
  grantRateBp: number | null;
}

export interface PlanOptions {
  /**
   * The budget editor proposes the largest allowed grant while none is asked for ("höchstmöglich");
   * a fact that is not stated stays unknown.
   */
  missingGrant: 'proposal' | 'unknown';
}

/** What planMoney needs of the limits (the budget editor's tests give only rate, cap and part). */
export type PlanLimits = Pick<FundingLimits, 'rateBasisPoints' | 'capCents'> & Partial<Pick<FundingLimits, 'part' | 'inKindShareBp'>>;

export function planMoney(sums: PlanSums, limits: PlanLimits, options: PlanOptions): PlanMoney {
  const inKind = sums.inKindCents ?? 0;
  const uncountedInKindCents = limits.part === 'A' ? inKind : 0;
  const balanceTotalCents = sums.expenditureCents === null ? null : sums.expenditureCents - uncountedInKindCents;
  const eligibleCents = balanceTotalCents === null ? null : Math.max(0, balanceTotalCents - sums.ineligibleCents);
  const countsInKind = limits.part === 'B';
  const proposedGrantCents =
    eligibleCents !== null && balanceTotalCents !== null && limits.capCents !== null
      ? proposedGrantForPlan({
          eligibleCents,
          rateBp: limits.rateBasisPoints,
          capCents: limits.capCents,
          balanceTotalCents,
          earmarkedCents: sums.earmarkedCents ?? 0,
          otherPublicCents: sums.otherPublicCents ?? 0,
          inKindCents: countsInKind ? inKind : 0,
          inKindShareBp: countsInKind ? (limits.inKindShareBp ?? null) : null,
        })
      : null;
  const grantCents = sums.requestedGrantCents ?? (options.missingGrant === 'proposal' ? (proposedGrantCents ?? 0) : null);
  const sources = [sums.ownCashCents, sums.inKindCents, sums.earmarkedCents, sums.otherThirdPartyCents, sums.otherPublicCents];
  const anySource = sources.some((cents) => cents !== null);
  const financingCents =
    grantCents !== null && anySource ? grantCents + sources.reduce<number>((sum, cents) => sum + (cents ?? 0), 0) : null;
  const countedFinancingCents = financingCents === null ? null : financingCents - uncountedInKindCents;
  return {
    uncountedInKindCents,
    balanceTotalCents,
    eligibleCents,
    proposedGrantCents,
    grantCents,
    financingCents,
    countedFinancingCents,
    gapCents: financingCents !== null && sums.expenditureCents !== null ? sums.expenditureCents - financingCents : null,
    ownShareCents: sums.expenditureCents !== null && grantCents !== null ? sums.expenditureCents - grantCents : null,
    grantRateBp: grantCents !== null && eligibleCents ? rateBasisPoints(grantCents, eligibleCents) : null,
  };
}
