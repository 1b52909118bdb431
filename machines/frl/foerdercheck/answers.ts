import type { Landkreis, OrganisationKind } from '../../shared/organisation';
import { known, type FactsInput } from '../facts';
import type { FundingRoute } from '../routes';

/** What the Förder-Check has learnt so far; JSON-safe (money in cents, dates ISO). */
export interface CheckAnswers {
  kind?: OrganisationKind;
  landkreis?: Landkreis;
  nonprofit?: boolean;
  locallyRooted?: boolean;
  seatExceptionReason?: string;
  route?: FundingRoute;
  verbund?: boolean;
  verbundAllGebietskoerperschaften?: boolean;
  buergerkommuneProof?: 'satzung' | 'praxis' | 'keiner';
  statutoryProcedure?: boolean;
  buergerbudgetFunds?: boolean;
  municipalLevel?: boolean;
  againstFinalDecision?: boolean;
  decidingBodySupports?: boolean;
  location?: 'sachsen' | 'laenderuebergreifend' | 'ausserhalb';
  crossBorderReason?: string;
  start?: string;
  end?: string;
  alreadyStarted?: boolean;
  usesBeteiligungsportal?: boolean;
  softwareProcurement?: boolean;
  softwareReason?: string;
  freieTraegerCooperation?: boolean;
  municipalityCooperation?: boolean;
  supportLetter?: boolean;
  federalOrEuFunding?: 'keine' | 'beantragt' | 'bewilligt';
  totalExpenditureCents?: number;
  requestedGrantCents?: number;
  ebbsAndEvaluation?: boolean;
  portalIdeas?: boolean;
  fdgo?: boolean;
  subsidyRelevantFacts?: boolean;
  dataProtection?: boolean;
  vatDeductible?: boolean;
  /** Asked only when the applicant may deduct input VAT: are the stated costs net of VAT? */
  amountsAreNet?: boolean;
  mainlyPubliclyFunded?: boolean;
}

/** The answers as facts for the rule engine (the same facts a CLI case or an application gives). */
export function answersToFacts(a: CheckAnswers): FactsInput {
  return {
    applicant: known({
      kind: a.kind,
      landkreis: a.landkreis,
      nonprofit: a.nonprofit,
      locallyRooted: a.locallyRooted,
      seatExceptionReason: a.seatExceptionReason || undefined,
      vatDeductible: a.vatDeductible,
      mainlyPubliclyFunded: a.mainlyPubliclyFunded,
    }),
    ...(a.verbund
      ? {
          verbund: known({
            allPartnersGebietskoerperschaften: a.verbundAllGebietskoerperschaften,
            leadNamed: true,
          }),
        }
      : {}),
    project: known({
      route: a.route,
      location: a.location,
      crossBorderReason: a.crossBorderReason || undefined,
      municipalLevel: a.municipalLevel,
      statutoryProcedure: a.statutoryProcedure,
      buergerbudgetFunds: a.buergerbudgetFunds,
      usesBeteiligungsportal: a.usesBeteiligungsportal,
      softwareProcurement: a.softwareProcurement,
      softwareReason: a.softwareReason || undefined,
      start: a.start,
      end: a.end && a.start && a.end >= a.start ? a.end : undefined,
      alreadyStarted: a.alreadyStarted,
      freieTraegerCooperation: a.freieTraegerCooperation,
      municipalityCooperation: a.municipalityCooperation,
      supportLetter: a.supportLetter,
      againstFinalDecision: a.againstFinalDecision,
      decidingBodySupports: a.decidingBodySupports,
      buergerkommuneProof: a.buergerkommuneProof,
      federalOrEuFunding: a.federalOrEuFunding,
    }),
    declarations: known({
      ebbsAndEvaluation: a.ebbsAndEvaluation,
      portalIdeas: a.portalIdeas,
      fdgo: a.fdgo,
      subsidyRelevantFacts: a.subsidyRelevantFacts,
      dataProtection: a.dataProtection,
    }),
    budget: known({
      totalExpenditureCents: a.totalExpenditureCents,
      requestedGrantCents: a.requestedGrantCents,
      // The check asks only for total costs and the wished grant; the rest is taken to be the
      // applicant's own cash (stated on the result page). The application has the real plan.
      ownCashCents:
        a.totalExpenditureCents !== undefined && a.requestedGrantCents !== undefined
          ? Math.max(0, a.totalExpenditureCents - a.requestedGrantCents)
          : undefined,
      inKindCents: a.totalExpenditureCents !== undefined && a.requestedGrantCents !== undefined ? 0 : undefined,
      amountsAreNet: a.vatDeductible ? a.amountsAreNet : undefined,
    } satisfies NonNullable<FactsInput['budget']>),
  };
}
