import type { AnyStateMachine } from 'xstate';
import { layoutMachine, type DiagramLayout } from '../diagram/layout';
import { describeMachine, type MachineModel } from '../diagram/model';
import { stepInfo, type StepId } from './application/steps';
import { applicationMachine } from './application/machine';
import { foerderCheckMachine } from './foerdercheck/machine';
import { questionTitle, type QuestionId } from './foerdercheck/questions';
import { reviewMachine, reviewStatusLabel, type ReviewStatus } from './review/machine';

/** The three statecharts of the product, with German names for their states. */
export interface Statechart {
  id: 'foerdercheck' | 'antrag' | 'beratung';
  title: string;
  intro: string;
  machine: AnyStateMachine;
  labelOf(stateId: string): string;
}

const shortQuestion: Partial<Record<QuestionId, string>> = {
  art: 'Antragsteller',
  sitz: 'Sitz',
  gemeinnuetzigkeit: 'Gemeinnützigkeit',
  verankerung: 'Verankerung',
  foerderweg: 'Förderweg',
  verbund: 'Verbund',
  buergerkommune: 'Bürgerkommune',
  inhalt: 'Inhalt',
  ort: 'Ort',
  zeitraum: 'Zeitraum',
  beginn: 'Beginn',
  portal: 'Technik',
  kooperation: 'Zusammenarbeit',
  foerderung: 'Bund/EU',
  kosten: 'Kosten',
  erklaerungen: 'Erklärungen',
  netto: 'Netto',
};

export const statecharts: Statechart[] = [
  {
    id: 'foerdercheck',
    title: 'Förder-Check (Fragebogen)',
    intro:
      'Jede Frage ist ein Zustand. Nach jeder Antwort entscheidet ein Verzweigungszustand (nach_…) ohne eigenes Ereignis, welche Frage folgt; die Bedingungen heißen wie die Begriffe der Richtlinie. „Zurück“ (back) und „Ändern“ (edit) sind am Fragebogen selbst festgelegt und gelten in jedem Zustand.',
    machine: foerderCheckMachine,
    labelOf: (id) => (id === 'ergebnis' ? 'Ergebnis' : id.startsWith('nach_') ? '' : (shortQuestion[id as QuestionId] ?? questionTitle[id as QuestionId] ?? '')),
  },
  {
    id: 'antrag',
    title: 'Antrag (Schritte des Assistenten)',
    intro:
      'Jeder Schritt des Antrags ist ein Zustand. Alle Übergänge sind am Assistenten selbst festgelegt: Ein Schritt öffnet sich nur, wenn seine Voraussetzungen vollständig sind (mayOpen); „Weiter“ und „Zurück“ speichern und führen zum nächsten offenen Schritt.',
    machine: applicationMachine,
    labelOf: (id) => (id === 'uebersicht' ? 'Übersicht' : (stepInfo[id as StepId]?.title ?? '')),
  },
  {
    id: 'beratung',
    title: 'Beratung und Einreichung (Status eines Antrags)',
    intro:
      'Der Status eines Antrags von der Beratung durch das EBBS bis zur Entscheidung der SAB. Die Bedingungen nennen, wer den Übergang auslösen darf.',
    machine: reviewMachine,
    labelOf: (id) => reviewStatusLabel[id as ReviewStatus] ?? '',
  },
];

export interface DrawnStatechart {
  id: Statechart['id'];
  title: string;
  intro: string;
  model: MachineModel;
  layout: DiagramLayout;
  labels: Record<string, string>;
}

/** Model and layout of each statechart, computed once (the machines never change at run time). */
let drawn: DrawnStatechart[] | null = null;
export function drawStatecharts(): DrawnStatechart[] {
  drawn ??= statecharts.map((chart) => {
    const model = describeMachine(chart.machine);
    return {
      id: chart.id,
      title: chart.title,
      intro: chart.intro,
      model,
      layout: layoutMachine(model, chart.labelOf),
      labels: Object.fromEntries(model.states.map((s) => [s.id, chart.labelOf(s.id)])),
    };
  });
  return drawn;
}
