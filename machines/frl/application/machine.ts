import { assign, setup, type SnapshotFrom } from 'xstate';
import type { DiagramLabels } from '../../shared/statechart-model';
import type { ApplicationData } from './schema';
import { stepDependencies, stepIds, stepInfo, type EditableStep, type StepId } from './steps';

/**
 * The application wizard. The server is the authority: each request restores the persisted
 * snapshot, sends one event and saves the result. The machine decides which step may be opened
 * (a URL can never skip a step whose prerequisites are missing) and where "Weiter" and "Zurück"
 * lead. Completeness needs the rule parameters, so the server computes it with steps.ts and
 * passes it in the event; the machine keeps the data, unsaved form input and that status.
 */

export type View = 'uebersicht' | StepId;

export interface ApplicationContext {
  data: ApplicationData;
  /** Form input that did not pass validation, kept as typed so nothing is lost. */
  pending: Partial<Record<EditableStep, Record<string, unknown>>>;
  /** Steps whose data is complete (computed by the server after each change). */
  complete: EditableStep[];
}

type SaveFields = {
  step: EditableStep;
  /** The new data (already validated and merged by the server), or unchanged data with `raw`. */
  data: ApplicationData;
  /** The posted form when it did not pass validation; cleared on a valid save. */
  raw?: Record<string, unknown>;
  complete: EditableStep[];
};

export type ApplicationEvent =
  | { type: 'step.open'; step: StepId }
  | ({ type: 'step.save' } & SaveFields)
  | ({ type: 'step.next' } & SaveFields)
  | ({ type: 'step.back' } & SaveFields)
  | { type: 'overview' }
  | { type: 'data.refresh'; data: ApplicationData; complete: EditableStep[] };

const order: StepId[] = [...stepIds];

/** The step's prerequisites are complete (FRL-independent: the wizard's own ordering). */
export function canOpenStep(complete: readonly EditableStep[], step: StepId): boolean {
  return stepDependencies[step].every((dep) => complete.includes(dep));
}

function neighbour(step: StepId, direction: 1 | -1, complete: readonly EditableStep[]): View {
  for (let i = order.indexOf(step) + direction; i >= 0 && i < order.length; i += direction) {
    const candidate = order[i]!;
    if (canOpenStep(complete, candidate)) return candidate;
  }
  return 'uebersicht';
}

const views: View[] = ['uebersicht', ...stepIds];

const wizard = setup({
  types: {
    context: {} as ApplicationContext,
    events: {} as ApplicationEvent,
    input: {} as { data: ApplicationData; complete: EditableStep[] },
  },
  guards: {
    /** The step asked for may be opened (its prerequisites are complete). */
    mayOpen: ({ context, event }, params: { step: StepId }) =>
      event.type === 'step.open' && event.step === params.step && canOpenStep(context.complete, params.step),
    /** A valid "Weiter" leads to this view; with errors the user stays on the step. */
    advancesTo: ({ event }, params: { view: View }) =>
      event.type === 'step.next' && event.raw === undefined && neighbour(event.step, 1, event.complete) === params.view,
    /** "Zurück" leads to this view (it saves, errors or not). */
    retreatsTo: ({ event }, params: { view: View }) =>
      event.type === 'step.back' && neighbour(event.step, -1, event.complete) === params.view,
  },
  actions: {
    save: assign(({ context, event }) => {
      if (event.type !== 'step.save' && event.type !== 'step.next' && event.type !== 'step.back') return {};
      const pending = { ...context.pending };
      if (event.raw) pending[event.step] = event.raw;
      else delete pending[event.step];
      return { data: event.data, pending, complete: event.complete };
    }),
    refresh: assign(({ event }) => (event.type === 'data.refresh' ? { data: event.data, complete: event.complete } : {})),
  },
});

const viewTitle = (view: unknown) => (view === 'uebersicht' ? 'Übersicht' : (stepInfo[view as StepId]?.title ?? String(view)));

/** The guards, events and actions above in German, for the diagram in the Regelwerk (ADR 0012). */
export const applicationDiagramLabels: DiagramLabels = {
  guards: {
    mayOpen: ({ step }) => `„${viewTitle(step)}“ kann geöffnet werden`,
    advancesTo: ({ view }) => `weiter zu „${viewTitle(view)}“`,
    retreatsTo: ({ view }) => `zurück zu „${viewTitle(view)}“`,
  },
  events: {
    'step.open': 'Schritt öffnen',
    'step.save': 'Speichern',
    'step.next': 'Weiter',
    'step.back': 'Zurück',
    overview: 'Zur Übersicht',
    'data.refresh': 'Daten neu lesen',
  },
  actions: { save: 'Eingaben speichern', refresh: 'Daten übernehmen' },
};

export const applicationMachine = wizard.createMachine({
  id: 'antrag',
  context: ({ input }) => ({ data: input.data, pending: {}, complete: input.complete }),
  initial: 'uebersicht',
  on: {
    'step.open': stepIds.map((step) => ({ guard: { type: 'mayOpen' as const, params: { step } }, target: `.${step}` })),
    'step.save': { actions: 'save' },
    'step.next': [
      ...views.map((view) => ({ guard: { type: 'advancesTo' as const, params: { view } }, actions: 'save' as const, target: `.${view}` })),
      { actions: 'save' as const },
    ],
    'step.back': views.map((view) => ({
      guard: { type: 'retreatsTo' as const, params: { view } },
      actions: 'save' as const,
      target: `.${view}`,
    })),
    overview: { target: '.uebersicht' },
    'data.refresh': { actions: 'refresh' },
  },
  states: Object.fromEntries(views.map((view) => [view, {}])),
});

export type ApplicationSnapshot = SnapshotFrom<typeof applicationMachine>;

export function viewOf(snapshot: ApplicationSnapshot): View {
  return snapshot.value as unknown as View;
}

export { neighbour as nextView };
