import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { evaluateData } from '../../machines/frl/application/snapshot';
import { stepOfCriterion, type StepContext } from '../../machines/frl/application/steps';
import { evaluate } from '../../machines/frl/engine';
import { factsSchema } from '../../machines/frl/facts';
import { answersToFacts, type CheckAnswers } from '../../machines/frl/foerdercheck/answers';
import { currentStep, foerderCheckMachine } from '../../machines/frl/foerdercheck/machine';
import { questionSchema, type QuestionId } from '../../machines/frl/foerdercheck/questions';
import { shippedParameters } from '../../machines/frl/parameters';
import { sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

/**
 * Facts that contradict each other are findings with a citation, and the Förder-Check asks the
 * question that resolves them (issue 14): here the questionnaire and the wizard's side.
 */

const checkDate = '2026-03-01';

/** A Gemeinde's answers up to the question about the start, with the given period. */
function checkUpToStart(start: string, end = '2026-12-15') {
  const actor = createActor(foerderCheckMachine, { input: {} });
  actor.start();
  const answer = (question: QuestionId, values: Partial<CheckAnswers>) => actor.send({ type: 'answer', question, values, date: checkDate });
  answer('art', { kind: 'gemeinde' });
  answer('sitz', { landkreis: 'Meißen' });
  answer('foerderweg', { route: 'A1.1' });
  answer('verbund', { verbund: false });
  answer('inhalt', { statutoryProcedure: false, buergerbudgetFunds: false });
  answer('ort', { location: 'sachsen' });
  answer('zeitraum', { start, end });
  answer('beginn', { alreadyStarted: false });
  return { actor, answer };
}

const finding = (answers: CheckAnswers, id: string) =>
  evaluate(checkDate, factsSchema.parse(answersToFacts(answers))).findings.find((f) => f.id === id)!;

describe('the Förder-Check resolves a start before the check date', () => {
  it('asks when the project really begins after a past start and "not started" (the case of issue 14)', () => {
    const { actor } = checkUpToStart('2026-01-15');
    expect(currentStep(actor.getSnapshot())).toBe('beginn-klaeren');
    expect(finding(actor.getSnapshot().context.answers, 'zeitraum.beginn-widerspruchsfrei').status).toBe('nicht_erfuellt');
  });

  it('does not ask at the boundary: a start on the day of the check is no contradiction, the day before is', () => {
    expect(currentStep(checkUpToStart(checkDate).actor.getSnapshot())).toBe('portal');
    expect(currentStep(checkUpToStart('2026-02-28').actor.getSnapshot())).toBe('beginn-klaeren');
  });

  it('resolves it either way: a later start clears the finding, "begun" leads to the exclusion', () => {
    const later = checkUpToStart('2026-01-15');
    later.answer('beginn-klaeren', { alreadyStarted: false, start: '2026-05-01', end: '2026-12-15' });
    const moved = later.actor.getSnapshot();
    expect(currentStep(moved)).toBe('portal');
    expect(moved.context.answers).toMatchObject({ start: '2026-05-01', end: '2026-12-15', alreadyStarted: false });
    expect(finding(moved.context.answers, 'zeitraum.beginn-widerspruchsfrei').status).toBe('erfuellt');

    const begun = checkUpToStart('2026-01-15');
    begun.answer('beginn-klaeren', { alreadyStarted: true });
    const started = begun.actor.getSnapshot();
    expect(currentStep(started)).toBe('portal');
    expect(started.context.answers).toMatchObject({ start: '2026-01-15', alreadyStarted: true });
    expect(finding(started.context.answers, 'zeitraum.beginn-widerspruchsfrei').status).toBe('erfuellt');
    expect(finding(started.context.answers, 'zeitraum.nicht-begonnen').status).toBe('nicht_erfuellt');
  });

  it('refuses a new start before today and asks for the period when the project has not begun', () => {
    const schema = questionSchema('beginn-klaeren', { start: '2026-01-15', alreadyStarted: false }, checkDate);
    const messages = (input: Record<string, string>) => {
      const parsed = schema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({})).toEqual(['alreadyStarted: Bitte wählen Sie, was zutrifft.']);
    expect(messages({ alreadyStarted: 'nein' })).toEqual([
      'start: Bitte geben Sie an, wann das Vorhaben jetzt beginnen soll.',
      'end: Bitte geben Sie an, wann das Vorhaben enden soll.',
    ]);
    expect(messages({ alreadyStarted: 'nein', start: '28.02.2026', end: '15.12.2026' })).toEqual([
      'start: Der neue Beginn darf nicht vor dem heutigen Tag (01.03.2026) liegen.',
    ]);
    expect(messages({ alreadyStarted: 'nein', start: '01.03.2026', end: '15.12.2026' })).toEqual([]);
    expect(messages({ alreadyStarted: 'ja' })).toEqual([]);
  });
});

describe('the wizard shows each contradiction as a finding on the step where it is fixed', () => {
  const context: StepContext = { table: shippedParameters, date: checkDate, attachmentTypes: ['unterstuetzungsschreiben'] };
  const unmet = (data: ReturnType<typeof sampleGemeindeApplication>) =>
    evaluateData(data, context, { parameters: shippedParameters })
      .findings.filter((f) => f.status === 'nicht_erfuellt' && f.severity !== 'hinweis')
      .map((f) => `${stepOfCriterion(f.id)}: ${f.id}`);

  it('a start before today while "not started" is confirmed: on "Zeitplan"', () => {
    const data = sampleGemeindeApplication();
    data.schedule.start = '2026-01-15';
    data.schedule.end = '2026-12-15';
    data.budget.lines = data.budget.lines.map((l) => ({ ...l, year: 2026 }));
    expect(unmet(data)).toContain('zeitplan: zeitraum.beginn-widerspruchsfrei');
    data.schedule.start = checkDate;
    expect(unmet(data)).not.toContain('zeitplan: zeitraum.beginn-widerspruchsfrei');
  });

  it('a Verbund without partners: on "Antragsteller" (and the rest of the rules still run)', () => {
    const data = sampleGemeindeApplication();
    data.applicant.isVerbund = true;
    data.applicant.partners = [];
    const result = evaluateData(data, context, { parameters: shippedParameters });
    expect(unmet(data)).toContain('antragsteller: antragsteller.verbund');
    // Before, the whole case was refused and checked as if empty.
    expect(result.findings.find((f) => f.id === 'finanzen.ausgeglichen')!.status).toBe('erfuellt');
  });

  it('a federal programme named while "keine" is chosen: on "Vorhaben"', () => {
    const data = sampleVereinApplication();
    data.project.federalOrEuFunding = 'keine';
    data.project.federalOrEuFundingDetails = 'Demokratie leben!, 5.000 €';
    expect(unmet(data)).toContain('vorhaben: vorhaben.bund-eu-widerspruchsfrei');
    data.project.federalOrEuFundingDetails = 'entfällt';
    expect(unmet(data)).not.toContain('vorhaben: vorhaben.bund-eu-widerspruchsfrei');
  });
});

describe('the Regelwerk preview shows what a change does, not what the passing of time does', () => {
  it('judges the drafts today: a start that merely lies before the effective date is no contradiction', async () => {
    const { previewDrafts } = await import('../../machines/frl/regelwerk/preview');
    const { tableWithPublications } = await import('../../machines/frl/regelwerk/overlay');
    const { knownCalls } = await import('../../machines/frl/calls');
    const lowerCap = tableWithPublications(shippedParameters, [
      { publication: 1, parameterId: 'grant.cap.A1.1', value: 900_000, from: '2030-01-01', reference: 'Erlass' },
    ]);
    // The sample starts on 01.03.2027, before the change takes effect in 2030.
    const drafts = [{ id: 1, data: sampleGemeindeApplication(), attachmentTypes: ['unterstuetzungsschreiben'] }];
    const [diff] = previewDrafts(
      drafts,
      '2030-01-01',
      { parameters: shippedParameters, calls: knownCalls },
      { parameters: lowerCap, calls: knownCalls },
      '2026-12-04',
    );
    expect([diff!.comparison.verdictBefore, diff!.comparison.verdictAfter]).toEqual(['foerderfaehig', 'nicht_foerderfaehig']);
    expect(diff!.comparison.shifts.map((s) => s.id)).toEqual(['finanzen.ausgeglichen']);
  });
});
