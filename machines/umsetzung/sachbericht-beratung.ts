import { and, assign, setup, type Snapshot, type SnapshotFrom } from 'xstate';
import { runMachine } from '../shared/actor';
import { reportQuestions, type ReportQuestionId } from './verwendungsnachweis';

/**
 * The EBBS advisor's review of a Sachbericht before the Verwendungsnachweis goes to the SAB
 * (issue 19 Nr. 5: "as for drafts"). The grantee asks, an advisor takes the request, reads the
 * Sachbericht and answers with an overall note and a remark per question; the grantee may ask again
 * after revising it. Advice only: the SAB alone decides on the Verwendungsnachweis, so nothing here
 * blocks the grantee's own work or the PDF. Who may send which event is part of the machine.
 */

export const proofReviewStatuses = ['keine', 'angefragt', 'in_beratung', 'rueckmeldung'] as const;
export type ProofReviewStatus = (typeof proofReviewStatuses)[number];

export const proofReviewStatusLabel: Record<ProofReviewStatus, string> = {
  keine: 'Nicht angefragt',
  angefragt: 'Wartet auf eine Beraterin oder einen Berater',
  in_beratung: 'In Beratung',
  rueckmeldung: 'Rückmeldung liegt vor',
};

export interface ProofReviewActor {
  role: 'applicant' | 'advisor' | 'ministry' | 'admin';
  userId: number;
  /** Member of the grantee organisation. */
  member: boolean;
}

export interface ProofFeedback {
  advisorId: number;
  at: string;
  note: string;
  /** Remarks per Sachbericht question; questions without a remark are absent. */
  comments: Partial<Record<ReportQuestionId, string>>;
}

export interface ProofReviewContext {
  advisorId: number | null;
  requestedAt: string | null;
  requestedBy: number | null;
  /** What the grantee wants the advisor to look at (optional). */
  message: string;
  /** The latest feedback; it stays visible while the grantee asks again. */
  feedback: ProofFeedback | null;
  history: Array<{ from: ProofReviewStatus; to: ProofReviewStatus; at: string; by: number }>;
}

export const NOTE_MIN_LENGTH = 10;
export const NOTE_MAX_LENGTH = 4000;
export const COMMENT_MAX_LENGTH = 2000;
export const MESSAGE_MAX_LENGTH = 1000;

export type ProofReviewEvent =
  | { type: 'anfragen'; actor: ProofReviewActor; at: string; message: string }
  | { type: 'zuruecknehmen'; actor: ProofReviewActor; at: string }
  | { type: 'uebernehmen'; actor: ProofReviewActor; at: string }
  | { type: 'rueckmelden'; actor: ProofReviewActor; at: string; note: string; comments: ProofFeedback['comments'] };

const isMember = (a: ProofReviewActor) => a.role === 'applicant' && a.member;
const isAdvisor = (a: ProofReviewActor) => a.role === 'advisor';

/** A note counts from ten characters on: the grantee should learn what to change, not just "ok". */
export const noteIsValid = (note: string) => note.trim().length >= NOTE_MIN_LENGTH && note.trim().length <= NOTE_MAX_LENGTH;

const commentsAreValid = (comments: ProofFeedback['comments']) =>
  Object.entries(comments).every(
    ([id, text]) => reportQuestions.some((q) => q.id === id) && typeof text === 'string' && text.length <= COMMENT_MAX_LENGTH,
  );

function moved(context: ProofReviewContext, from: ProofReviewStatus, to: ProofReviewStatus, event: ProofReviewEvent) {
  return [...context.history, { from, to, at: event.at, by: event.actor.userId }];
}

