/**
 * The product's statecharts drawn for the Regelwerk page: the model read from each machine, its
 * layout and the German words of every state and transition. Presentation, so it lives in app/;
 * the charts and their labels are the domain's (machines/frl/statecharts.ts).
 */
import { statecharts, type Statechart } from '../../machines/frl/statecharts';
import { describeMachine, eventLabel, guardLabel, type MachineModel } from '../../machines/shared/statechart-model';
import { layoutMachine, type DiagramLayout } from './layout';

export interface DrawnStatechart {
  id: Statechart['id'];
  title: string;
  intro: string;
  model: MachineModel;
  layout: DiagramLayout;
  /** German name of each state. */
  labels: Record<string, string>;
  /** German words of each transition (by id) for the table under the diagram. */
  transitionText: Record<string, { event: string; guard: string | null; actions: string[] }>;
}

/** Model and layout of each statechart, computed once (the machines never change at run time). */
let drawn: DrawnStatechart[] | null = null;
export function drawStatecharts(): DrawnStatechart[] {
  drawn ??= statecharts.map((chart) => {
    const model = describeMachine(chart.machine);
    // The technical name stands in where a label is missing; the tests make sure none is.
    const text = {
      state: chart.labelOf,
      event: (event: string) => eventLabel(chart.labels, event) ?? event,
      guard: (t: Parameters<typeof guardLabel>[1] & { guard: string | null }) => guardLabel(chart.labels, t) ?? t.guard,
    };
    return {
      id: chart.id,
      title: chart.title,
      intro: chart.intro,
      model,
      layout: layoutMachine(model, text),
      labels: Object.fromEntries(model.states.map((s) => [s.id, chart.labelOf(s.id)])),
      transitionText: Object.fromEntries(
        model.transitions.map((t) => [
          t.id,
          {
            event: text.event(t.event),
            guard: t.guard === null ? null : text.guard(t),
            actions: t.actions.map((a) => chart.labels.actions[a] ?? a),
          },
        ]),
      ),
    };
  });
  return drawn;
}
