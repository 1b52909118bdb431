import { describe, expect, it } from 'vitest';
import {
  advisorMayRead,
  applyAdviceEvent,
  changedSinceCompletion,
  isEditable,
  startAdvice,
  statusOf,
  type Actor,
  type AdviceEvent,
  type AdviceSnapshot,
  type AdviceStatus,
} from '../../machines/frl/advice/machine';

const at = '2026-11-22T10:00:00.000Z';
const actors = {
  member: { role: 'applicant', userId: 1, member: true },
  outsider: { role: 'applicant', userId: 2, member: false },
  advisorA: { role: 'advisor', userId: 10, member: false },
  advisorB: { role: 'advisor', userId: 11, member: false },
  ministry: { role: 'ministry', userId: 20, member: false },
  admin: { role: 'admin', userId: 30, member: false },
} satisfies Record<string, Actor>;
type Who = keyof typeof actors;
const everyone = Object.keys(actors) as Who[];

/** Every event type with a valid payload, so only the role and the state decide. */
const events: Record<string, (actor: Actor) => AdviceEvent> = {
  'beratung.anfragen': (actor) => ({ type: 'beratung.anfragen', advisorId: null, actor, at }),
  'beratung.uebernehmen': (actor) => ({ type: 'beratung.uebernehmen', actor, at }),
  'beratung.hinzuziehen': (actor) => ({ type: 'beratung.hinzuziehen', advisorId: actors.advisorB.userId, actor, at }),
  'beratung.zurueckgeben': (actor) => ({ type: 'beratung.zurueckgeben', reason: 'Bitte ergänzen Sie den Finanzierungsplan.', actor, at }),
  'beratung.abschliessen': (actor) => ({ type: 'beratung.abschliessen', readyForSubmission: true, version: 7, actor, at }),
  'beratung.beenden': (actor) => ({ type: 'beratung.beenden', actor, at }),
  'einreichung.erfassen': (actor) => ({ type: 'einreichung.erfassen', date: '2026-11-20', reference: 'SAB-2026-0815', actor, at }),
  'bewilligung.erfassen': (actor) => ({ type: 'bewilligung.erfassen', date: '2026-12-01', actor, at }),
  'ablehnung.erfassen': (actor) => ({ type: 'ablehnung.erfassen', date: '2026-12-01', actor, at }),
  'antrag.zurueckziehen': (actor) => ({ type: 'antrag.zurueckziehen', actor, at }),
};

function run(steps: AdviceEvent[]): AdviceSnapshot {
  let snapshot = startAdvice();
  for (const step of steps) {
    const next = applyAdviceEvent(snapshot, step);
    if (!next.accepted) throw new Error(`setup event ${step.type} refused`);
    snapshot = next.snapshot;
  }
  return snapshot;
}

const ask = events['beratung.anfragen']!(actors.member);
const take = events['beratung.uebernehmen']!(actors.advisorA);
const states: Record<string, { status: AdviceStatus; snapshot: () => AdviceSnapshot }> = {
  entwurf: { status: 'entwurf', snapshot: () => run([]) },
  'in_beratung (Pool)': { status: 'in_beratung', snapshot: () => run([ask]) },
  'in_beratung (an B gerichtet)': {
    status: 'in_beratung',
    snapshot: () => run([{ ...ask, advisorId: actors.advisorB.userId } as AdviceEvent]),
  },
  'in_beratung (A berät)': { status: 'in_beratung', snapshot: () => run([ask, take]) },
  zur_ueberarbeitung: { status: 'zur_ueberarbeitung', snapshot: () => run([ask, take, events['beratung.zurueckgeben']!(actors.advisorA)]) },
  beratung_abgeschlossen: {
    status: 'beratung_abgeschlossen',
    snapshot: () => run([ask, take, events['beratung.abschliessen']!(actors.advisorA)]),
  },
  eingereicht: { status: 'eingereicht', snapshot: () => run([events['einreichung.erfassen']!(actors.member)]) },
  bewilligt: {
    status: 'bewilligt',
    snapshot: () => run([events['einreichung.erfassen']!(actors.member), events['bewilligung.erfassen']!(actors.member)]),
  },
  abgelehnt: {
    status: 'abgelehnt',
    snapshot: () => run([events['einreichung.erfassen']!(actors.member), events['ablehnung.erfassen']!(actors.member)]),
  },
  zurueckgezogen: { status: 'zurueckgezogen', snapshot: () => run([events['antrag.zurueckziehen']!(actors.member)]) },
};

