import { describe, expect, it } from 'vitest';
import type { CheckAnswers } from '../../machines/frl/foerdercheck/answers';
import { currentStep, foerderCheckMachine, type CheckSnapshot } from '../../machines/frl/foerdercheck/machine';
import { advance, answerEvents, resumeTowardsResult } from '../../machines/frl/foerdercheck/navigation';
import type { QuestionId } from '../../machines/frl/foerdercheck/questions';
import { runMachine } from '../../machines/shared/actor';

/** A Gemeinde's Einzelvorhaben, answered question by question as a user would. */
const gemeinde: Array<[QuestionId, Partial<CheckAnswers>]> = [
  ['art', { kind: 'gemeinde' }],
  ['sitz', { landkreis: 'Görlitz' }],
  ['foerderweg', { route: 'A1.1' }],
  ['verbund', { verbund: false }],
  ['inhalt', { statutoryProcedure: false, buergerbudgetFunds: false }],
  ['ort', { location: 'sachsen' }],
  ['zeitraum', { start: '2027-04-01', end: '2027-12-31' }],
  ['beginn', { alreadyStarted: false }],
  ['portal', { usesBeteiligungsportal: true, softwareProcurement: false }],
  ['kooperation', { freieTraegerCooperation: true }],
  ['foerderung', { federalOrEuFunding: 'keine' }],
  ['kosten', { totalExpenditureCents: 1_200_000, requestedGrantCents: 1_000_000 }],
  [
    'erklaerungen',
    { ebbsAndEvaluation: true, portalIdeas: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true, vatDeductible: false },
  ],
];

/** The day of the check: before every planned start below. */
const today = '2027-01-15';

const start = (): CheckSnapshot => runMachine(foerderCheckMachine, { input: {} }).snapshot;

function answerAll(): CheckSnapshot {
  let snapshot = start();
  for (const [question, values] of gemeinde) snapshot = advance(snapshot, answerEvents(snapshot, question, values, today));
  return snapshot;
}

describe('Förder-Check navigation', () => {
  it('each answer leads to the question that really follows it (what the Zwischenstand announces)', () => {
    let snapshot = start();
    gemeinde.forEach(([question, values], index) => {
      expect(currentStep(snapshot)).toBe(question);
      snapshot = advance(snapshot, answerEvents(snapshot, question, values, today));
      expect(currentStep(snapshot)).toBe(gemeinde[index + 1]?.[0] ?? 'ergebnis');
    });
  });

  it('an answer on a visited question leads on from that question, not from the furthest one', () => {
    const done = answerAll();
    const next = advance(done, answerEvents(done, 'verbund', { verbund: false }, today));
    expect(currentStep(next)).toBe('inhalt');
    // The way ahead is kept, so the result can still be reached.
    expect(next.context.path.at(-1)).toBe('ergebnis');
  });

  it('returns to the result after a changed answer and keeps every later step on the way', () => {
    const done = answerAll();
    const changed = advance(
      done,
      answerEvents(done, 'kosten', { totalExpenditureCents: 1_500_000, requestedGrantCents: 1_000_000 }, today),
    );
    const back = resumeTowardsResult(changed, today);
    expect(currentStep(back)).toBe('ergebnis');
    expect(back.context.path).toEqual(done.context.path);
    expect(back.context.answers.totalExpenditureCents).toBe(1_500_000);
  });

  it('stops at a question the change made necessary, and reaches the result once it is answered', () => {
    const done = answerAll();
    const changed = advance(done, answerEvents(done, 'foerderweg', { route: 'A1.3' }, today));
    const stopped = resumeTowardsResult(changed, today);
    expect(currentStep(stopped)).toBe('buergerkommune');
    const answered = advance(stopped, answerEvents(stopped, 'buergerkommune', { buergerkommuneProof: 'satzung' }, today));
    const back = resumeTowardsResult(answered, today);
    expect(currentStep(back)).toBe('ergebnis');
    expect(back.context.path).toContain('buergerkommune');
    expect(back.context.path).toContain('erklaerungen');
  });

  it('stops at the first question whose stored answer is no longer valid', () => {
    const done = answerAll();
    // A Verein must answer the questions of Teil 2 B; its Gemeinde answers were dropped.
    const changed = advance(done, answerEvents(done, 'art', { kind: 'verein' }, today));
    expect(currentStep(resumeTowardsResult(changed, today))).toBe('gemeinnuetzigkeit');
  });
});
