import type { AnyStateMachine } from 'xstate';
import type { DiagramLabels } from '../shared/statechart-model';
import { stepInfo, type StepId } from './application/steps';
import { applicationDiagramLabels, applicationMachine } from './application/machine';
import { foerderCheckDiagramLabels, foerderCheckMachine, questionShortLabel } from './foerdercheck/machine';
import { questionTitle, type QuestionId } from './foerdercheck/questions';
import { adviceDiagramLabels, adviceMachine, adviceStatusLabel, type AdviceStatus } from './advice/machine';

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
    machine: adviceMachine,
    labelOf: (id) => adviceStatusLabel[id as AdviceStatus] ?? '',
    labels: adviceDiagramLabels,
  },
];