/** Who may send which event in which state – written out by hand from the process, not derived. */
const allowed: Record<string, Partial<Record<string, Who[]>>> = {
  entwurf: { 'beratung.anfragen': ['member'], 'einreichung.erfassen': ['member'], 'antrag.zurueckziehen': ['member'] },
  'in_beratung (Pool)': {
    'beratung.uebernehmen': ['advisorA', 'advisorB'],
    'beratung.beenden': ['member'],
    'antrag.zurueckziehen': ['member'],
  },
  'in_beratung (an B gerichtet)': {
    'beratung.uebernehmen': ['advisorB'],
    'beratung.beenden': ['member'],
    'antrag.zurueckziehen': ['member'],
  },
  'in_beratung (A berät)': {
    'beratung.hinzuziehen': ['advisorA'],
    'beratung.zurueckgeben': ['advisorA'],
    'beratung.abschliessen': ['advisorA'],
    'beratung.beenden': ['member'],
    'antrag.zurueckziehen': ['member'],
  },
  zur_ueberarbeitung: { 'beratung.anfragen': ['member'], 'einreichung.erfassen': ['member'], 'antrag.zurueckziehen': ['member'] },
  beratung_abgeschlossen: { 'beratung.anfragen': ['member'], 'einreichung.erfassen': ['member'], 'antrag.zurueckziehen': ['member'] },
  eingereicht: { 'bewilligung.erfassen': ['member'], 'ablehnung.erfassen': ['member'], 'antrag.zurueckziehen': ['member'] },
  bewilligt: {},
  abgelehnt: {},
  zurueckgezogen: {},
};

describe('who may take which transition (every state × event × role)', () => {
  for (const [name, state] of Object.entries(states)) {
    it(`${name}`, () => {
      const snapshot = state.snapshot();
      expect(statusOf(snapshot)).toBe(state.status);
      const actual: Record<string, Who[]> = {};
      for (const [type, make] of Object.entries(events)) {
        const who = everyone.filter((w) => applyAdviceEvent(snapshot, make(actors[w])).accepted);
        if (who.length) actual[type] = who;
      }
      expect(actual).toEqual(allowed[name]);
    });
  }
});

describe('refused events leave the state unchanged', () => {
  it('a return needs a reason of at least ten characters', () => {
    const snapshot = states['in_beratung (A berät)']!.snapshot();
    for (const reason of ['', '   ', 'zu kurz.']) {
      const result = applyAdviceEvent(snapshot, { type: 'beratung.zurueckgeben', reason, actor: actors.advisorA, at });
      expect(result.accepted).toBe(false);
      expect(result.snapshot).toBe(snapshot);
    }
    const ok = applyAdviceEvent(snapshot, {
      type: 'beratung.zurueckgeben',
      reason: '  Bitte Zeitplan prüfen.  ',
      actor: actors.advisorA,
      at,
    });
    expect(statusOf(ok.snapshot)).toBe('zur_ueberarbeitung');
    expect(ok.snapshot.context.history.at(-1)).toMatchObject({
      from: 'in_beratung',
      to: 'zur_ueberarbeitung',
      by: 10,
      reason: 'Bitte Zeitplan prüfen.',
    });
  });

  it('a submission needs an ISO date and a reference', () => {
    const snapshot = startAdvice();
    for (const [date, reference] of [
      ['20.11.2026', 'SAB-1'],
      ['2026-11-20', '  '],
    ]) {
      expect(
        applyAdviceEvent(snapshot, { type: 'einreichung.erfassen', date: date!, reference: reference!, actor: actors.member, at }).accepted,
      ).toBe(false);
    }
  });

  it('at most two advisors, and nobody twice', () => {
    const two = applyAdviceEvent(states['in_beratung (A berät)']!.snapshot(), events['beratung.hinzuziehen']!(actors.advisorA)).snapshot;
    expect(two.context.advisors).toEqual([10, 11]);
    expect(applyAdviceEvent(two, { type: 'beratung.hinzuziehen', advisorId: 12, actor: actors.advisorA, at }).accepted).toBe(false);
    expect(
      applyAdviceEvent(states['in_beratung (A berät)']!.snapshot(), {
        type: 'beratung.hinzuziehen',
        advisorId: 10,
        actor: actors.advisorA,
        at,
      }).accepted,
    ).toBe(false);
    // The added advisor may act like the first one.
    expect(applyAdviceEvent(two, events['beratung.abschliessen']!(actors.advisorB)).accepted).toBe(true);
  });

  it('advisors stay with the draft through a revision round when the repeated request names them', () => {
    const again = run([
      ask,
      take,
      events['beratung.zurueckgeben']!(actors.advisorA),
      { ...ask, advisorId: actors.advisorA.userId } as AdviceEvent,
    ]);
    expect(statusOf(again)).toBe('in_beratung');
    expect(again.context.advisors).toEqual([10]);
    expect(applyAdviceEvent(again, events['beratung.uebernehmen']!(actors.advisorB)).accepted).toBe(false);
    expect(applyAdviceEvent(again, events['beratung.abschliessen']!(actors.advisorA)).accepted).toBe(true);
    expect(again.context.history.map((h) => h.to)).toEqual(['in_beratung', 'zur_ueberarbeitung', 'in_beratung']);
  });

  it('a persisted snapshot restores to the same state', () => {
    const result = applyAdviceEvent(states['in_beratung (A berät)']!.snapshot(), events['beratung.abschliessen']!(actors.advisorA));
    const restored = startAdvice(JSON.parse(JSON.stringify(result.persisted)));
    expect(statusOf(restored)).toBe('beratung_abgeschlossen');
    expect(restored.context).toEqual(result.snapshot.context);
  });
});

