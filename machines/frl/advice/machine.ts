import { assign, setup, type Snapshot, type SnapshotFrom } from 'xstate';
import type { DiagramLabels } from '../../shared/statechart-model';
import { runMachine } from '../../shared/actor';

/**
 * The advice and submission status of an application. Who may take which transition is part of
 * the machine: every event names the actor (role, user, membership), and guards named after the
 * roles of the process decide. A refused event leaves the state unchanged.
 */

export const adviceStatuses = [
  'entwurf',
  'in_beratung',
  'zur_ueberarbeitung',
  'beratung_abgeschlossen',
  'eingereicht',
  'bewilligt',
  'abgelehnt',
  'zurueckgezogen',
] as const;
export type AdviceStatus = (typeof adviceStatuses)[number];

export const adviceStatusLabel: Record<AdviceStatus, string> = {
  entwurf: 'Entwurf',
  in_beratung: 'In Beratung',
  zur_ueberarbeitung: 'Zur Überarbeitung',
  beratung_abgeschlossen: 'Beratung abgeschlossen',
  eingereicht: 'Bei der SAB eingereicht',
  bewilligt: 'Bewilligt',
  abgelehnt: 'Abgelehnt',
  zurueckgezogen: 'Zurückgezogen',
};

export interface Actor {
  role: 'applicant' | 'advisor' | 'ministry' | 'admin';
  userId: number;
  /** Member of the applying organisation. */
  member: boolean;
}

export interface StatusChange {
  from: AdviceStatus;
  to: AdviceStatus;
  at: string;
  by: number;
  reason?: string;
}

export interface AdviceContext {
  /** Advisors working on the draft (the first took it; a second can be added). */
  advisors: number[];
  /**
   * Advisors who no longer work on the draft: released when the organisation ended the advice or
   * asked someone else (or the pool) again. They keep their place in the history, not their access.
   */
  formerAdvisors: number[];
  /** The advisor asked for by name, or null for the EBBS pool. */
  requestedAdvisor: number | null;
  requestedAt: string | null;
  /** "aus Sicht der Beratung einreichungsfähig" when the advice was completed. */
  readyForSubmission: boolean | null;
  /** The application version the completing advisor saw; a higher version means the draft changed since. */
  completedVersion: number | null;
  submission: { date: string; reference: string } | null;
  decision: { date: string; note: string } | null;
  history: StatusChange[];
}

type At = { actor: Actor; at: string };
export type AdviceEvent =
  | ({ type: 'beratung.anfragen'; advisorId: number | null; note?: string } & At)
  | ({ type: 'beratung.uebernehmen' } & At)
  | ({ type: 'beratung.hinzuziehen'; advisorId: number } & At)
  | ({ type: 'beratung.zurueckgeben'; reason: string } & At)
  | ({ type: 'beratung.abschliessen'; readyForSubmission: boolean; version: number; note?: string } & At)
  | ({ type: 'beratung.beenden'; reason?: string } & At)
  | ({ type: 'einreichung.erfassen'; date: string; reference: string } & At)
  | ({ type: 'bewilligung.erfassen'; date: string; note?: string } & At)
  | ({ type: 'ablehnung.erfassen'; date: string; note?: string } & At)
  | ({ type: 'antrag.zurueckziehen'; reason?: string } & At);

export type AdviceEventType = AdviceEvent['type'];

// ---- named conditions, testable on their own -------------------------------------------------

export const isApplicantMember = (actor: Actor) => actor.role === 'applicant' && actor.member;
export const isAdvisor = (actor: Actor) => actor.role === 'advisor';
export const isAssignedAdvisor = (actor: Actor, context: AdviceContext) => isAdvisor(actor) && context.advisors.includes(actor.userId);
/** A draft in the pool, or one whose request named this advisor. */
export const mayTakeDraft = (actor: Actor, context: AdviceContext) =>
  isAdvisor(actor) &&
  !context.advisors.includes(actor.userId) &&
  context.advisors.length === 0 &&
  (context.requestedAdvisor === null || context.requestedAdvisor === actor.userId);
