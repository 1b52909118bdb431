import { describe, expect, it } from 'vitest';
import { callStatusOn, knownCalls } from '../../machines/frl/calls';
import { wordedCriteria } from '../../machines/frl/catalogue';
import { criteria } from '../../machines/frl/criteria/index';
import { CaseError, evaluate, evaluateCase } from '../../machines/frl/engine';
import { caseFactsSchema, type CaseFactsInput } from '../../machines/frl/facts';
import { minimumWageOn, shippedParameters, withAdditionalValues } from '../../machines/frl/parameters';

const complete: CaseFactsInput = {
  applicant: {
    kind: 'verein',
    landkreis: 'Görlitz',
    nonprofit: true,
    locallyRooted: true,
    vatDeductible: false,
    mainlyPubliclyFunded: false,
  },
  project: {
    route: 'B',
    location: 'sachsen',
    municipalLevel: true,
    againstFinalDecision: false,
    usesBeteiligungsportal: false,
    softwareProcurement: false,
    start: '2027-03-01',
    end: '2028-10-31',
    alreadyStarted: false,
    municipalityCooperation: true,
    supportLetter: true,
    federalOrEuFunding: 'keine',
  },
  declarations: { ebbsAndEvaluation: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true },
  budget: { totalExpenditure: 20000, requestedGrant: 18000, ownCash: 1000, inKind: 1000 },
};

const run = (facts: CaseFactsInput, date = '2026-11-22') => evaluate(date, caseFactsSchema.parse(facts));
const finding = (result: ReturnType<typeof run>, id: string) => result.findings.find((f) => f.id === id)!;

