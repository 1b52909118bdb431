import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { layoutMachine, transitionLabel } from '../../app/diagram/layout';
import { anyState, describeMachine, eventless, guardLabel, guardName } from '../../machines/shared/statechart-model';
import { applicationMachine } from '../../machines/frl/application/machine';
import { stepIds } from '../../machines/frl/application/steps';
import { foerderCheckMachine } from '../../machines/frl/foerdercheck/machine';
import { questionIds } from '../../machines/frl/foerdercheck/questions';
import { adviceMachine, adviceStatuses } from '../../machines/frl/advice/machine';
import { drawStatecharts } from '../../app/diagram/statecharts';
import { statecharts } from '../../machines/frl/statecharts';

/** Every transition id drawn somewhere in a layout (edge, self-loop, bus branch or bus note). */
function drawnTransitionIds(layout: ReturnType<typeof layoutMachine>): string[] {
  return [
    ...layout.edges.flatMap((e) => e.transitionIds),
    ...layout.loops.flatMap((l) => l.transitionIds),
    ...(layout.bus ? [...layout.bus.branches.flatMap((b) => b.transitionIds), ...(layout.bus.stay?.transitionIds ?? [])] : []),
  ];
}

describe('describeMachine reads the statecharts from their definitions', () => {
  it('finds every state of the three machines', () => {
    expect(describeMachine(adviceMachine).states.map((s) => s.id)).toEqual([...adviceStatuses]);
    expect(describeMachine(applicationMachine).states.map((s) => s.id)).toEqual(['uebersicht', ...stepIds]);
    const check = describeMachine(foerderCheckMachine).states.map((s) => s.id);
    for (const q of questionIds) expect(check).toEqual(expect.arrayContaining([q, `nach_${q}`]));
    expect(check).toContain('ergebnis');
  });

  it('marks the initial, decision and final states', () => {
    const review = describeMachine(adviceMachine);
    expect(review.states.filter((s) => s.initial).map((s) => s.id)).toEqual(['entwurf']);
    expect(review.states.filter((s) => s.kind === 'final').map((s) => s.id)).toEqual(['bewilligt', 'abgelehnt', 'zurueckgezogen']);
    const check = describeMachine(foerderCheckMachine);
    expect(check.states.find((s) => s.id === 'nach_sitz')!.kind).toBe('decision');
    expect(check.states.find((s) => s.id === 'sitz')!.kind).toBe('state');
  });

  it('reads transitions with event, named guard with parameters, and target', () => {
    const review = describeMachine(adviceMachine);
    expect(review.transitions).toContainEqual(
      expect.objectContaining({
        source: 'in_beratung',
        event: 'beratung.zurueckgeben',
        guard: 'assignedAdvisorWithReason',
        target: 'zur_ueberarbeitung',
      }),
    );
    // A guarded transition without target stays in its state.
    expect(review.transitions).toContainEqual(
      expect.objectContaining({ source: 'in_beratung', event: 'beratung.uebernehmen', target: null }),
    );
    const check = describeMachine(foerderCheckMachine);
    expect(check.transitions.filter((t) => t.source === 'nach_sitz').map((t) => [t.event, t.guard, t.target])).toEqual([
      [eventless, 'isKommuneOutsideSaxony', 'ergebnis'],
      [eventless, 'isZivilgesellschaft', 'gemeinnuetzigkeit'],
      [eventless, null, 'foerderweg'],
    ]);
    const app = describeMachine(applicationMachine);
    expect(app.transitions).toContainEqual(
      expect.objectContaining({ source: anyState, event: 'step.open', guard: 'mayOpen(kosten)', target: 'kosten' }),
    );
  });

  it('counts exactly the transitions the machine declares', () => {
    // Review: 3 + 6 + 3 + 3 + 3 transitions on the states, none on the machine.
    expect(describeMachine(adviceMachine).transitions).toHaveLength(18);
    // Förder-Check: one answer per question, the decisions after each question, back and edit per step.
    const check = describeMachine(foerderCheckMachine);
    const steps = questionIds.length + 1;
    expect(check.transitions.filter((t) => t.source === anyState)).toHaveLength(2 * steps);
    expect(check.transitions.filter((t) => t.event === 'answer')).toHaveLength(questionIds.length);
  });

  it('names guards without ever printing code', () => {
    expect(guardName(undefined)).toBeNull();
    expect(guardName('isBuergerkommune')).toBe('isBuergerkommune');
    expect(guardName({ type: 'advancesTo', params: { view: 'kosten' } })).toBe('advancesTo(kosten)');
    expect(guardName(function hasReason() {})).toBe('hasReason (Funktion)');
  });
});