describe('ending the advice and asking someone else release the advisors', () => {
  const returned = () => run([ask, take, events['beratung.zurueckgeben']!(actors.advisorA)]);
  const completed = () => run([ask, take, events['beratung.abschliessen']!(actors.advisorA)]);
  const end = events['beratung.beenden']!(actors.member);

  it('after ending, the advisor who took the draft can no longer read it; asked again, it can be taken again', () => {
    const ended = run([ask, take, end]);
    expect(statusOf(ended)).toBe('entwurf');
    expect(ended.context.advisors).toEqual([]);
    expect(ended.context.formerAdvisors).toEqual([10]);
    expect(advisorMayRead(actors.advisorA, ended)).toBe(false);
    expect(advisorMayRead(actors.advisorB, ended)).toBe(false);
    const again = applyAdviceEvent(ended, ask).snapshot;
    expect(advisorMayRead(actors.advisorB, again)).toBe(true);
    const taken = applyAdviceEvent(again, events['beratung.uebernehmen']!(actors.advisorB));
    expect(taken.accepted).toBe(true);
    expect(taken.snapshot.context.advisors).toEqual([11]);
    expect(advisorMayRead(actors.advisorA, taken.snapshot)).toBe(false);
    // The former advisor may take it again too, and is then no longer a former one.
    const byA = applyAdviceEvent(again, take);
    expect(byA.snapshot.context).toMatchObject({ advisors: [10], formerAdvisors: [] });
  });

  it('ending releases a second advisor as well', () => {
    const two = run([ask, take, events['beratung.hinzuziehen']!(actors.advisorA), end]);
    expect(two.context).toMatchObject({ advisors: [], formerAdvisors: [10, 11], requestedAdvisor: null });
    expect((['advisorA', 'advisorB'] as const).filter((w) => advisorMayRead(actors[w], two))).toEqual([]);
  });

  for (const [name, start] of [
    ['after a return', returned],
    ['after completion', completed],
  ] as const) {
    it(`a request to advisor B ${name}: B can take it, A can no longer read it`, () => {
      const toB = applyAdviceEvent(start(), { ...ask, advisorId: actors.advisorB.userId } as AdviceEvent).snapshot;
      expect(toB.context).toMatchObject({ advisors: [], formerAdvisors: [10], requestedAdvisor: 11 });
      expect(advisorMayRead(actors.advisorA, toB)).toBe(false);
      expect(advisorMayRead(actors.advisorB, toB)).toBe(true);
      expect(applyAdviceEvent(toB, take).accepted).toBe(false);
      expect(applyAdviceEvent(toB, events['beratung.uebernehmen']!(actors.advisorB)).accepted).toBe(true);
    });

    it(`a request to the pool ${name} starts afresh; naming A keeps A`, () => {
      const pool = applyAdviceEvent(start(), ask).snapshot;
      expect(pool.context).toMatchObject({ advisors: [], formerAdvisors: [10], requestedAdvisor: null });
      expect(
        (['advisorA', 'advisorB'] as const).filter((w) => applyAdviceEvent(pool, events['beratung.uebernehmen']!(actors[w])).accepted),
      ).toEqual(['advisorA', 'advisorB']);
      const same = applyAdviceEvent(start(), { ...ask, advisorId: actors.advisorA.userId } as AdviceEvent).snapshot;
      expect(same.context).toMatchObject({ advisors: [10], formerAdvisors: [] });
      expect(advisorMayRead(actors.advisorB, same)).toBe(false);
    });
  }

  it('naming the second of two advisors keeps both', () => {
    const two = run([ask, take, events['beratung.hinzuziehen']!(actors.advisorA), events['beratung.zurueckgeben']!(actors.advisorB)]);
    const again = applyAdviceEvent(two, { ...ask, advisorId: actors.advisorB.userId } as AdviceEvent).snapshot;
    expect(again.context.advisors).toEqual([10, 11]);
  });

  it('a snapshot of an older release without former advisors is restored and can be ended', () => {
    const result = applyAdviceEvent(states['in_beratung (A berät)']!.snapshot(), {
      type: 'beratung.zurueckgeben',
      reason: 'Bitte Zeitplan prüfen.',
      actor: actors.advisorA,
      at,
    });
    const old = JSON.parse(JSON.stringify(result.persisted)) as { context: Record<string, unknown> };
    delete old.context.formerAdvisors;
    const restored = startAdvice(old);
    expect(restored.context.formerAdvisors).toEqual([]);
    expect(applyAdviceEvent(restored, ask).snapshot.context).toMatchObject({ advisors: [], formerAdvisors: [10] });
  });
});