describe('the engine', () => {
  it('evaluates every criterion of the catalogue on every check, even for an empty case', () => {
    const empty = run({});
    expect(empty.findings.map((f) => f.id)).toEqual(criteria.map((c) => c.id));
    expect(empty.verdict).toBe('unvollstaendig');
    const full = run(complete);
    expect(full.findings).toHaveLength(criteria.length);
  });

  it('has unique, stable ids and a clause for every criterion', () => {
    const ids = criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of wordedCriteria(shippedParameters, '2026-11-22')) {
      expect(c.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(c.clauses.length).toBeGreaterThan(0);
      expect(c.explanation.erfuellt.einfach.length).toBeGreaterThan(10);
      expect(c.explanation.nicht_erfuellt.verwaltung.length).toBeGreaterThan(10);
    }
  });

  it('rates a complete civil-society case as fundable', () => {
    const result = run(complete);
    expect(result.findings.filter((f) => f.status === 'nicht_erfuellt' && f.severity !== 'hinweis')).toEqual([]);
    expect(result.verdict).toBe('foerderfaehig');
    expect(result.amounts.proposedGrantCents).toBe(1_800_000);
  });

  it('reports all problems at once, not just the first', () => {
    const result = run({
      ...complete,
      applicant: { ...complete.applicant, nonprofit: false },
      budget: { totalExpenditure: 4000, requestedGrant: 3900, ownCash: 100 },
      declarations: { ...complete.declarations, fdgo: false },
    });
    const unmet = result.findings.filter((f) => f.status === 'nicht_erfuellt').map((f) => f.id);
    expect(unmet).toEqual(
      expect.arrayContaining(['antragsteller.gemeinnuetzig', 'erklaerung.fdgo', 'finanzen.mindestbetrag', 'finanzen.foerdersatz']),
    );
    expect(result.verdict).toBe('nicht_foerderfaehig');
  });

  it('ranks verdicts: Ausschluss before open before Begründung', () => {
    const begruendung = run({ ...complete, budget: { totalExpenditure: 200000, requestedGrant: 180000, ownCash: 20000 } });
    expect(finding(begruendung, 'finanzen.hoechstbetrag').status).toBe('nicht_erfuellt');
    expect(begruendung.verdict).toBe('begruendung_erforderlich');
    const open = run({ ...complete, declarations: { fdgo: true }, budget: complete.budget });
    expect(open.verdict).toBe('unvollstaendig');
    const excluded = run({ ...complete, project: { ...complete.project, alreadyStarted: true } });
    expect(excluded.verdict).toBe('nicht_foerderfaehig');
  });

  it('records the facts and parameters that decided a criterion', () => {
    const result = run({ ...complete, budget: { totalExpenditure: 20000, requestedGrant: 18000.01, ownCash: 1999.99 } });
    const rate = finding(result, 'finanzen.foerdersatz');
    expect(rate.status).toBe('nicht_erfuellt');
    expect(rate.trace.map((t) => t.label)).toEqual(
      expect.arrayContaining(['beantragte Zuwendung', 'Gesamtausgaben', 'Höchstfördersatz', 'Fördersatz']),
    );
    expect(rate.trace.find((t) => t.label === 'Fördersatz')?.value).toBe('90,01\u00a0%');
    expect(rate.fix).toBe(
      'Reduzieren Sie die beantragte Zuwendung auf 18.000\u00a0€ und erhöhen Sie den Eigenanteil entsprechend um 0,01\u00a0€.',
    );
  });

  it('marks criteria of the other programme part as not applicable', () => {
    const result = run(complete);
    expect(finding(result, 'vorhaben.keine-gesetzliche-beteiligung').status).toBe('entfaellt');
    expect(finding(result, 'vorhaben.buergerkommune-voraussetzung').status).toBe('entfaellt');
    expect(finding(result, 'antragsteller.gemeinnuetzig').status).toBe('erfuellt');
  });

  it('deducts financing costs from eligible expenditure (FRL Teil 2 A V Nr. 7)', () => {
    const result = run({ ...complete, budget: { totalExpenditure: 20000, financingCosts: 1000, requestedGrant: 18000, ownCash: 2000 } });
    expect(result.amounts.eligibleCents).toBe(1_900_000);
    expect(finding(result, 'finanzen.foerdersatz').status).toBe('nicht_erfuellt');
    expect(finding(result, 'finanzen.finanzierungskosten').status).toBe('nicht_erfuellt');
  });

  it("leaves a municipality's in-kind contributions out of eligible expenditure and financing alike", () => {
    const gemeinde: CaseFactsInput = {
      ...complete,
      applicant: { kind: 'gemeinde', landkreis: 'Meißen', vatDeductible: false },
      project: { ...complete.project, route: 'A1.2', municipalLevel: undefined, againstFinalDecision: undefined },
      budget: { totalExpenditure: 20000, requestedGrant: 18000, ownCash: 1000, inKind: 1000 },
    };
    const result = run(gemeinde);
    // Eligible: 20.000 − 1.000 in kind; the grant may be at most 90 % of that.
    expect(result.amounts.eligibleCents).toBe(1_900_000);
    expect(result.amounts.proposedGrantCents).toBe(1_710_000);
    expect(finding(result, 'finanzen.foerdersatz').status).toBe('nicht_erfuellt');
    expect(finding(result, 'finanzen.foerdersatz').fix).toContain('17.100');
    // In kind on both sides: the plan still balances.
    expect(finding(result, 'finanzen.ausgeglichen').status).toBe('erfuellt');
    // The same plan from a Verein counts the in-kind share (FRL Teil 2 B V Nr. 5).
    expect(run(complete).amounts.eligibleCents).toBe(2_000_000);
    // Earmarked donations cannot be matched against municipal in-kind either.
    const donated = run({
      ...gemeinde,
      budget: { totalExpenditure: 20000, requestedGrant: 16200, ownCash: 0, inKind: 2000, thirdPartyEarmarked: 1800 },
    });
    expect(finding(donated, 'finanzen.ausgeglichen').status).toBe('erfuellt');
    expect(finding(donated, 'finanzen.deckungsmittel').status).toBe('erfuellt');
    expect(finding(donated, 'finanzen.foerdersatz').status).toBe('erfuellt');
  });

  it('reduces the grant by earmarked donations and other public funds (ANBest-P Nr. 1.2)', () => {
    const result = run({
      ...complete,
      budget: { totalExpenditure: 20000, requestedGrant: 18000, thirdPartyEarmarked: 3000, ownCash: 0 },
    });
    expect(finding(result, 'finanzen.deckungsmittel').status).toBe('nicht_erfuellt');
    expect(finding(result, 'finanzen.deckungsmittel').fix).toContain('17.000,00\u00a0€');
  });
});

