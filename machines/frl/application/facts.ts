import { programmePartOf } from '../../shared/organisation';
import { known, type FactsInput } from '../facts';
import { fundingLimits, type FundingLimits } from '../financing';
import { resolveParameters, type ParameterTable } from '../parameters';
import { budgetTotals, hasBudget, type BudgetTotals } from './budget';
import { directProjectFacts } from './fields/vorhaben';
import type { ApplicationData } from './schema';

/** The rate, cap and programme part that apply to the application on a date (see ../financing.ts). */
export function limitsFor(data: ApplicationData, table: ParameterTable, date: string): FundingLimits {
  return fundingLimits(resolveParameters(table, date), {
    route: data.project.route,
    kind: data.applicant.organisation?.kind,
    start: data.schedule.start,
    end: data.schedule.end,
  });
}

/** The plan's money on a date: what the editor shows, the columns store and the PDF prints. */
export function totalsFor(data: ApplicationData, table: ParameterTable, date: string): BudgetTotals {
  return budgetTotals(data, table, limitsFor(data, table, date));
}

/**
 * The partners as facts: none listed is a Verbund without partners (a contradiction the rules
 * report); partners listed without their kind leave the Verbund rule open until the kind is known.
 */
function verbundPartners(partners: ApplicationData['applicant']['partners']) {
  if (partners.length === 0) return [];
  const withKind = partners.filter((p) => p.kind).map((p) => known({ name: p.name, kind: p.kind! }));
  return withKind.length ? withKind : undefined;
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
            partners: verbundPartners(applicant.partners),
            leadNamed: true,
          }),
        }
      : {}),
    project: known({
      ...Object.fromEntries(directProjectFacts.map((name) => [name, project[name]])),
      route: project.route,
      location: project.location,
      crossBorderReason: project.crossBorderReason,
      softwareProcurement:
        project.softwareProcurement === true || (totals !== null && totals.softwareCents > 0) ? true : project.softwareProcurement,
      softwareReason: project.softwareReason,
      start: validPeriod ? schedule.start : undefined,
      end: validPeriod ? schedule.end : undefined,
      alreadyStarted: schedule.alreadyStarted ?? (declarations.notStarted === undefined ? undefined : !declarations.notStarted),
      freieTraegerCooperation: part === 'A' ? project.cooperation : undefined,
      municipalityCooperation: part === 'B' ? project.cooperation : undefined,
      supportLetter: part === 'B' && attachments ? attachments.documentTypes.includes('unterstuetzungsschreiben') : undefined,
      buergerkommuneProof: project.buergerkommuneProof,
      federalOrEuFunding: project.federalOrEuFunding,
      federalOrEuFundingDetails: project.federalOrEuFundingDetails?.trim(),
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
          totalExpenditureCents: totals.expenditureCents,
          financingCostsCents: totals.ineligibleCents || undefined,
          softwareCostsCents: totals.softwareCents || undefined,
          amountsAreNet: budget.vatDeductible ? true : undefined,
          requestedGrantCents: totals.financing.grantCents,
          ownCashCents: totals.financing.ownCashCents,
          inKindCents: totals.financing.inKindCents,
          thirdPartyEarmarkedCents: totals.financing.earmarkedCents,
          thirdPartyOtherCents: totals.financing.otherDonationsCents,
          otherPublicCents: totals.financing.otherPublicCents,
          capExceedReason: budget.capExceedReason,
        } satisfies NonNullable<FactsInput['budget']>)
      : {},
  };
}