describe('the statement at completion refers to a version', () => {
  it('completing stores the version the advisor saw; a later version means the draft changed since', () => {
    const completed = run([ask, take, events['beratung.abschliessen']!(actors.advisorA)]);
    expect(completed.context).toMatchObject({ readyForSubmission: true, completedVersion: 7 });
    expect(changedSinceCompletion(completed.context, 7)).toBe(false);
    expect(changedSinceCompletion(completed.context, 8)).toBe(true);
    // Never completed, or completed by an older release that kept no version: nothing to say.
    expect(changedSinceCompletion(startAdvice().context, 3)).toBe(false);
    const old = JSON.parse(
      JSON.stringify(applyAdviceEvent(run([ask, take]), events['beratung.abschliessen']!(actors.advisorA)).persisted),
    ) as { context: Record<string, unknown> };
    delete old.context.completedVersion;
    expect(changedSinceCompletion(startAdvice(old).context, 99)).toBe(false);
  });
});

describe('who may read a draft', () => {
  const reads = (name: string) => (['advisorA', 'advisorB'] as const).filter((w) => advisorMayRead(actors[w], states[name]!.snapshot()));
  it('advisors see only drafts shared with the advice', () => {
    expect(reads('entwurf')).toEqual([]);
    expect(reads('in_beratung (Pool)')).toEqual(['advisorA', 'advisorB']);
    expect(reads('in_beratung (an B gerichtet)')).toEqual(['advisorB']);
    expect(reads('in_beratung (A berät)')).toEqual(['advisorA']);
    expect(reads('zur_ueberarbeitung')).toEqual(['advisorA']);
    expect(reads('eingereicht')).toEqual([]);
    // An advice request withdrawn before anyone took it: private again.
    expect(
      ['advisorA', 'advisorB'].filter((w) => advisorMayRead(actors[w as Who], run([ask, events['beratung.beenden']!(actors.member)]))),
    ).toEqual([]);
  });
  it('applicants and ministry are never advisors', () => {
    for (const who of ['member', 'outsider', 'ministry', 'admin'] as const)
      expect(advisorMayRead(actors[who], states['in_beratung (Pool)']!.snapshot())).toBe(false);
  });
});

it('only drafts before submission can be edited', () => {
  expect(
    Object.values(states)
      .filter((s) => isEditable(s.status))
      .map((s) => s.status),
  ).toEqual(['entwurf', 'in_beratung', 'in_beratung', 'in_beratung', 'zur_ueberarbeitung', 'beratung_abgeschlossen']);
});
