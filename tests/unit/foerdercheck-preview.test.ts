import { describe, expect, it } from 'vitest';
import { foerderCheckMachine } from '../../machines/frl/foerdercheck/machine';
import { advance, answerEvents } from '../../machines/frl/foerdercheck/navigation';
import { previewAnswer } from '../../machines/frl/foerdercheck/preview';
import { shippedParameters } from '../../machines/frl/parameters';
import { runMachine } from '../../machines/shared/actor';

const rules = { parameters: shippedParameters, calls: [], referenceDate: '2027-01-15' };
const start = () => runMachine(foerderCheckMachine, { input: { answers: {} } }).snapshot;

describe('the Förder-Check preview of an unsent answer (server side, issue 21)', () => {
  it('asks for an answer while the question is unanswered', () => {
    expect(previewAnswer(start(), 'art', {}, rules, false)).toBeNull();
  });

  it('a natural person is not eligible and goes straight to the result', () => {
    const preview = previewAnswer(start(), 'art', { kind: 'natuerliche_person' }, rules, false);
    expect(preview?.verdict).toBe('Nicht förderfähig');
    expect(preview?.next).toBe('das Ergebnis');
    expect(preview?.problems.length).toBeGreaterThan(0);
  });

  it('a Gemeinde is asked next where it has its seat, and nothing is saved', () => {
    const snapshot = start();
    const preview = previewAnswer(snapshot, 'art', { kind: 'gemeinde' }, rules, false);
    expect(preview?.next).toBe('„Wo hat Ihre Organisation ihren Sitz?“');
    expect(snapshot.context.answers).toEqual({});
  });

  it('follows the answer given on a question visited before, not the furthest step', () => {
    const on = advance(start(), answerEvents(start(), 'art', { kind: 'gemeinde' }, rules.referenceDate));
    const preview = previewAnswer(on, 'art', { kind: 'unternehmen' }, rules, false);
    expect(preview?.verdict).toBe('Nicht förderfähig');
    expect(preview?.next).toBe('das Ergebnis');
  });
});
