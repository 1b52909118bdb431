import { programmePartOf } from '../../shared/organisation';
import type { FactsInput } from '../facts';
import { capParameterOf, resolveParameters, type ParameterTable } from '../parameters';
import { calendarYearsCovered, capFor } from '../predicates';
import { routeInfo } from '../routes';
import { budgetTotals, type BudgetTotals } from './budget';
import type { ApplicationData } from './schema';

function known<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

const euros = (cents: number) => cents / 100;

/**
 * The cap and rate that apply to the application on a date (null while route or dates are missing),
 * and the programme part (from the route, else the applicant's kind), which decides whether in-kind
 * contributions count.
 */
export function limitsFor(data: ApplicationData, table: ParameterTable, date: string) {
  const params = resolveParameters(table, date);
  const route = data.project.route;
  const kind = data.applicant.organisation?.kind;
  const part = route ? routeInfo[route].part : kind ? programmePartOf(kind) : null;
  const { start, end } = data.schedule;
  let capCents: number | null = null;
  if (route) {
    const perYear = routeInfo[route].durationUnit === 'calendarYears';
    const cap = params[capParameterOf[route]].value;
    capCents = perYear ? (start && end && end >= start ? capFor(route, cap, calendarYearsCovered(start, end)) : null) : cap;
  }
  return { rateBasisPoints: params['grant.maxRate'].value, capCents, part, inKindShareBp: params['inKind.maxShareOfOwnContribution'].value };
}

export function totalsFor(data: ApplicationData, table: ParameterTable, date: string): BudgetTotals {
  return budgetTotals(data, table, limitsFor(data, table, date));
}

function hasBudget(data: ApplicationData) {
  return data.budget.lines.length > 0 || data.budget.inKind.length > 0;
}

/** The application as facts for the rule engine – the same facts the Förder-Check and the CLI give. */
export function applicationToFacts(
  data: ApplicationData,
  table: ParameterTable,
  date: string,
  attachments?: { documentTypes: string[] },
): FactsInput {
  const { applicant, project, schedule, budget, declarations } = data;
  const kind = applicant.organisation?.kind;
  const part = kind ? programmePartOf(kind) : null;
  const totals = hasBudget(data) ? totalsFor(data, table, date) : null;
  const validPeriod = schedule.start && schedule.end && schedule.end >= schedule.start;
  return {
    applicant: known({
      kind,
      landkreis: applicant.organisation?.landkreis,
      nonprofit: part === 'B' ? applicant.nonprofit : undefined,
      locallyRooted: part === 'B' ? applicant.locallyRooted : undefined,
      seatExceptionReason: applicant.seatExceptionReason,
      vatDeductible: budget.vatDeductible,
      mainlyPubliclyFunded: part === 'B' ? declarations.mainlyPubliclyFunded : undefined,
    }),
    ...(applicant.isVerbund
      ? {
          verbund: known({
            partners: applicant.partners.filter((p) => p.kind).map((p) => known({ name: p.name, kind: p.kind! })),
            leadNamed: true,
          }),
        }
      : {}),
    project: known({
      route: project.route,
      location: project.location,
      crossBorderReason: project.crossBorderReason,
      municipalLevel: project.municipalLevel,
      statutoryProcedure: project.statutoryProcedure,
      buergerbudgetFunds: project.buergerbudgetFunds,
      usesBeteiligungsportal: project.usesBeteiligungsportal,
      softwareProcurement: project.softwareProcurement === true || (totals !== null && totals.softwareCents > 0) ? true : project.softwareProcurement,
      softwareReason: project.softwareReason,
      start: validPeriod ? schedule.start : undefined,
      end: validPeriod ? schedule.end : undefined,
      alreadyStarted:
        schedule.alreadyStarted ?? (declarations.notStarted === undefined ? undefined : !declarations.notStarted),
      freieTraegerCooperation: part === 'A' ? project.cooperation : undefined,
      municipalityCooperation: part === 'B' ? project.cooperation : undefined,
      supportLetter: part === 'B' && attachments ? attachments.documentTypes.includes('unterstuetzungsschreiben') : undefined,
      againstFinalDecision: project.againstFinalDecision,
      decidingBodySupports: project.decidingBodySupports,
      buergerkommuneProof: project.buergerkommuneProof,
      federalOrEuFunding: project.federalOrEuFunding,
    }),
    declarations: known({
      ebbsAndEvaluation: declarations.ebbsAndEvaluation,
      portalIdeas: declarations.portalIdeas,
      fdgo: declarations.fdgo,
      subsidyRelevantFacts: declarations.subsidyRelevantFacts,
      dataProtection: declarations.dataProtection,
    }),
    budget: totals
      ? known({
          totalExpenditure: euros(totals.expenditureCents),
          financingCosts: totals.ineligibleCents ? euros(totals.ineligibleCents) : undefined,
          softwareCosts: totals.softwareCents ? euros(totals.softwareCents) : undefined,
          amountsAreNet: budget.vatDeductible ? true : undefined,
          requestedGrant: euros(totals.financing.grantCents),
          ownCash: euros(totals.financing.ownCashCents),
          inKind: euros(totals.financing.inKindCents),
          thirdPartyEarmarked: euros(totals.financing.earmarkedCents),
          thirdPartyOther: euros(totals.financing.otherDonationsCents),
          otherPublic: euros(totals.financing.otherPublicCents),
          capExceedReason: budget.capExceedReason,
        })
      : {},
  };
}
