import { runMachine } from '../../shared/actor';
import type { CheckAnswers } from './answers';
import { formValuesOf } from './form-values';
import { currentStep, foerderCheckMachine, type CheckEvent, type CheckSnapshot } from './machine';
import { questionIds, questionSchema, type QuestionId } from './questions';

/** Sends events in order and returns the new snapshot (pure: the actor lives only for the call). */
export function advance(snapshot: CheckSnapshot, events: readonly CheckEvent[]): CheckSnapshot {
  return runMachine(foerderCheckMachine, { snapshot, input: {} }, events).snapshot;
}

/**
 * The events that record an answer given on `date` (ISO). A visited question the user went back to (or opened through
 * "Angabe ändern") is entered first; otherwise the machine, resting elsewhere, would ignore it.
 */
export function answerEvents(snapshot: CheckSnapshot, question: QuestionId, values: Partial<CheckAnswers>, date: string): CheckEvent[] {
  const events: CheckEvent[] = currentStep(snapshot) === question ? [] : [{ type: 'edit', question }];
  return [...events, { type: 'answer', question, values, date }];
}

/**
 * Back to the result after a changed answer: each question ahead is answered again with what is
 * stored, so the machine's guards choose the way exactly as a click on "Weiter" would. It stops at
 * the first question without a valid stored answer – a question the change made necessary – or
 * at the result.
 */
export function resumeTowardsResult(snapshot: CheckSnapshot, date: string): CheckSnapshot {
  let current = snapshot;
  for (let asked = 0; asked < questionIds.length; asked++) {
    const step = currentStep(current);
    if (step === 'ergebnis') break;
    const stored = questionSchema(step, current.context.answers, date).safeParse(formValuesOf(step, current.context.answers));
    if (!stored.success) break;
    current = advance(current, [{ type: 'answer', question: step, values: stored.data, date }]);
  }
  return current;
}