export const hasReason = (reason: string | undefined) => typeof reason === 'string' && reason.trim().length >= 10;
export const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Ends the current assignment: nobody advises the draft any more, the advisors become former ones. */
const release = (context: AdviceContext): Pick<AdviceContext, 'advisors' | 'formerAdvisors'> => ({
  advisors: [],
  formerAdvisors: [...context.formerAdvisors.filter((id) => !context.advisors.includes(id)), ...context.advisors],
});

/** A repeated request keeps the advisors only if it names one of them; the pool or anyone else starts afresh. */
export const keepsAssignment = (context: AdviceContext, advisorId: number | null) =>
  advisorId !== null && context.advisors.includes(advisorId);

const change = (context: AdviceContext, from: AdviceStatus, to: AdviceStatus, event: AdviceEvent & At, reason?: string): StatusChange[] => [
  ...context.history,
  { from, to, at: event.at, by: event.actor.userId, ...(reason ? { reason } : {}) },
];

const advice = setup({
  types: {
    context: {} as AdviceContext,
    events: {} as AdviceEvent,
  },
  guards: {
    applicantMember: ({ event }) => isApplicantMember(event.actor),
    assignedAdvisor: ({ context, event }) => isAssignedAdvisor(event.actor, context),
    advisorMayTake: ({ context, event }) => mayTakeDraft(event.actor, context),
    assignedAdvisorAddsAnother: ({ context, event }) =>
      event.type === 'beratung.hinzuziehen' &&
      isAssignedAdvisor(event.actor, context) &&
      !context.advisors.includes(event.advisorId) &&
      context.advisors.length < 2,
    assignedAdvisorWithReason: ({ context, event }) =>
      event.type === 'beratung.zurueckgeben' && isAssignedAdvisor(event.actor, context) && hasReason(event.reason),
    applicantRecordsSubmission: ({ event }) =>
      event.type === 'einreichung.erfassen' && isApplicantMember(event.actor) && isIsoDate(event.date) && event.reference.trim().length > 0,
    applicantRecordsDecision: ({ event }) =>
      (event.type === 'bewilligung.erfassen' || event.type === 'ablehnung.erfassen') &&
      isApplicantMember(event.actor) &&
      isIsoDate(event.date),
  },
  actions: {
    request: assign(({ context, event }, params: { from: AdviceStatus }) => {
      if (event.type !== 'beratung.anfragen') return {};
      const { from } = params;
      return {
        requestedAdvisor: event.advisorId,
        requestedAt: event.at,
        ...(keepsAssignment(context, event.advisorId) ? {} : release(context)),
        history: change(context, from, 'in_beratung', event, event.note),
      };
    }),
    take: assign(({ context, event }) => ({
      advisors: [...context.advisors, event.actor.userId],
      formerAdvisors: context.formerAdvisors.filter((id) => id !== event.actor.userId),
    })),
    addAdvisor: assign(({ context, event }) =>
      event.type === 'beratung.hinzuziehen'
        ? {
            advisors: [...context.advisors, event.advisorId],
            formerAdvisors: context.formerAdvisors.filter((id) => id !== event.advisorId),
          }
        : {},
    ),
    returnForRevision: assign(({ context, event }) =>
      event.type === 'beratung.zurueckgeben'
        ? { history: change(context, 'in_beratung', 'zur_ueberarbeitung', event, event.reason.trim()) }
        : {},
    ),
    complete: assign(({ context, event }) =>
      event.type === 'beratung.abschliessen'
        ? {
            readyForSubmission: event.readyForSubmission,
            completedVersion: event.version,
            history: change(context, 'in_beratung', 'beratung_abgeschlossen', event, event.note),
          }
        : {},
    ),
    // Ending the advice makes the draft private again: the advisors lose their access.
    endAdvice: assign(({ context, event }) => ({
      ...release(context),
      requestedAdvisor: null,
      history: change(context, 'in_beratung', 'entwurf', event, event.type === 'beratung.beenden' ? event.reason : undefined),
    })),
    recordSubmission: assign(({ context, event }, params: { from: AdviceStatus }) =>
      event.type === 'einreichung.erfassen'
        ? {
            submission: { date: event.date, reference: event.reference.trim() },
            history: change(context, params.from, 'eingereicht', event),
          }
        : {},
    ),
    recordDecision: assign(({ context, event }) =>
      event.type === 'bewilligung.erfassen' || event.type === 'ablehnung.erfassen'
        ? {
            decision: { date: event.date, note: event.note?.trim() ?? '' },
            history: change(context, 'eingereicht', event.type === 'bewilligung.erfassen' ? 'bewilligt' : 'abgelehnt', event),
          }
        : {},
    ),
    withdraw: assign(({ context, event }, params: { from: AdviceStatus }) => ({
      history: change(context, params.from, 'zurueckgezogen', event, event.type === 'antrag.zurueckziehen' ? event.reason : undefined),
    })),
  },
});

