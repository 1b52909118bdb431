import { createActor, transition } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import type { CheckAnswers } from '../../machines/frl/foerdercheck/answers';
import { evaluate } from '../../machines/frl/engine';
import { factsSchema } from '../../machines/frl/facts';
import { answersToFacts } from '../../machines/frl/foerdercheck/answers';
import {
  currentStep,
  foerderCheckMachine,
  progressOf,
  type CheckEvent,
  type CheckSnapshot,
  type Step,
} from '../../machines/frl/foerdercheck/machine';
import { questionIds, questionSchema, type QuestionId } from '../../machines/frl/foerdercheck/questions';
import { programmePartOf } from '../../machines/shared/organisation';

/** Sample answers per question that cover every branch of the questionnaire. */
function sampleAnswers(question: QuestionId, a: CheckAnswers): Array<Partial<CheckAnswers>> {
  const part = a.kind ? programmePartOf(a.kind) : null;
  switch (question) {
    case 'art':
      return [{ kind: 'gemeinde' }, { kind: 'verein' }, { kind: 'natuerliche_person' }];
    case 'sitz':
      return [{ landkreis: 'Meißen' }, { landkreis: 'außerhalb Sachsens' }];
    case 'gemeinnuetzigkeit':
      return [{ nonprofit: true }];
    case 'verankerung':
      return [{ locallyRooted: true }];
    case 'foerderweg':
      return [{ route: 'A1.1' }, { route: 'A1.2' }, { route: 'A1.3' }];
    case 'verbund':
      return [{ verbund: false }, { verbund: true, verbundAllGebietskoerperschaften: true }];
    case 'buergerkommune':
      return [{ buergerkommuneProof: 'satzung' }];
    case 'inhalt':
      return part === 'B'
        ? [{ municipalLevel: true, againstFinalDecision: false }]
        : [{ statutoryProcedure: false, buergerbudgetFunds: false }];
    case 'ort':
      return [{ location: 'sachsen' }];
    case 'zeitraum':
      return [
        { start: '2027-03-01', end: '2027-12-31' },
        { start: '2026-01-15', end: '2026-12-15' },
      ];
    case 'beginn':
      return [{ alreadyStarted: false }];
    case 'beginn-klaeren':
      return [{ alreadyStarted: false, start: '2026-06-01', end: '2026-12-15' }, { alreadyStarted: true }];
    case 'portal':
      return part === 'B' ? [{ usesBeteiligungsportal: true }] : [{ usesBeteiligungsportal: true, softwareProcurement: false }];
    case 'kooperation':
      return part === 'B' ? [{ municipalityCooperation: true, supportLetter: true }] : [{ freieTraegerCooperation: true }];
    case 'foerderung':
      return [{ federalOrEuFunding: 'keine' }];
    case 'kosten':
      return [{ totalExpenditureCents: 1_200_000, requestedGrantCents: 1_000_000 }];
    case 'erklaerungen':
      return [
        { ebbsAndEvaluation: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true, vatDeductible: false },
        { ebbsAndEvaluation: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true, vatDeductible: true },
      ];
    case 'netto':
      return [{ amountsAreNet: true }];
  }
}

const steps: Step[] = [...questionIds, 'ergebnis'];
/** The day the sample answers are given: the second sample period starts before it. */
const checkDate = '2026-03-01';

function eventsFor(snapshot: CheckSnapshot, withBack = true): CheckEvent[] {
  const step = currentStep(snapshot);
  const events: CheckEvent[] = [];
  if (step !== 'ergebnis') {
    for (const values of sampleAnswers(step, snapshot.context.answers))
      events.push({ type: 'answer', question: step, values, date: checkDate });
  }
  if (withBack) events.push({ type: 'back' });
  return events;
}

