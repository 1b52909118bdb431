import { describe, expect, it } from 'vitest';
import { knownCalls } from '../../machines/frl/calls';
import { approvalDecision, approvalSentence, ownChangeReason } from '../../machines/frl/regelwerk/approval';
import { callDifferences } from '../../machines/frl/regelwerk/call-form';

describe('four-eyes approval of a Regelwerk change', () => {
  it('refuses the proposer and lets any other account approve while the principle is on', () => {
    expect(approvalDecision({ fourEyes: true, proposedBy: 7, approver: 7 })).toEqual({ allowed: false, reason: ownChangeReason });
    expect(approvalDecision({ fourEyes: true, proposedBy: 7, approver: 8 })).toEqual({ allowed: true, mode: 'vier_augen' });
    // The proposer's account was deleted: nobody can be the same person, so a colleague approves.
    expect(approvalDecision({ fourEyes: true, proposedBy: null, approver: 8 })).toEqual({ allowed: true, mode: 'vier_augen' });
  });

  it('lets the proposer publish alone when the installation switched it off, and says so', () => {
    expect(approvalDecision({ fourEyes: false, proposedBy: 7, approver: 7 })).toEqual({ allowed: true, mode: 'einzeln' });
    expect(approvalSentence('einzeln', 'A', 'A')).toBe(
      'ohne zweite Freigabe (Vier-Augen-Prinzip abgeschaltet): angelegt von A, veröffentlicht von A',
    );
    expect(approvalSentence('vier_augen', 'A', 'B')).toBe('nach dem Vier-Augen-Prinzip: angelegt von A, freigegeben von B');
  });
});

describe('what a proposed funding call changes', () => {
  const { id: _id, ...call } = knownCalls[knownCalls.length - 1]!;

  it('lists only the fields that differ, as a person reads them', () => {
    const changed = { ...call, deadline: '2031-03-02', focusTopics: ['Bürgerräte', 'Jugend'] };
    expect(callDifferences(call, changed)).toEqual([
      { field: 'deadline', label: 'Stichtag', before: expect.stringMatching(/^\d\d\.\d\d\.\d{4}$/), after: '02.03.2031' },
      { field: 'focusTopics', label: 'Schwerpunkte', before: call.focusTopics.join('\n') || '–', after: 'Bürgerräte\nJugend' },
    ]);
    expect(callDifferences(call, call)).toEqual([]);
  });

  it('lists every field of a new call, without a value before', () => {
    const all = callDifferences(null, call);
    expect(all.map((d) => d.label)).toEqual([
      'Titel',
      'Veröffentlicht von',
      'Veröffentlicht am',
      'Antragstellung ab',
      'Stichtag',
      'Schwerpunkte',
      'Einzureichende Unterlagen',
      'Hinweise',
      'Quelle',
    ]);
    expect(all.every((d) => d.before === null)).toBe(true);
  });
});
