/**
 * Answers that lead a Gemeinde through the whole Förder-Check to a fundable Einzelvorhaben, by
 * question (form field names and values as the pages post them). For HTTP clients: the fuzzer
 * and the load benchmark.
 */
export const gemeindeCheckAnswers: Record<string, Record<string, string>> = {
  art: { kind: 'gemeinde' },
  sitz: { landkreis: 'Sächsische Schweiz-Osterzgebirge' },
  foerderweg: { route: 'A1.1' },
  verbund: { verbund: 'nein' },
  inhalt: { statutoryProcedure: 'nein', buergerbudgetFunds: 'nein' },
  ort: { location: 'sachsen' },
  zeitraum: { start: '01.04.2027', end: '31.12.2027' },
  beginn: { alreadyStarted: 'nein' },
  portal: { usesBeteiligungsportal: 'ja', softwareProcurement: 'nein' },
  kooperation: { freieTraegerCooperation: 'nein' },
  foerderung: { federalOrEuFunding: 'keine' },
  kosten: { totalExpenditureCents: '12.000', requestedGrantCents: '10.000' },
  erklaerungen: {
    ebbsAndEvaluation: 'ja',
    portalIdeas: 'ja',
    fdgo: 'ja',
    subsidyRelevantFacts: 'ja',
    dataProtection: 'ja',
    vatDeductible: 'nein',
  },
};