/** Form data does not matter for the shape of the questionnaire: the step, part and route do. */
function serializeState(snapshot: CheckSnapshot): string {
  const a = snapshot.context.answers;
  return JSON.stringify([
    snapshot.value,
    a.kind ? programmePartOf(a.kind) : a.kind,
    a.route,
    a.landkreis === 'außerhalb Sachsens',
    a.start !== undefined && a.start < checkDate && a.alreadyStarted !== true,
    snapshot.context.path,
  ]);
}

describe('Förder-Check questionnaire (model-based)', () => {
  const paths = getShortestPaths(foerderCheckMachine, { events: (s) => eventsFor(s), serializeState, input: {} });

  it('reaches every question and the result', () => {
    const reached = new Set(paths.map((p) => currentStep(p.state)));
    expect([...reached].sort()).toEqual([...steps].sort());
  });

  it('never rests in a decision state', () => {
    for (const p of paths) expect(steps).toContain(currentStep(p.state));
  });

  it('can reach the result from every state', () => {
    // One forward-only graph of every reachable state, then the states that lead to the result are
    // grown backwards from it to a fixed point: linear in the graph, not one search per state.
    const successors = new Map<string, string[]>();
    const leadsToResult = new Set<string>();
    const pending = paths.map((p) => p.state);
    while (pending.length > 0) {
      const state = pending.pop()!;
      const key = serializeState(state);
      if (successors.has(key)) continue;
      if (currentStep(state) === 'ergebnis') leadsToResult.add(key);
      const next = eventsFor(state, false).map((event) => transition(foerderCheckMachine, state, event)[0] as CheckSnapshot);
      successors.set(key, next.map(serializeState));
      pending.push(...next);
    }
    let grown = true;
    while (grown) {
      grown = false;
      for (const [key, next] of successors) {
        if (!leadsToResult.has(key) && next.some((n) => leadsToResult.has(n))) {
          leadsToResult.add(key);
          grown = true;
        }
      }
    }
    const stuck = [...successors.keys()].filter((key) => !leadsToResult.has(key));
    expect(stuck).toEqual([]);
  });

  it('ends every path of answers in the result (no dead ends)', () => {
    const simple = getSimplePaths(foerderCheckMachine, { events: (s) => eventsFor(s, false), serializeState, input: {} });
    const ends = simple.filter((p) => eventsFor(p.state, false).length === 0);
    expect(ends.length).toBeGreaterThan(3);
    for (const p of ends) expect(currentStep(p.state)).toBe('ergebnis');
  });
});

function actor(answers: CheckAnswers = {}) {
  const a = createActor(foerderCheckMachine, { input: { answers } });
  a.start();
  return a;
}
const answer = (a: ReturnType<typeof actor>, question: QuestionId, values: Partial<CheckAnswers>) =>
  a.send({ type: 'answer', question, values });