describe('dated parameters and rule versions', () => {
  it('chooses the directive version and parameter values by reference date', () => {
    expect(run(complete, '2023-01-01').ruleVersion.id).toBe('2022-03-30+2022-10-01');
    expect(run(complete, '2026-11-22').ruleVersion.id).toBe('2023-06-30+2026-01-01');
    expect(minimumWageOn(shippedParameters, '2025-12-31')?.value).toBe(1282);
    expect(minimumWageOn(shippedParameters, '2026-01-01')?.value).toBe(1390);
    expect(minimumWageOn(shippedParameters, '2027-01-01')?.value).toBe(1460);
  });

  it('applies a newly published parameter value from its effective date only', () => {
    const table = withAdditionalValues(shippedParameters, [
      { parameterId: 'grant.minimum', from: '2027-01-01', value: 1_000_000, reference: 'Änderungsrichtlinie (Beispiel)' },
    ]);
    const facts = caseFactsSchema.parse({ ...complete, budget: { totalExpenditure: 8000, requestedGrant: 7000, ownCash: 1000 } });
    const before = evaluate('2026-12-31', facts, { parameters: table });
    const after = evaluate('2027-01-01', facts, { parameters: table });
    expect(before.findings.find((f) => f.id === 'finanzen.mindestbetrag')!.status).toBe('erfuellt');
    expect(after.findings.find((f) => f.id === 'finanzen.mindestbetrag')!.status).toBe('nicht_erfuellt');
    expect(after.ruleVersion.parametersFrom).toBe('2027-01-01');
  });

  it('refuses a reference date before the directive', () => {
    expect(() => evaluateCase({ referenceDate: '2021-12-31', facts: {} })).toThrow(CaseError);
  });
});

describe('funding calls as data', () => {
  it('knows the six calls and whether one is open on a date', () => {
    expect(knownCalls).toHaveLength(6);
    expect(callStatusOn(knownCalls, '2025-09-18')).toMatchObject({ status: 'open', call: { id: 'aufruf-6' }, daysLeft: 0 });
    expect(callStatusOn(knownCalls, '2025-09-19')).toMatchObject({ status: 'closed', lastCall: { id: 'aufruf-6' } });
    expect(callStatusOn(knownCalls, '2022-06-01')).toMatchObject({ status: 'upcoming', call: { id: 'aufruf-2' } });
    expect(callStatusOn(knownCalls, '2023-01-10')).toMatchObject({ status: 'open', call: { id: 'aufruf-3' } });
  });
});

describe('bad cases', () => {
  it('name the field of every problem', () => {
    try {
      evaluateCase({
        referenceDate: '2026-02-31',
        facts: {
          budget: { requestedGrant: '5000', totalExpenditure: -1 },
          project: { start: '2027-05-01', end: '2027-04-01', farbe: 'rot' },
        },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CaseError);
      expect((error as CaseError).problems).toEqual(
        expect.arrayContaining([
          'referenceDate: Dieses Datum gibt es nicht.',
          'facts.budget.requestedGrant: Erwartet einen Betrag in Euro als Zahl (zum Beispiel 12000.50), nicht als Text.',
          'facts.budget.totalExpenditure: Beträge dürfen nicht negativ sein.',
          'facts.project: unbekanntes Feld farbe',
        ]),
      );
    }
  });
  it('reports an end before the start', () => {
    expect(() => evaluateCase({ referenceDate: '2026-11-22', facts: { project: { start: '2027-05-01', end: '2027-04-01' } } })).toThrow(
      /facts.project.end: Das Ende liegt vor dem Beginn/,
    );
  });
});