describe('layoutMachine draws every state and every transition', () => {
  for (const chart of drawStatecharts()) {
    it(`${chart.id}: each state is a box, each transition is drawn exactly once`, () => {
      expect(chart.layout.nodes.map((n) => n.id).sort()).toEqual(chart.model.states.map((s) => s.id).sort());
      const drawn = drawnTransitionIds(chart.layout);
      expect([...drawn].sort()).toEqual(chart.model.transitions.map((t) => t.id).sort());
      expect(new Set(drawn).size).toBe(drawn.length);
    });

    it(`${chart.id}: no two state boxes overlap and all lie inside the picture`, () => {
      const nodes = chart.layout.nodes;
      for (const n of nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width).toBeLessThanOrEqual(chart.layout.width);
        expect(n.y + n.height).toBeLessThanOrEqual(chart.layout.height);
      }
      for (let a = 0; a < nodes.length; a += 1) {
        for (let b = a + 1; b < nodes.length; b += 1) {
          const [p, q] = [nodes[a]!, nodes[b]!];
          const apart = p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
          expect(apart, `${p.id} overlaps ${q.id}`).toBe(true);
        }
      }
    });
  }

  it('edges run from their source box to their target box', () => {
    const machine = createMachine({
      id: 'probe',
      initial: 'a',
      states: { a: { on: { go: 'b', stay: {} } }, b: { on: { back: 'a', done: 'c' } }, c: { type: 'final' } },
    });
    const layout = layoutMachine(describeMachine(machine));
    const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const forward = layout.edges.find((e) => e.key === 'a->b')!;
    expect(forward.back).toBe(false);
    expect(forward.points[0]!.y).toBe(box('a').y + box('a').height);
    expect(forward.points.at(-1)!.y).toBe(box('b').y);
    // b → a closes a cycle: it is drawn upwards, ending at the bottom of a.
    const backwards = layout.edges.find((e) => e.key === 'b->a')!;
    expect(backwards.back).toBe(true);
    expect(backwards.points.at(-1)!.y).toBe(box('a').y + box('a').height);
    expect(layout.loops.map((l) => l.state)).toEqual(['a']);
    expect(
      transitionLabel({ id: 'x', source: 'a', target: 'b', event: eventless, guard: null, guardType: null, guardParams: {}, actions: [] }),
    ).toBe('sonst');
  });
});

describe('the diagrams speak German', () => {
  for (const chart of statecharts) {
    const model = describeMachine(chart.machine);
    const drawn = drawStatecharts().find((c) => c.id === chart.id)!;

    it(`${chart.id}: every state and every event, guard and action of a transition has a German label`, () => {
      for (const state of model.states) expect(chart.labelOf(state.id), `state ${state.id}`).not.toBe('');
      for (const t of model.transitions) {
        if (t.event !== eventless) expect(chart.labels.events[t.event], `event ${t.event}`).toBeTruthy();
        if (t.guardType !== null) {
          const label = guardLabel(chart.labels, t);
          expect(label, `guard ${t.guard}`).toBeTruthy();
          expect(label, `guard ${t.guard}`).not.toContain(t.guardType);
        }
        for (const action of t.actions) expect(chart.labels.actions[action], `action ${action}`).toBeTruthy();
      }
    });

    it(`${chart.id}: the label table names exactly the guards the machine implements`, () => {
      const implemented = Object.keys((chart.machine.implementations as { guards: Record<string, unknown> }).guards).sort();
      expect(Object.keys(chart.labels.guards).sort()).toEqual(implemented);
    });

    it(`${chart.id}: the picture shows German words, no technical guard or event name`, () => {
      const layout = drawn.layout;
      const shown = [
        ...layout.edges.flatMap((e) => e.label.lines),
        ...layout.loops.flatMap((l) => l.label.lines),
        ...(layout.bus ? [...layout.bus.branches.flatMap((b) => b.label.lines), ...(layout.bus.stay?.label.lines ?? [])] : []),
      ].join('\n');
      for (const t of model.transitions) {
        if (t.guardType !== null) expect(shown, `guard ${t.guardType}`).not.toContain(t.guardType);
        if (t.event !== eventless && t.event.includes('.')) expect(shown, `event ${t.event}`).not.toContain(t.event);
      }
      for (const node of layout.nodes) expect(node.label, `box ${node.id}`).not.toBe('');
    });
  }
});
