import { assign, initialTransition, setup, transition } from 'xstate';

/**
 * A registration for an event (issue 18 Nr. 3 and 4). A free seat is held for 30 minutes until the
 * person confirms the link in the e-mail (double opt-in); an unconfirmed hold expires and frees the
 * seat. Without a free seat the person joins the waitlist; when a seat is released the first on the
 * waitlist is offered it with a deadline to confirm, after which the offer expires and the next one
 * is asked. Every registration can be cancelled by its personal link.
 *
 * The database keeps the status and the deadline in columns; this chart decides which change is
 * allowed, and the repository applies it with the old status as a guard in the UPDATE, so two
 * requests can never both take the same transition.
 */

export const registrationStatuses = [
  'held',
  'confirmed',
  'waitlisted',
  'promoted',
  'expired',
  'cancelled',
  // Events with selection (issue 18 Nr. 9, ADR 0062): an application waits for the organisers'
  // decision; a selected person confirms the seat by a deadline like someone promoted.
  'applied',
  'selected',
  'declined',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const registrationStatusLabel: Record<RegistrationStatus, string> = {
  held: 'Platz reserviert – Bestätigung ausstehend',
  confirmed: 'Angemeldet',
  waitlisted: 'Auf der Warteliste',
  promoted: 'Nachgerückt – Bestätigung ausstehend',
  expired: 'Verfallen (nicht rechtzeitig bestätigt)',
  cancelled: 'Storniert',
  applied: 'Bewerbung eingegangen – Auswahl ausstehend',
  selected: 'Ausgewählt – Bestätigung ausstehend',
  declined: 'Nicht ausgewählt',
};

/** Statuses that occupy a seat: counted against the capacity. */
export const seatStatuses = ['held', 'confirmed', 'promoted', 'selected'] as const satisfies readonly RegistrationStatus[];
/** Statuses that wait for the person's confirmation by a deadline. */
export const pendingStatuses = ['held', 'promoted', 'selected'] as const satisfies readonly RegistrationStatus[];
/** Statuses of a registration that still counts: applying, waiting, holding or having a seat. */
export const activeStatuses = [
  'held',
  'confirmed',
  'waitlisted',
  'promoted',
  'applied',
  'selected',
] as const satisfies readonly RegistrationStatus[];

export const occupiesSeat = (status: RegistrationStatus) => (seatStatuses as readonly string[]).includes(status);

/** How long a seat is held for the double opt-in. */
export const holdMinutes = 30;
/** How long someone promoted from the waitlist has to confirm, at most. */
export const offerHours = 48;

const addMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export const holdDeadline = (at: string) => addMinutes(at, holdMinutes);

/**
 * The deadline for someone promoted from the waitlist: 48 hours, but not past the start of the
 * event; if the event starts sooner than in 30 minutes, 30 minutes (they may still come).
 */
export function offerDeadline(at: string, startsAt: string): string {
  const latest = Math.min(Date.parse(addMinutes(at, offerHours * 60)), Date.parse(startsAt));
  const earliest = Date.parse(holdDeadline(at));
  return new Date(Math.max(latest, earliest)).toISOString();
}

export interface RegistrationContext {
  /** Deadline of a hold or of an offer from the waitlist; null otherwise. */
  pendingUntil: string | null;
  /** Only for the first decision: the person applies for an event with selection. */
  applying?: boolean;
}

export type RegistrationEvent =
  | { type: 'registration.confirm'; at: string }
  | { type: 'registration.expire'; at: string }
  | { type: 'registration.cancel'; at: string }
  | { type: 'registration.promote'; at: string; startsAt: string }
  | { type: 'registration.select'; at: string; startsAt: string }
  | { type: 'registration.reserve'; at: string }
  | { type: 'registration.decline'; at: string };

export interface RegistrationInput {
  seatAvailable: boolean;
  at: string;
  /** An event with selection: the person applies instead of taking a seat (issue 18 Nr. 9). */
  selection?: boolean;
}

export const beforeDeadline = (context: RegistrationContext, at: string) =>
  context.pendingUntil !== null && Date.parse(at) < Date.parse(context.pendingUntil);

/**
 * A seat promised to someone who confirms it by a deadline: held after registering, offered from the
 * waitlist, or given by the organisers' selection. Confirmed before the deadline, expired after it.
 */
const awaitingConfirmation = {
  on: {
    'registration.confirm': { guard: 'beforeDeadline', target: 'confirmed', actions: 'clearDeadline' },
    'registration.expire': { guard: 'deadlinePassed', target: 'expired', actions: 'clearDeadline' },
    'registration.cancel': { target: 'cancelled', actions: 'clearDeadline' },
  },
} as const;

export const registrationMachine = setup({
  types: {
    context: {} as RegistrationContext,
    events: {} as RegistrationEvent,
    input: {} as RegistrationInput,
  },
  guards: {
    applying: ({ context }) => context.applying === true,
    seatHeld: ({ context }) => context.pendingUntil !== null,
    beforeDeadline: ({ context, event }) => beforeDeadline(context, event.at),
    deadlinePassed: ({ context, event }) => context.pendingUntil !== null && !beforeDeadline(context, event.at),
  },
  actions: {
    clearDeadline: assign({ pendingUntil: null }),
    offerSeat: assign({
      pendingUntil: ({ event }) =>
        event.type === 'registration.promote' || event.type === 'registration.select' ? offerDeadline(event.at, event.startsAt) : null,
    }),
  },
}).createMachine({
  id: 'registration',
  context: ({ input }) => ({
    pendingUntil: input.seatAvailable && !input.selection ? holdDeadline(input.at) : null,
    applying: Boolean(input.selection),
  }),
  initial: 'deciding',
  states: {
    deciding: {
      always: [{ guard: 'applying', target: 'applied' }, { guard: 'seatHeld', target: 'held' }, { target: 'waitlisted' }],
    },
    held: awaitingConfirmation,
    waitlisted: {
      on: {
        'registration.promote': { target: 'promoted', actions: 'offerSeat' },
        'registration.cancel': { target: 'cancelled' },
      },
    },
    promoted: awaitingConfirmation,
    confirmed: {
      on: { 'registration.cancel': { target: 'cancelled' } },
    },
    // The organisers decide on an application when they complete the selection; until then the
    // person may withdraw it.
    applied: {
      on: {
        'registration.select': { target: 'selected', actions: 'offerSeat' },
        'registration.reserve': { target: 'waitlisted' },
        'registration.decline': { target: 'declined' },
        'registration.cancel': { target: 'cancelled' },
      },
    },
    selected: awaitingConfirmation,
    expired: { type: 'final' },
    cancelled: { type: 'final' },
    declined: { type: 'final' },
  },
});

export interface RegistrationState {
  status: RegistrationStatus;
  pendingUntil: string | null;
}

/**
 * A new registration: held with a deadline when a seat is free, else on the waitlist; for an event
 * with selection an application that waits for the organisers' decision.
 */
export function startRegistration(input: RegistrationInput): RegistrationState {
  const [snapshot] = initialTransition(registrationMachine, input);
  return { status: snapshot.value as RegistrationStatus, pendingUntil: snapshot.context.pendingUntil };
}

/**
 * The state after an event, or null when the chart refuses it (a confirmation after the deadline,
 * a second cancellation, a promotion of someone not waiting).
 */
export function nextRegistration(current: RegistrationState, event: RegistrationEvent): RegistrationState | null {
  const snapshot = registrationMachine.resolveState({ value: current.status, context: { pendingUntil: current.pendingUntil } });
  const [next] = transition(registrationMachine, snapshot, event);
  if (next.value === snapshot.value) return null;
  return { status: next.value as RegistrationStatus, pendingUntil: next.context.pendingUntil };
}

/** Whether a change frees a seat (then the first on the waitlist is offered it). */
export const releasesSeat = (from: RegistrationStatus, to: RegistrationStatus) => occupiesSeat(from) && !occupiesSeat(to);