export const proofReviewMachine = setup({
  types: {
    context: {} as ProofReviewContext,
    events: {} as ProofReviewEvent,
  },
  guards: {
    byMember: ({ event }) => isMember(event.actor),
    messageFits: ({ event }) => event.type === 'anfragen' && event.message.length <= MESSAGE_MAX_LENGTH,
    byAdvisor: ({ event }) => isAdvisor(event.actor),
    byAssignedAdvisor: ({ context, event }) => isAdvisor(event.actor) && context.advisorId === event.actor.userId,
    feedbackIsValid: ({ event }) => event.type === 'rueckmelden' && noteIsValid(event.note) && commentsAreValid(event.comments),
  },
}).createMachine({
  id: 'sachberichtBeratung',
  context: { advisorId: null, requestedAt: null, requestedBy: null, message: '', feedback: null, history: [] },
  initial: 'keine',
  states: {
    keine: {
      on: {
        anfragen: {
          guard: and(['byMember', 'messageFits']),
          target: 'angefragt',
          actions: assign(({ context, event }) => ({
            advisorId: null,
            requestedAt: event.at,
            requestedBy: event.actor.userId,
            message: event.type === 'anfragen' ? event.message.trim() : '',
            history: moved(context, 'keine', 'angefragt', event),
          })),
        },
      },
    },
    angefragt: {
      on: {
        uebernehmen: {
          guard: 'byAdvisor',
          target: 'in_beratung',
          actions: assign(({ context, event }) => ({
            advisorId: event.actor.userId,
            history: moved(context, 'angefragt', 'in_beratung', event),
          })),
        },
        zuruecknehmen: {
          guard: 'byMember',
          target: 'keine',
          actions: assign(({ context, event }) => ({ history: moved(context, 'angefragt', 'keine', event) })),
        },
      },
    },
    in_beratung: {
      on: {
        rueckmelden: {
          guard: and(['byAssignedAdvisor', 'feedbackIsValid']),
          target: 'rueckmeldung',
          actions: assign(({ context, event }) =>
            event.type === 'rueckmelden'
              ? {
                  feedback: { advisorId: event.actor.userId, at: event.at, note: event.note.trim(), comments: event.comments },
                  history: moved(context, 'in_beratung', 'rueckmeldung', event),
                }
              : {},
          ),
        },
        zuruecknehmen: {
          guard: 'byMember',
          target: 'keine',
          actions: assign(({ context, event }) => ({ advisorId: null, history: moved(context, 'in_beratung', 'keine', event) })),
        },
      },
    },
    rueckmeldung: {
      on: {
        // Asking again after revising: the same advisor is asked first (they know the report),
        // but anyone in the pool may take it.
        anfragen: {
          guard: and(['byMember', 'messageFits']),
          target: 'angefragt',
          actions: assign(({ context, event }) => ({
            requestedAt: event.at,
            requestedBy: event.actor.userId,
            message: event.type === 'anfragen' ? event.message.trim() : '',
            history: moved(context, 'rueckmeldung', 'angefragt', event),
          })),
        },
      },
    },
  },
});

export type ProofReviewSnapshot = SnapshotFrom<typeof proofReviewMachine>;

/** Restores a stored snapshot; a missing or unreadable one starts afresh (the audit trail keeps the history). */
export function restoreProofReview(stored: string | null): ProofReviewSnapshot {
  if (stored) {
    try {
      return runMachine(proofReviewMachine, { snapshot: JSON.parse(stored) as Snapshot<unknown> }).snapshot;
    } catch {
      // fall through to a fresh start
    }
  }
  return runMachine(proofReviewMachine, {}).snapshot;
}

export const proofReviewStatusOf = (s: ProofReviewSnapshot) => s.value as ProofReviewStatus;

export function applyProofReviewEvent(
  snapshot: ProofReviewSnapshot,
  event: ProofReviewEvent,
): { accepted: false } | { accepted: true; snapshot: ProofReviewSnapshot; persisted: Snapshot<unknown> } {
  if (!snapshot.can(event)) return { accepted: false };
  const next = runMachine(proofReviewMachine, { snapshot }, [event]);
  return { accepted: true, snapshot: next.snapshot, persisted: next.persisted };
}

/** Why an event was refused, in German, naming what the person can do. */
export function proofReviewRefusal(snapshot: ProofReviewSnapshot, event: ProofReviewEvent): string {
  const status = proofReviewStatusOf(snapshot);
  if (event.type === 'rueckmelden' && status === 'in_beratung' && snapshot.context.advisorId === event.actor.userId) {
    if (!noteIsValid(event.note))
      return `Bitte schreiben Sie eine Rückmeldung von mindestens ${NOTE_MIN_LENGTH} und höchstens ${NOTE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen; sie sieht die Organisation.`;
    return `Ein Hinweis zu einer Frage darf höchstens ${COMMENT_MAX_LENGTH.toLocaleString('de-DE')} Zeichen lang sein.`;
  }
  if (event.type === 'anfragen' && event.message.length > MESSAGE_MAX_LENGTH)
    return `Ihre Nachricht an die Beratung darf höchstens ${MESSAGE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen lang sein (jetzt ${event.message.length.toLocaleString('de-DE')}).`;
  if (event.type === 'uebernehmen' && status === 'in_beratung')
    return 'Diesen Sachbericht hat inzwischen eine andere Beraterin oder ein anderer Berater übernommen.';
  return `Das ist im Stand „${proofReviewStatusLabel[status]}“ nicht möglich. Bitte laden Sie die Seite neu; vielleicht hat jemand anderes gerade gehandelt.`;
}

/** Reads the per-question remarks from a form: `comment.<questionId>`, empty ones left out. */
export function commentsFromForm(get: (name: string) => string): ProofFeedback['comments'] {
  const comments: ProofFeedback['comments'] = {};
  for (const q of reportQuestions) {
    const text = get(`comment.${q.id}`).trim();
    if (text) comments[q.id] = text;
  }
  return comments;
}
