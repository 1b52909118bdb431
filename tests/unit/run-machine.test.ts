import { afterEach, describe, expect, it } from 'vitest';
import { applicationMachine } from '../../machines/frl/application/machine';
import { foerderCheckMachine } from '../../machines/frl/foerdercheck/machine';
import { adviceMachine, startAdvice } from '../../machines/frl/advice/machine';
import { runMachine } from '../../machines/shared/actor';

/** A snapshot as an older release could have stored it: its state no longer exists. */
const unreadable = { status: 'active', value: 'gibt_es_nicht', context: {}, children: {}, historyValue: {} };

const uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);
process.on('uncaughtException', record);
afterEach(() => {
  uncaught.length = 0;
});

/** Lets timers run, where XState would rethrow an unobserved actor error. */
const nextTicks = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('runMachine', () => {
  it.each([
    ['review', adviceMachine, {}],
    ['Förder-Check', foerderCheckMachine, {}],
    ['application', applicationMachine, { data: {}, complete: [] }],
  ] as const)('throws at once for an unreadable %s snapshot, and nothing is thrown later', async (_name, machine, input) => {
    expect(() => runMachine(machine as never, { snapshot: unreadable as never, input: input as never })).toThrow(/gibt_es_nicht/);
    await nextTicks();
    expect(uncaught).toEqual([]);
  });

  it('runs a readable snapshot with events and returns what to store', () => {
    const asked = runMachine(adviceMachine, {}, [
      { type: 'beratung.anfragen', advisorId: null, actor: { role: 'applicant', userId: 1, member: true }, at: '2026-11-22T08:00:00.000Z' },
    ]);
    expect(asked.snapshot.value).toBe('in_beratung');
    const again = runMachine(adviceMachine, { snapshot: asked.persisted });
    expect(again.snapshot.value).toBe('in_beratung');
    expect(again.snapshot.context.requestedAt).toBe('2026-11-22T08:00:00.000Z');
  });

  it('startAdvice reports an unreadable stored advice snapshot instead of returning a broken snapshot', async () => {
    expect(() => startAdvice(unreadable)).toThrow();
    await nextTicks();
    expect(uncaught).toEqual([]);
  });
});