const submit = (from: AdviceStatus) => ({
  guard: 'applicantRecordsSubmission' as const,
  target: 'eingereicht',
  actions: { type: 'recordSubmission' as const, params: { from } },
});
const withdraw = (from: AdviceStatus) => ({
  guard: 'applicantMember' as const,
  target: 'zurueckgezogen',
  actions: { type: 'withdraw' as const, params: { from } },
});
const request = (from: AdviceStatus) => ({
  guard: 'applicantMember' as const,
  target: 'in_beratung',
  actions: { type: 'request' as const, params: { from } },
});

/** The guards, events and actions above in German, for the diagram in the Regelwerk (ADR 0012). */
export const adviceDiagramLabels: DiagramLabels = {
  guards: {
    applicantMember: 'Mitglied der Organisation',
    assignedAdvisor: 'eingetragene Beratung',
    advisorMayTake: 'Beratung darf übernehmen',
    assignedAdvisorAddsAnother: 'eingetragene Beratung zieht eine zweite hinzu',
    assignedAdvisorWithReason: 'eingetragene Beratung, mit Begründung',
    applicantRecordsSubmission: 'Organisation, mit Datum und Aktenzeichen',
    applicantRecordsDecision: 'Organisation, mit Datum des Bescheids',
  },
  events: {
    'beratung.anfragen': 'Beratung anfragen',
    'beratung.uebernehmen': 'Beratung übernehmen',
    'beratung.hinzuziehen': 'zweite Beratung hinzuziehen',
    'beratung.zurueckgeben': 'zur Überarbeitung zurückgeben',
    'beratung.abschliessen': 'Beratung abschließen',
    'beratung.beenden': 'Beratung beenden',
    'einreichung.erfassen': 'Einreichung erfassen',
    'antrag.zurueckziehen': 'Antrag zurückziehen',
    'bewilligung.erfassen': 'Bewilligung erfassen',
    'ablehnung.erfassen': 'Ablehnung erfassen',
  },
  actions: {
    request: 'Anfrage festhalten',
    recordSubmission: 'Einreichung festhalten',
    withdraw: 'Rückzug festhalten',
    take: 'als Beratung eintragen',
    addAdvisor: 'zweite Beratung eintragen',
    returnForRevision: 'Rückgabe mit Begründung festhalten',
    complete: 'Abschluss festhalten',
    endAdvice: 'Beratung austragen',
    recordDecision: 'Bescheid festhalten',
  },
};

