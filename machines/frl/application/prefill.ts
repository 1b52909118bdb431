import type { OrganisationData } from '../../shared/organisation';
import type { CheckAnswers } from '../foerdercheck/answers';
import { emptyApplication, type ApplicationData } from './schema';

/** A new application with the organisation's master data (never ask twice). */
export function applicationFromOrganisation(organisation: OrganisationData): ApplicationData {
  const data = emptyApplication();
  data.applicant.organisation = { ...organisation };
  data.declarations.signatoryName = organisation.legalRepName || undefined;
  data.declarations.signatoryFunction = organisation.legalRepFunction || undefined;
  data.declarations.place = organisation.city || undefined;
  return data;
}

/** The Förder-Check's answers carried into a new application ("Antrag mit diesen Angaben beginnen"). */
export function applicationFromCheck(organisation: OrganisationData, a: CheckAnswers): ApplicationData {
  const data = applicationFromOrganisation(organisation);
  data.applicant.nonprofit = a.nonprofit;
  data.applicant.locallyRooted = a.locallyRooted;
  data.applicant.seatExceptionReason = a.seatExceptionReason;
  data.applicant.isVerbund = a.verbund;
  Object.assign(data.project, {
    route: a.route,
    location: a.location,
    crossBorderReason: a.crossBorderReason,
    statutoryProcedure: a.statutoryProcedure,
    buergerbudgetFunds: a.buergerbudgetFunds,
    municipalLevel: a.municipalLevel,
    againstFinalDecision: a.againstFinalDecision,
    decidingBodySupports: a.decidingBodySupports,
    buergerkommuneProof: a.buergerkommuneProof,
    usesBeteiligungsportal: a.usesBeteiligungsportal,
    softwareProcurement: a.softwareProcurement,
    softwareReason: a.softwareReason,
    cooperation: a.route === 'B' ? a.municipalityCooperation : a.freieTraegerCooperation,
    federalOrEuFunding: a.federalOrEuFunding,
  });
  Object.assign(data.schedule, { start: a.start, end: a.end, alreadyStarted: a.alreadyStarted });
  data.budget.vatDeductible = a.vatDeductible;
  Object.assign(data.declarations, {
    ebbsAndEvaluation: a.ebbsAndEvaluation || undefined,
    portalIdeas: a.portalIdeas || undefined,
    fdgo: a.fdgo || undefined,
    subsidyRelevantFacts: a.subsidyRelevantFacts || undefined,
    dataProtection: a.dataProtection || undefined,
    notStarted: a.alreadyStarted === false ? true : undefined,
    mainlyPubliclyFunded: a.mainlyPubliclyFunded,
  });
  // Drop unknowns so the stored JSON stays minimal and strict.
  return JSON.parse(JSON.stringify(data)) as ApplicationData;
}