describe('Förder-Check asks only what it must', () => {
  it('sends an applicant that can never be eligible straight to the result', () => {
    const a = actor();
    answer(a, 'art', { kind: 'natuerliche_person' });
    expect(currentStep(a.getSnapshot())).toBe('ergebnis');
  });
  it('asks a Gemeinde no Gemeinnützigkeit, a Verein no Förderweg, and an association nothing about software', () => {
    const gemeinde = actor();
    answer(gemeinde, 'art', { kind: 'gemeinde' });
    answer(gemeinde, 'sitz', { landkreis: 'Meißen' });
    expect(currentStep(gemeinde.getSnapshot())).toBe('foerderweg');
    const verein = actor();
    answer(verein, 'art', { kind: 'verein' });
    expect(verein.getSnapshot().context.answers.route).toBe('B');
    answer(verein, 'sitz', { landkreis: 'Görlitz' });
    answer(verein, 'gemeinnuetzigkeit', { nonprofit: true });
    answer(verein, 'verankerung', { locallyRooted: true });
    expect(currentStep(verein.getSnapshot())).toBe('inhalt');
    expect(verein.getSnapshot().context.path).not.toContain('foerderweg');
    // An association is not asked about software: the exclusion is FRL Teil 2 A II Nr. 3 (Kommunen).
    answer(verein, 'inhalt', { municipalLevel: true, againstFinalDecision: false });
    answer(verein, 'ort', { location: 'sachsen' });
    answer(verein, 'zeitraum', { start: '2027-03-01', end: '2027-12-31' });
    answer(verein, 'beginn', { alreadyStarted: false });
    expect(currentStep(verein.getSnapshot())).toBe('portal');
    const form = { usesBeteiligungsportal: 'ja' };
    const vereinPortal = questionSchema('portal', verein.getSnapshot().context.answers).safeParse(form);
    expect(vereinPortal.success && vereinPortal.data).toEqual({ usesBeteiligungsportal: true });
    // A form that still carries a software answer does not put it into the answers either.
    const stray = questionSchema('portal', verein.getSnapshot().context.answers).parse({ ...form, softwareProcurement: 'ja' });
    answer(verein, 'portal', stray);
    expect(currentStep(verein.getSnapshot())).toBe('kooperation');
    expect(verein.getSnapshot().context.answers).not.toHaveProperty('softwareProcurement');
    // A Gemeinde must answer it.
    const gemeindePortal = questionSchema('portal', gemeinde.getSnapshot().context.answers).safeParse(form);
    expect(gemeindePortal.success).toBe(false);
    expect(gemeindePortal.error?.issues.map((i) => i.path.join('.'))).toEqual(['softwareProcurement']);
  });
  it('asks for the Bürgerkommune precondition only on route 1.3', () => {
    const a = actor();
    answer(a, 'art', { kind: 'stadt' });
    answer(a, 'sitz', { landkreis: 'Zwickau' });
    answer(a, 'foerderweg', { route: 'A1.3' });
    answer(a, 'verbund', { verbund: false });
    expect(currentStep(a.getSnapshot())).toBe('buergerkommune');
  });
  it('forgets answers of the other programme part when the kind changes, keeps the rest', () => {
    const a = actor();
    answer(a, 'art', { kind: 'gemeinde' });
    answer(a, 'sitz', { landkreis: 'Meißen' });
    answer(a, 'foerderweg', { route: 'A1.2' });
    answer(a, 'verbund', { verbund: false });
    a.send({ type: 'edit', question: 'art' });
    answer(a, 'art', { kind: 'verein' });
    const { answers } = a.getSnapshot().context;
    expect(answers).toMatchObject({ kind: 'verein', route: 'B', landkreis: 'Meißen' });
    expect(answers.verbund).toBeUndefined();
    expect(currentStep(a.getSnapshot())).toBe('sitz');
  });
  it('asks whether the amounts are net only of an applicant that may deduct input VAT', () => {
    const declarations = { ebbsAndEvaluation: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true };
    const walk = (deductible: boolean) => {
      const a = actor();
      answer(a, 'art', { kind: 'gemeinde' });
      answer(a, 'sitz', { landkreis: 'Meißen' });
      answer(a, 'foerderweg', { route: 'A1.1' });
      answer(a, 'verbund', { verbund: false });
      answer(a, 'inhalt', { statutoryProcedure: false, buergerbudgetFunds: false });
      answer(a, 'ort', { location: 'sachsen' });
      answer(a, 'zeitraum', { start: '2026-03-01', end: '2027-02-28' });
      answer(a, 'beginn', { alreadyStarted: false });
      answer(a, 'portal', { usesBeteiligungsportal: false, softwareProcurement: false });
      answer(a, 'kooperation', { freieTraegerCooperation: true });
      answer(a, 'foerderung', { federalOrEuFunding: 'keine' });
      answer(a, 'kosten', { totalExpenditureCents: 1_000_000, requestedGrantCents: 900_000 });
      answer(a, 'erklaerungen', { ...declarations, vatDeductible: deductible });
      return a;
    };
    expect(currentStep(walk(false).getSnapshot())).toBe('ergebnis');
    const deducting = walk(true);
    expect(currentStep(deducting.getSnapshot())).toBe('netto');
    expect(progressOf(deducting.getSnapshot()).total).toBe(14);
    answer(deducting, 'netto', { amountsAreNet: false });
    expect(currentStep(deducting.getSnapshot())).toBe('ergebnis');
    expect(deducting.getSnapshot().context.answers.amountsAreNet).toBe(false);
    // Saying later that VAT cannot be deducted forgets the answer that no longer applies.
    deducting.send({ type: 'edit', question: 'erklaerungen' });
    answer(deducting, 'erklaerungen', { ...declarations, vatDeductible: false });
    expect(deducting.getSnapshot().context.answers.amountsAreNet).toBeUndefined();
    expect(currentStep(deducting.getSnapshot())).toBe('ergebnis');
  });
  it('decides the VAT criterion from the answers: open until the net question is answered, excluding when gross', () => {
    const answers: CheckAnswers = {
      kind: 'gemeinde',
      landkreis: 'Meißen',
      route: 'A1.1',
      totalExpenditureCents: 1_000_000,
      requestedGrantCents: 900_000,
      vatDeductible: true,
    };
    const vat = (a: CheckAnswers) => {
      return evaluate('2025-08-15', factsSchema.parse(answersToFacts(a))).findings.find((f) => f.id === 'finanzen.vorsteuer')!;
    };
    expect(vat(answers).status).toBe('offen');
    expect(vat({ ...answers, amountsAreNet: true }).status).toBe('erfuellt');
    const gross = vat({ ...answers, amountsAreNet: false });
    expect([gross.status, gross.severity]).toEqual(['nicht_erfuellt', 'ausschluss']);
    // Without deduction the net question is never asked and does not matter.
    expect(vat({ ...answers, vatDeductible: false, amountsAreNet: false }).status).toBe('erfuellt');
  });
  it('forgets the software answers when a Kommune turns out to be an association', () => {
    const software: CheckAnswers = { kind: 'gemeinde', landkreis: 'Meißen', softwareProcurement: true, softwareReason: 'Videokonferenz' };
    const stadt = actor(software);
    answer(stadt, 'art', { kind: 'stadt' });
    expect(stadt.getSnapshot().context.answers).toMatchObject({ softwareProcurement: true, softwareReason: 'Videokonferenz' });
    const verein = actor(software);
    answer(verein, 'art', { kind: 'verein' });
    expect(verein.getSnapshot().context.answers).not.toHaveProperty('softwareProcurement');
    expect(verein.getSnapshot().context.answers).not.toHaveProperty('softwareReason');
  });
  it('goes back step by step and refuses to jump ahead to an unvisited step', () => {
    const a = actor();
    answer(a, 'art', { kind: 'gemeinde' });
    answer(a, 'sitz', { landkreis: 'Meißen' });
    a.send({ type: 'edit', question: 'kosten' });
    expect(currentStep(a.getSnapshot())).toBe('foerderweg');
    a.send({ type: 'back' });
    expect(currentStep(a.getSnapshot())).toBe('sitz');
    a.send({ type: 'back' });
    a.send({ type: 'back' });
    expect(currentStep(a.getSnapshot())).toBe('art');
  });
  it('ignores an answer meant for another question', () => {
    const a = actor();
    answer(a, 'kosten', { totalExpenditureCents: 1 });
    expect(currentStep(a.getSnapshot())).toBe('art');
    expect(a.getSnapshot().context.answers).toEqual({});
  });
  it('round-trips through a persisted snapshot (JSON)', () => {
    const a = actor();
    answer(a, 'art', { kind: 'verein' });
    const persisted = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    const b = createActor(foerderCheckMachine, { snapshot: persisted, input: {} });
    b.start();
    expect(currentStep(b.getSnapshot())).toBe('sitz');
    expect(b.getSnapshot().context.answers.kind).toBe('verein');
  });
});
