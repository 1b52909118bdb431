import { isoToGerman } from '../../shared/dates';
import { formatCentsForInput } from '../../shared/format';
import type { CheckAnswers } from './answers';
import type { QuestionId } from './questions';

const asYesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'ja' : 'nein');

/** The stored answers of a question as form values (booleans → ja/nein, cents → "1.234,56"). */
export function formValuesOf(question: QuestionId, a: CheckAnswers): Record<string, string | undefined> {
  switch (question) {
    case 'art':
      return { kind: a.kind };
    case 'sitz':
      return { landkreis: a.landkreis };
    case 'gemeinnuetzigkeit':
      return { nonprofit: asYesNo(a.nonprofit) };
    case 'verankerung':
      return { locallyRooted: asYesNo(a.locallyRooted), seatExceptionReason: a.seatExceptionReason };
    case 'foerderweg':
      return { route: a.route === 'B' ? undefined : a.route };
    case 'verbund':
      return { verbund: asYesNo(a.verbund), verbundAllGebietskoerperschaften: asYesNo(a.verbundAllGebietskoerperschaften) };
    case 'buergerkommune':
      return { buergerkommuneProof: a.buergerkommuneProof };
    case 'inhalt':
      return {
        statutoryProcedure: asYesNo(a.statutoryProcedure),
        buergerbudgetFunds: asYesNo(a.buergerbudgetFunds),
        municipalLevel: asYesNo(a.municipalLevel),
        againstFinalDecision: asYesNo(a.againstFinalDecision),
        decidingBodySupports: asYesNo(a.decidingBodySupports),
      };
    case 'ort':
      return { location: a.location, crossBorderReason: a.crossBorderReason };
    case 'zeitraum':
      return { start: isoToGerman(a.start), end: isoToGerman(a.end) };
    case 'beginn':
      return { alreadyStarted: asYesNo(a.alreadyStarted) };
    case 'beginn-klaeren':
      // Asked because the start lies in the past; "nein" only once a later start is set.
      return { alreadyStarted: a.alreadyStarted ? 'ja' : undefined, start: undefined, end: isoToGerman(a.end) };
    case 'portal':
      return {
        usesBeteiligungsportal: asYesNo(a.usesBeteiligungsportal),
        softwareProcurement: asYesNo(a.softwareProcurement),
        softwareReason: a.softwareReason,
      };
    case 'kooperation':
      return {
        freieTraegerCooperation: asYesNo(a.freieTraegerCooperation),
        municipalityCooperation: asYesNo(a.municipalityCooperation),
        supportLetter: asYesNo(a.supportLetter),
      };
    case 'foerderung':
      return { federalOrEuFunding: a.federalOrEuFunding };
    case 'kosten':
      return {
        totalExpenditureCents: a.totalExpenditureCents === undefined ? undefined : formatCentsForInput(a.totalExpenditureCents),
        requestedGrantCents: a.requestedGrantCents === undefined ? undefined : formatCentsForInput(a.requestedGrantCents),
      };
    case 'erklaerungen':
      return {
        ebbsAndEvaluation: asYesNo(a.ebbsAndEvaluation),
        fdgo: asYesNo(a.fdgo),
        subsidyRelevantFacts: asYesNo(a.subsidyRelevantFacts),
        dataProtection: asYesNo(a.dataProtection),
        vatDeductible: asYesNo(a.vatDeductible),
        portalIdeas: asYesNo(a.portalIdeas),
        mainlyPubliclyFunded: asYesNo(a.mainlyPubliclyFunded),
      };
    case 'netto':
      return { amountsAreNet: asYesNo(a.amountsAreNet) };
  }
}
