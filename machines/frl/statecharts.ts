import type { AnyStateMachine } from 'xstate';
import { layoutMachine, type DiagramLayout } from '../diagram/layout';
import { describeMachine, eventLabel, guardLabel, type DiagramLabels, type MachineModel } from '../diagram/model';
import { stepInfo, type StepId } from './application/steps';
import { applicationDiagramLabels, applicationMachine } from './application/machine';
import { foerderCheckDiagramLabels, foerderCheckMachine, questionShortLabel } from './foerdercheck/machine';
import { questionTitle, type QuestionId } from './foerdercheck/questions';
import { reviewDiagramLabels, reviewMachine, reviewStatusLabel, type ReviewStatus } from './review/machine';

/** The three statecharts of the product, with German names for their states. */
export interface Statechart {
  id: 'foerdercheck' | 'antrag' | 'beratung';
  title: string;
  intro: string;
  machine: AnyStateMachine;
  /** German name of each state (the diagram's boxes; empty means none is known). */
  labelOf(stateId: string): string;
  /** German names of the machine's guards, events and actions (kept beside them in the machine file). */
  labels: DiagramLabels;
}

const questionLabel = (id: string) => questionShortLabel[id as QuestionId] ?? questionTitle[id as QuestionId] ?? '';

export const statecharts: Statechart[] = [
  {
    id: 'foerdercheck',
    title: 'Förder-Check (Fragebogen)',
    intro:
      'Jede Frage ist ein Zustand. Nach jeder Antwort entscheidet eine Verzweigung („nach …“) ohne eigenes Ereignis, welche Frage folgt; die Bedingungen heißen wie die Begriffe der Richtlinie. „Zurück“ und „Ändern“ sind am Fragebogen selbst festgelegt und gelten in jedem Zustand.',
    machine: foerderCheckMachine,
    labelOf: (id) =>
      id === 'ergebnis' ? 'Ergebnis' : id.startsWith('nach_') ? `nach „${questionLabel(id.slice('nach_'.length))}“` : questionLabel(id),
    labels: foerderCheckDiagramLabels,
  },
  {
    id: 'antrag',
    title: 'Antrag (Schritte des Assistenten)',
    intro:
      'Jeder Schritt des Antrags ist ein Zustand. Alle Übergänge sind am Assistenten selbst festgelegt: Ein Schritt öffnet sich nur, wenn seine Voraussetzungen vollständig sind; „Weiter“ und „Zurück“ speichern und führen zum nächsten offenen Schritt.',
    machine: applicationMachine,
    labelOf: (id) => (id === 'uebersicht' ? 'Übersicht' : (stepInfo[id as StepId]?.title ?? '')),
    labels: applicationDiagramLabels,
  },
  {
    id: 'beratung',
    title: 'Beratung und Einreichung (Status eines Antrags)',
    intro:
      'Der Status eines Antrags von der Beratung durch das EBBS bis zur Entscheidung der SAB. Die Bedingungen nennen, wer den Übergang auslösen darf.',
    machine: reviewMachine,
    labelOf: (id) => reviewStatusLabel[id as ReviewStatus] ?? '',
    labels: reviewDiagramLabels,
  },
];

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