export const adviceMachine = advice.createMachine({
  id: 'beratung',
  context: {
    advisors: [],
    formerAdvisors: [],
    requestedAdvisor: null,
    requestedAt: null,
    readyForSubmission: null,
    completedVersion: null,
    submission: null,
    decision: null,
    history: [],
  },
  initial: 'entwurf',
  states: {
    entwurf: {
      on: {
        'beratung.anfragen': request('entwurf'),
        'einreichung.erfassen': submit('entwurf'),
        'antrag.zurueckziehen': withdraw('entwurf'),
      },
    },
    in_beratung: {
      on: {
        'beratung.uebernehmen': { guard: 'advisorMayTake', actions: 'take' },
        'beratung.hinzuziehen': { guard: 'assignedAdvisorAddsAnother', actions: 'addAdvisor' },
        'beratung.zurueckgeben': { guard: 'assignedAdvisorWithReason', target: 'zur_ueberarbeitung', actions: 'returnForRevision' },
        'beratung.abschliessen': { guard: 'assignedAdvisor', target: 'beratung_abgeschlossen', actions: 'complete' },
        'beratung.beenden': { guard: 'applicantMember', target: 'entwurf', actions: 'endAdvice' },
        'antrag.zurueckziehen': withdraw('in_beratung'),
      },
    },
    zur_ueberarbeitung: {
      on: {
        'beratung.anfragen': request('zur_ueberarbeitung'),
        'einreichung.erfassen': submit('zur_ueberarbeitung'),
        'antrag.zurueckziehen': withdraw('zur_ueberarbeitung'),
      },
    },
    beratung_abgeschlossen: {
      on: {
        'beratung.anfragen': request('beratung_abgeschlossen'),
        'einreichung.erfassen': submit('beratung_abgeschlossen'),
        'antrag.zurueckziehen': withdraw('beratung_abgeschlossen'),
      },
    },
    eingereicht: {
      on: {
        'bewilligung.erfassen': { guard: 'applicantRecordsDecision', target: 'bewilligt', actions: 'recordDecision' },
        'ablehnung.erfassen': { guard: 'applicantRecordsDecision', target: 'abgelehnt', actions: 'recordDecision' },
        'antrag.zurueckziehen': withdraw('eingereicht'),
      },
    },
    bewilligt: { type: 'final' },
    abgelehnt: { type: 'final' },
    zurueckgezogen: { type: 'final' },
  },
});

export type AdviceSnapshot = SnapshotFrom<typeof adviceMachine>;

export const statusOf = (snapshot: AdviceSnapshot) => snapshot.value as AdviceStatus;

/** Whether the draft may still be edited by the applicant (decision: docs/decisions/0010). */
export const isEditable = (status: AdviceStatus) =>
  status === 'entwurf' || status === 'in_beratung' || status === 'zur_ueberarbeitung' || status === 'beratung_abgeschlossen';

/** A draft was ever shared with the advice (advisors may read it). */
export const isSharedWithAdvice = (snapshot: AdviceSnapshot) => snapshot.context.requestedAt !== null;

/**
 * Whether an advisor may read a draft: the advisors working on it always; the others only while
 * it waits in the pool (or was asked of them by name). Drafts never shared stay private.
 */
export function advisorMayRead(actor: Actor, snapshot: Pick<AdviceSnapshot, 'context' | 'value'>): boolean {
  if (!isAdvisor(actor) || snapshot.context.requestedAt === null) return false;
  if (snapshot.context.advisors.includes(actor.userId)) return true;
  return snapshot.value === 'in_beratung' && mayTakeDraft(actor, snapshot.context);
}

/** What a snapshot of an older release lacks, filled in on restore. */
const contextDefaults: Partial<AdviceContext> = { formerAdvisors: [], completedVersion: null };

/**
 * Whether the draft was changed after the advice was completed (the statement "einreichungsfähig"
 * then refers to an older version). Unknown for completions stored before the version was kept.
 */
export const changedSinceCompletion = (context: AdviceContext, applicationVersion: number) =>
  context.completedVersion !== null && applicationVersion > context.completedVersion;

/** The advice statechart at its start, or restored from a persisted snapshot (throws if unreadable). */
export function startAdvice(persisted?: unknown): AdviceSnapshot {
  if (persisted === undefined) return runMachine(adviceMachine, {}).snapshot;
  const stored = persisted as { context?: Partial<AdviceContext> };
  const snapshot =
    stored && typeof stored === 'object' && stored.context && typeof stored.context === 'object'
      ? { ...stored, context: { ...contextDefaults, ...stored.context } }
      : persisted;
  return runMachine(adviceMachine, { snapshot: snapshot as Snapshot<unknown> }).snapshot;
}

/** Sends one event; a refused event (`accepted: false`) leaves the snapshot as it was. */
export function applyAdviceEvent(
  snapshot: AdviceSnapshot,
  event: AdviceEvent,
): { accepted: boolean; snapshot: AdviceSnapshot; persisted: unknown } {
  if (!snapshot.can(event)) return { accepted: false, snapshot, persisted: null };
  const next = runMachine(adviceMachine, { snapshot }, [event]);
  return { accepted: true, snapshot: next.snapshot, persisted: next.persisted };
}
