import { and, assign, not, setup, type SnapshotFrom } from 'xstate';
import { runMachine } from '../shared/actor';

/**
 * The editorial workflow of the hub's content (issue 17 Nr. 4, ADR 0073): methods and good examples
 * are entries with numbered versions. An editor (EBBS advisor or ministry staff) opens a draft,
 * sends it to review with a note on what changed, and a second editor reads the difference to the
 * published version and publishes it (four eyes) or returns it with a reason. A published entry can
 * be archived (no longer public) and restored. The public always sees the last published version;
 * an open draft never shows.
 *
 * The state is not stored as a snapshot: it follows from the entry's columns (`draft_state`,
 * `published_version`, `archived_at`), so the machine is resolved from them for each request.
 */

export const editorialStates = ['ohne_entwurf', 'entwurf', 'pruefung'] as const;
export type EditorialState = (typeof editorialStates)[number];

export interface EditorialActor {
  userId: number;
  role: 'applicant' | 'advisor' | 'ministry' | 'admin';
}

export interface EditorialContext {
  /** Number of the published version, if any. */
  published: number | null;
  archived: boolean;
  /** Who last changed the open draft (the four-eyes rule compares against them). */
  lastEditor: number | null;
}

export const NOTE_MIN_LENGTH = 10;
export const NOTE_MAX_LENGTH = 2000;

export type EditorialEvent =
  | { type: 'bearbeiten'; actor: EditorialActor }
  | { type: 'einreichen'; actor: EditorialActor; note: string }
  | { type: 'zurueckgeben'; actor: EditorialActor; note: string }
  | { type: 'veroeffentlichen'; actor: EditorialActor }
  | { type: 'verwerfen'; actor: EditorialActor }
  | { type: 'archivieren'; actor: EditorialActor }
  | { type: 'wiederherstellen'; actor: EditorialActor };

export const isEditor = (a: EditorialActor) => a.role === 'advisor' || a.role === 'ministry';
export const noteIsValid = (note: string) => note.trim().length >= NOTE_MIN_LENGTH && note.trim().length <= NOTE_MAX_LENGTH;

export const editorialMachine = setup({
  types: {
    context: {} as EditorialContext,
    events: {} as EditorialEvent,
    input: {} as EditorialContext,
  },
  guards: {
    byEditor: ({ event }) => isEditor(event.actor),
    noteIsValid: ({ event }) => (event.type === 'einreichen' || event.type === 'zurueckgeben') && noteIsValid(event.note),
    /** Four eyes: whoever changed the draft last does not publish it. */
    bySecondEditor: ({ context, event }) => context.lastEditor !== event.actor.userId,
    isPublished: ({ context }) => context.published !== null,
    isArchived: ({ context }) => context.archived,
  },
}).createMachine({
  id: 'redaktion',
  context: ({ input }) => input,
  initial: 'ohne_entwurf',
  states: {
    ohne_entwurf: {
      on: {
        bearbeiten: { guard: 'byEditor', target: 'entwurf', actions: assign({ lastEditor: ({ event }) => event.actor.userId }) },
        archivieren: {
          guard: and(['byEditor', 'isPublished', not('isArchived')]),
          actions: assign({ archived: true }),
        },
        wiederherstellen: {
          guard: and(['byEditor', 'isPublished', 'isArchived']),
          actions: assign({ archived: false }),
        },
      },
    },
    entwurf: {
      on: {
        bearbeiten: { guard: 'byEditor', actions: assign({ lastEditor: ({ event }) => event.actor.userId }) },
        einreichen: { guard: and(['byEditor', 'noteIsValid']), target: 'pruefung' },
        verwerfen: { guard: and(['byEditor', 'isPublished']), target: 'ohne_entwurf', actions: assign({ lastEditor: null }) },
        archivieren: { guard: and(['byEditor', 'isPublished', not('isArchived')]), actions: assign({ archived: true }) },
      },
    },
    pruefung: {
      on: {
        veroeffentlichen: {
          guard: and(['byEditor', 'bySecondEditor']),
          target: 'ohne_entwurf',
          // The version number is the caller's (the draft's); the machine only knows that one now exists.
          actions: assign({ published: ({ context }) => (context.published ?? 0) + 1, archived: false, lastEditor: null }),
        },
        zurueckgeben: { guard: and(['byEditor', 'noteIsValid']), target: 'entwurf' },
        archivieren: { guard: and(['byEditor', 'isPublished', not('isArchived')]), actions: assign({ archived: true }) },
      },
    },
  },
});

export type EditorialSnapshot = SnapshotFrom<typeof editorialMachine>;

/** The machine in the state the entry's columns describe. */
export function resolveEditorial(state: EditorialState, context: EditorialContext): EditorialSnapshot {
  const started = runMachine(editorialMachine, { input: context }).snapshot;
  return editorialMachine.resolveState({ value: state, context: { ...started.context, ...context } });
}

export function editorialCan(snapshot: EditorialSnapshot, event: EditorialEvent): boolean {
  return snapshot.can(event);
}

export const editorialStateOf = (s: EditorialSnapshot) => s.value as EditorialState;

/** The state shown in lists: what the public sees, and what the editors work on. */
export type EntryStatus = 'entwurf' | 'pruefung' | 'veroeffentlicht' | 'archiviert';
export const entryStatusLabel: Record<EntryStatus, string> = {
  entwurf: 'Entwurf',
  pruefung: 'Zur Prüfung',
  veroeffentlicht: 'Veröffentlicht',
  archiviert: 'Archiviert',
};

export function entryStatus(state: EditorialState, context: Pick<EditorialContext, 'published' | 'archived'>): EntryStatus {
  if (state === 'pruefung') return 'pruefung';
  if (state === 'entwurf') return 'entwurf';
  return context.archived ? 'archiviert' : 'veroeffentlicht';
}

/** Whether the public sees the entry (its published version). */
export const isPublic = (context: Pick<EditorialContext, 'published' | 'archived'>) => context.published !== null && !context.archived;

/** Why an event was refused, in German, with what the person can do. */
export function editorialRefusal(snapshot: EditorialSnapshot, event: EditorialEvent): string {
  const state = editorialStateOf(snapshot);
  if (!isEditor(event.actor)) return 'Inhalte bearbeiten dürfen nur die EBBS-Beratung und das Ministerium.';
  if ((event.type === 'einreichen' || event.type === 'zurueckgeben') && !noteIsValid(event.note))
    return event.type === 'einreichen'
      ? `Bitte beschreiben Sie in ${NOTE_MIN_LENGTH} bis ${NOTE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen, was sich geändert hat; das liest, wer prüft.`
      : `Bitte begründen Sie in ${NOTE_MIN_LENGTH} bis ${NOTE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen, was noch zu ändern ist.`;
  if (event.type === 'veroeffentlichen' && state === 'pruefung' && snapshot.context.lastEditor === event.actor.userId)
    return 'Sie haben diesen Entwurf zuletzt bearbeitet. Veröffentlichen muss eine zweite Person aus der Redaktion (Vier-Augen-Prinzip).';
  if (event.type === 'bearbeiten' && state === 'pruefung')
    return 'Der Entwurf liegt zur Prüfung. Ändern können Sie ihn erst, wenn er zurückgegeben wurde.';
  if (event.type === 'verwerfen' && snapshot.context.published === null)
    return 'Ein Eintrag, der noch nie veröffentlicht war, hat keinen anderen Stand, zu dem er zurückkehren könnte.';
  return 'Das ist in diesem Stand nicht möglich. Bitte laden Sie die Seite neu; vielleicht hat jemand anderes gerade gehandelt.';
}
