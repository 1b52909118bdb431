import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  activeStatuses,
  nextRegistration,
  pendingStatuses,
  releasesSeat,
  seatStatuses,
  startRegistration,
  type RegistrationEvent,
  type RegistrationStatus,
} from '../../machines/veranstaltungen/registration';
import { registrationClosedReason, type AdmissionMode, type EventFormat, type EventTopic } from '../../machines/veranstaltungen/event';
import { countDecisions, selectionEarly, selectionProblem, type SelectionDecision } from '../../machines/veranstaltungen/selection';
import type { Landkreis } from '../../machines/shared/organisation';
import { accessLinkResendDue, attendanceOpen, defaultRetentionDays, type MessageAudience } from '../../machines/veranstaltungen/followup';
import type { Database, EventRegistrationRow, EventRow } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;
type Tx = Transaction<Database>;

/*
 * Seats and the waitlist under concurrent writers (ADR 0050). Every change that takes or frees a
 * seat runs in one transaction that
 *   1. locks the event row first (a no-op UPDATE: a row lock on PostgreSQL, the write lock on SQLite),
 *   2. changes a registration only with its old status in the WHERE clause (0 rows = someone else
 *      was faster; nothing happens twice),
 *   3. changes `events.seats_taken` only by a guarded increment (`seats_taken < capacity`) or a
 *      transfer to the next person on the waitlist.
 * Unique indexes back this up: (event_id, email) and (event_id, waitlist_position).
 */

export interface EventValues {
  title: string;
  description: string;
  topic: EventTopic;
  audience: string;
  format: EventFormat;
  venue: string | null;
  address: string | null;
  landkreis: Landkreis | null;
  onlineLink: string | null;
  technicalRequirements: string;
  organiser: string;
  language: string;
  venueAccessibility: string;
  capacity: number;
  yellowBelowPercent: number;
  startsAt: string;
  endsAt: string;
  registrationClosesAt: string;
  /** First come, first served, or a selection among applications (issue 18 Nr. 9). */
  admission: AdmissionMode;
}

const columns = (v: EventValues) => ({
  title: v.title,
  description: v.description,
  topic: v.topic,
  audience: v.audience,
  format: v.format,
  venue: v.venue,
  address: v.address,
  landkreis: v.landkreis,
  online_link: v.onlineLink,
  technical_requirements: v.technicalRequirements,
  organiser: v.organiser,
  language: v.language,
  venue_accessibility: v.venueAccessibility,
  yellow_below_percent: v.yellowBelowPercent,
  starts_at: v.startsAt,
  ends_at: v.endsAt,
  registration_closes_at: v.registrationClosesAt,
  admission: v.admission,
});

export async function createEvent(db: Executor, values: EventValues, createdBy: number | null, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto('events')
    .values({ ...columns(values), capacity: values.capacity, status: 'published', created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findEvent(db: Executor, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes the event's row lock for the rest of the transaction; false when the event does not exist. */
async function lockEvent(trx: Tx, eventId: number): Promise<boolean> {
  const result = await trx
    .updateTable('events')
    .set((eb) => ({ seats_taken: eb.ref('seats_taken') }))
    .where('id', '=', eventId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Takes one free seat of a published event by a guarded increment; false when none is free. */
async function takeSeat(trx: Tx, eventId: number): Promise<boolean> {
  const seat = await trx
    .updateTable('events')
    .set((eb) => ({ seats_taken: eb('seats_taken', '+', 1) }))
    .where('id', '=', eventId)
    .where('status', '=', 'published')
    .where((eb) => eb('seats_taken', '<', eb.ref('capacity')))
    .executeTakeFirst();
  return Number(seat.numUpdatedRows) === 1;
}

/** The next waitlist position of an event (a counter on the event row, so positions are never reused). */
async function nextWaitlistPosition(trx: Tx, eventId: number): Promise<number> {
  const row = await trx
    .updateTable('events')
    .set((eb) => ({ waitlist_last: eb('waitlist_last', '+', 1) }))
    .where('id', '=', eventId)
    .returning('waitlist_last')
    .executeTakeFirstOrThrow();
  return row.waitlist_last;
}

export interface SeatCounts {
  confirmed: number;
  /** Holds and offers whose deadline has not passed. */
  held: number;
  waitlisted: number;
  /** Applications not decided yet (events with selection). */
  applied: number;
}

/** Seats per event as the light shows them at `now` (a hold past its deadline no longer counts). */
export async function seatCountsFor(db: Executor, eventIds: number[], now = new Date()): Promise<Map<number, SeatCounts>> {
  const counts = new Map<number, SeatCounts>(eventIds.map((id) => [id, { confirmed: 0, held: 0, waitlisted: 0, applied: 0 }]));
  if (eventIds.length === 0) return counts;
  const at = now.toISOString();
  const rows = await db
    .selectFrom('event_registrations')
    .select((eb) => ['event_id', 'status', eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['confirmed', 'waitlisted', 'applied']),
        eb.and([eb('status', 'in', [...pendingStatuses]), eb('pending_until', '>', at)]),
      ]),
    )
    .groupBy(['event_id', 'status'])
    .execute();
  for (const row of rows) {
    const c = counts.get(row.event_id)!;
    const n = Number(row.n);
    if (row.status === 'confirmed') c.confirmed += n;
    else if (row.status === 'waitlisted') c.waitlisted += n;
    else if (row.status === 'applied') c.applied += n;
    else c.held += n;
  }
  return counts;
}

export interface EventFilter {
  month?: string;
  topic?: EventTopic;
  landkreis?: Landkreis;
  format?: EventFormat;
  /** Past events (the archive) instead of upcoming ones. */
  archive: boolean;
}

/**
 * Upcoming events (soonest first) or the archive (latest first). The month filter is applied by
 * the caller on the Berlin month, which a UTC prefix cannot express at the month's edges.
 */
export async function listEvents(db: Executor, filter: EventFilter, now = new Date()): Promise<EventRow[]> {
  const at = now.toISOString();
  let query = db.selectFrom('events').selectAll();
  query = filter.archive
    ? query.where('ends_at', '<=', at).orderBy('starts_at', 'desc')
    : query.where('ends_at', '>', at).orderBy('starts_at', 'asc');
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.landkreis) query = query.where('landkreis', '=', filter.landkreis);
  if (filter.format) query = query.where('format', '=', filter.format);
  return query.orderBy('id').limit(500).execute();
}

/** Every event for the organisers' overview, newest start first. */
export async function listAllEvents(db: Executor): Promise<EventRow[]> {
  return db.selectFrom('events').selectAll().orderBy('starts_at', 'desc').orderBy('id').execute();
}

export type RegisterResult =
  | { kind: 'registered'; registration: EventRegistrationRow; promoted: EventRegistrationRow[] }
  | { kind: 'duplicate'; registration: EventRegistrationRow }
  | { kind: 'closed'; event: EventRow }
  | { kind: 'missing' };

export interface RegistrationValues {
  name: string;
  email: string;
  organisation: string;
  accessibilityNeeds: string;
  dietaryNeeds: string;
  userId: number | null;
  /** An applicant's motivation (events with selection). */
  motivation?: string;
}

const newToken = () => randomBytes(24).toString('base64url');

/**
 * Registers a person: a held seat if one is free, else the next waitlist position. Must run in a
 * transaction (the caller opens it and checks beforehand that registration is open). A person
 * whose earlier registration expired or was cancelled registers again in the same row.
 */
export async function register(trx: Tx, eventId: number, values: RegistrationValues, now = new Date()): Promise<RegisterResult> {
  if (!(await lockEvent(trx, eventId))) return { kind: 'missing' };
  // Checked again under the lock: the organiser may have cancelled a moment ago.
  const event = (await findEvent(trx, eventId))!;
  if (
    registrationClosedReason(
      { status: event.status, startsAt: event.starts_at, registrationClosesAt: event.registration_closes_at },
      now.toISOString(),
    )
  )
    return { kind: 'closed', event };
  const promoted = await expireDue(trx, eventId, now);
  const existing = await trx
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('email', '=', values.email)
    .executeTakeFirst();
  if (existing && (activeStatuses as readonly string[]).includes(existing.status)) return { kind: 'duplicate', registration: existing };

  const at = now.toISOString();
  // An application takes no seat: the organisers give the seats when they complete the selection.
  const selection = event.admission === 'auswahl';
  const state = startRegistration({ seatAvailable: !selection && (await takeSeat(trx, eventId)), at, selection });
  const position = state.status === 'waitlisted' ? await nextWaitlistPosition(trx, eventId) : null;
  const fields = {
    name: values.name,
    organisation: values.organisation,
    accessibility_needs: values.accessibilityNeeds,
    dietary_needs: values.dietaryNeeds,
    motivation: selection ? (values.motivation ?? '') : '',
    selection: null,
    user_id: values.userId,
    status: state.status,
    pending_until: state.pendingUntil,
    waitlist_position: position,
    token: newToken(),
    updated_at: at,
    confirmed_at: null,
    cancelled_at: null,
  };
  const registration = existing
    ? await trx
        .updateTable('event_registrations')
        .set(fields)
        .where('id', '=', existing.id)
        .where('status', '=', existing.status)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('event_registrations')
        .values({ ...fields, event_id: eventId, email: values.email, created_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
  return { kind: 'registered', registration, promoted };
}

export async function findRegistrationByToken(db: Executor, token: string): Promise<EventRegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('token', '=', token).executeTakeFirst();
}

/** The place in the queue as the person sees it: 1 + those waiting before them. */
export async function waitlistRank(db: Executor, registration: EventRegistrationRow): Promise<number | null> {
  if (registration.status !== 'waitlisted' || registration.waitlist_position === null) return null;
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', registration.event_id)
    .where('status', '=', 'waitlisted')
    .where('waitlist_position', '<', registration.waitlist_position)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

/**
 * Applies one event of the registration chart, guarded by the old status. Returns the new row, or
 * undefined when the chart refuses it or another request changed the row first. A freed seat goes
 * to the first on the waitlist (then returned in `promoted`), otherwise back to the event.
 */
async function apply(
  trx: Tx,
  row: EventRegistrationRow,
  event: RegistrationEvent,
  startsAt: string,
): Promise<{ row: EventRegistrationRow; promoted: EventRegistrationRow[] } | undefined> {
  const next = nextRegistration({ status: row.status, pendingUntil: row.pending_until }, event);
  if (!next) return undefined;
  const updated = await trx
    .updateTable('event_registrations')
    .set({
      status: next.status,
      pending_until: next.pendingUntil,
      updated_at: event.at,
      ...(next.status === 'confirmed' ? { confirmed_at: event.at } : {}),
      ...(next.status === 'cancelled' ? { cancelled_at: event.at } : {}),
    })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .returningAll()
    .executeTakeFirst();
  if (!updated) return undefined;
  const promoted: EventRegistrationRow[] = [];
  if (releasesSeat(row.status, next.status)) {
    const taker = await promoteNext(trx, row.event_id, event.at, startsAt);
    if (taker) promoted.push(taker);
    else {
      await trx
        .updateTable('events')
        .set((eb) => ({ seats_taken: eb('seats_taken', '-', 1) }))
        .where('id', '=', row.event_id)
        .where('seats_taken', '>', 0)
        .execute();
    }
  }
  return { row: updated, promoted };
}

/** Offers a freed seat to the first on the waitlist (guarded: exactly once per person). */
async function promoteNext(trx: Tx, eventId: number, at: string, startsAt: string): Promise<EventRegistrationRow | undefined> {
  // Never to a cancelled event; a seat freed there simply goes back.
  const event = await trx.selectFrom('events').select('status').where('id', '=', eventId).executeTakeFirst();
  if (event?.status !== 'published' || Date.parse(at) >= Date.parse(startsAt)) return undefined;
  for (;;) {
    const first = await trx
      .selectFrom('event_registrations')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('status', '=', 'waitlisted')
      .orderBy('waitlist_position')
      .limit(1)
      .executeTakeFirst();
    if (!first) return undefined;
    const next = nextRegistration(
      { status: first.status, pendingUntil: first.pending_until },
      { type: 'registration.promote', at, startsAt },
    )!;
    const taken = await trx
      .updateTable('event_registrations')
      .set({ status: next.status, pending_until: next.pendingUntil, updated_at: at })
      .where('id', '=', first.id)
      .where('status', '=', 'waitlisted')
      .returningAll()
      .executeTakeFirst();
    if (taken) return taken;
  }
}

/**
 * Expires the holds and offers of an event whose deadline has passed; each freed seat goes to the
 * next on the waitlist. Returns the people promoted (to be told). Call inside a transaction that
 * holds the event's lock.
 */
async function expireDue(trx: Tx, eventId: number, now: Date): Promise<EventRegistrationRow[]> {
  const at = now.toISOString();
  const event = await trx.selectFrom('events').select('starts_at').where('id', '=', eventId).executeTakeFirstOrThrow();
  const promoted: EventRegistrationRow[] = [];
  // Offers made during this run can expire only later; one pass is enough.
  const due = await trx
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', 'in', [...pendingStatuses])
    .where('pending_until', '<=', at)
    .orderBy('pending_until')
    .execute();
  for (const row of due) {
    const result = await apply(trx, row, { type: 'registration.expire', at }, event.starts_at);
    if (result) promoted.push(...result.promoted);
  }
  return promoted;
}

/**
 * Housekeeping: expires due holds and offers of every event, each event in its own transaction;
 * `onPromoted` runs inside that transaction (the e-mails to the people promoted).
 */
export async function expireAllDue(
  db: Kysely<Database>,
  now = new Date(),
  onPromoted: (trx: Tx, promoted: EventRegistrationRow[]) => Promise<void> = async () => {},
): Promise<{ eventId: number; promoted: EventRegistrationRow[] }[]> {
  const at = now.toISOString();
  const events = await db
    .selectFrom('event_registrations')
    .select('event_id')
    .distinct()
    .where('status', 'in', [...pendingStatuses])
    .where('pending_until', '<=', at)
    .execute();
  const out: { eventId: number; promoted: EventRegistrationRow[] }[] = [];
  for (const { event_id } of events) {
    const promoted = await db.transaction().execute(async (trx) => {
      await lockEvent(trx, event_id);
      const taken = await expireDue(trx, event_id, now);
      await onPromoted(trx, taken);
      return taken;
    });
    out.push({ eventId: event_id, promoted });
  }
  return out;
}

export type ChangeResult =
  | { kind: 'changed'; row: EventRegistrationRow; promoted: EventRegistrationRow[] }
  | { kind: 'refused'; row: EventRegistrationRow }
  | { kind: 'missing' };

/** Confirms (double opt-in) or cancels by the personal link, in the caller's transaction. */
export async function changeRegistration(
  trx: Tx,
  token: string,
  type: 'registration.confirm' | 'registration.cancel',
  now = new Date(),
): Promise<ChangeResult> {
  const found = await findRegistrationByToken(trx, token);
  if (!found) return { kind: 'missing' };
  await lockEvent(trx, found.event_id);
  const promoted = await expireDue(trx, found.event_id, now);
  const row = (await findRegistrationByToken(trx, token))!;
  const event = await trx.selectFrom('events').select('starts_at').where('id', '=', row.event_id).executeTakeFirstOrThrow();
  const result = await apply(trx, row, { type, at: now.toISOString() }, event.starts_at);
  if (!result) return { kind: 'refused', row };
  return { kind: 'changed', row: result.row, promoted: [...promoted, ...result.promoted] };
}

export type UpdateEventResult =
  | { kind: 'updated'; promoted: EventRegistrationRow[] }
  | { kind: 'capacity'; seatsTaken: number }
  /** The way seats are given cannot change once someone registered or applied. */
  | { kind: 'admission' }
  | { kind: 'missing' };

/**
 * Changes an event. The capacity may not fall below the seats taken (checked under the lock); a
 * larger capacity offers the new seats to the waitlist at once.
 */
export async function updateEvent(trx: Tx, id: number, values: EventValues, now = new Date()): Promise<UpdateEventResult> {
  if (!(await lockEvent(trx, id))) return { kind: 'missing' };
  const before = (await findEvent(trx, id))!;
  if (before.admission !== values.admission) {
    const anyone = await trx.selectFrom('event_registrations').select('id').where('event_id', '=', id).limit(1).executeTakeFirst();
    if (anyone) return { kind: 'admission' };
  }
  const promoted = await expireDue(trx, id, now);
  const at = now.toISOString();
  const changed = await trx
    .updateTable('events')
    .set({ ...columns(values), capacity: values.capacity, updated_at: at })
    .where('id', '=', id)
    .where('seats_taken', '<=', values.capacity)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) {
    const row = await findEvent(trx, id);
    return { kind: 'capacity', seatsTaken: row?.seats_taken ?? 0 };
  }
  for (;;) {
    if (!(await takeSeat(trx, id))) break;
    const taker = await promoteNext(trx, id, at, values.startsAt);
    if (!taker) {
      await trx
        .updateTable('events')
        .set((eb) => ({ seats_taken: eb('seats_taken', '-', 1) }))
        .where('id', '=', id)
        .execute();
      break;
    }
    promoted.push(taker);
  }
  return { kind: 'updated', promoted };
}

export type CancelOutcome = { kind: 'cancelled'; told: EventRegistrationRow[] } | { kind: 'already' } | { kind: 'missing' };

/**
 * Cancels an event and every open registration; 'cancelled' carries those to be told. Under the event's
 * lock, so of two organisers cancelling at once exactly one does it and the other gets 'already'.
 */
export async function cancelEvent(trx: Tx, id: number, reason: string, now = new Date()): Promise<CancelOutcome> {
  if (!(await lockEvent(trx, id))) return { kind: 'missing' };
  const at = now.toISOString();
  const done = await trx
    .updateTable('events')
    .set({ status: 'cancelled', cancel_reason: reason, cancelled_at: at, updated_at: at, seats_taken: 0 })
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return { kind: 'already' };
  const told = await trx
    .updateTable('event_registrations')
    .set({ status: 'cancelled', pending_until: null, cancelled_at: at, updated_at: at })
    .where('event_id', '=', id)
    .where('status', 'in', [...activeStatuses])
    .returningAll()
    .execute();
  return { kind: 'cancelled', told };
}

// ---- events with selection (issue 18 Nr. 9, ADR 0062) ---------------------------------------

/** The applications of an event with selection in the order they came in (the reserve list's order). */
export async function applicationsOf(db: Executor, eventId: number): Promise<EventRegistrationRow[]> {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('id').execute();
}

/** `done`: the selection was completed already, nothing changes any more. */
export type SaveSelectionResult = { kind: 'saved'; changed: number } | { kind: 'done' } | { kind: 'missing' };

/**
 * Stores the organisers' decisions before completion (a preliminary selection two organisers can
 * share). Only open applications of this event change; unknown ids are ignored.
 */
export async function saveSelectionDecisions(
  trx: Tx,
  eventId: number,
  decisions: Array<{ id: number; decision: SelectionDecision | null }>,
  now = new Date(),
): Promise<SaveSelectionResult> {
  if (!(await lockEvent(trx, eventId))) return { kind: 'missing' };
  const event = (await findEvent(trx, eventId))!;
  if (event.admission !== 'auswahl') return { kind: 'missing' };
  if (event.selection_completed_at) return { kind: 'done' };
  let changed = 0;
  for (const { id, decision } of decisions) {
    const result = await trx
      .updateTable('event_registrations')
      .set({ selection: decision, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('event_id', '=', eventId)
      .where('status', '=', 'applied')
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return { kind: 'saved', changed };
}

export type CompleteSelectionResult =
  | { kind: 'completed'; selected: EventRegistrationRow[]; reserve: EventRegistrationRow[]; declined: EventRegistrationRow[] }
  | { kind: 'refused'; message: string }
  | { kind: 'already' }
  | { kind: 'missing' };

/**
 * Completes the selection, exactly once (the guarded UPDATE of `selection_completed_at`): selected
 * applicants get a seat to confirm by a deadline, the reserve list gets waitlist positions in the
 * order of application, the others are declined. Refused before the application deadline, while an
 * application is undecided, with more selected than seats, or with a reserve list while seats are free.
 */
export async function completeSelection(trx: Tx, eventId: number, now = new Date()): Promise<CompleteSelectionResult> {
  if (!(await lockEvent(trx, eventId))) return { kind: 'missing' };
  const event = (await findEvent(trx, eventId))!;
  if (event.admission !== 'auswahl') return { kind: 'missing' };
  if (event.selection_completed_at) return { kind: 'already' };
  const at = now.toISOString();
  if (event.status !== 'published')
    return { kind: 'refused', message: 'Die Veranstaltung ist abgesagt; eine Auswahl ist nicht mehr nötig.' };
  if (Date.parse(at) >= Date.parse(event.starts_at))
    return { kind: 'refused', message: 'Die Veranstaltung hat bereits begonnen; eine Auswahl ist nicht mehr möglich.' };
  const early = selectionEarly(event.registration_closes_at, at);
  if (early) return { kind: 'refused', message: early };
  const open = await trx
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'applied')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const problem = selectionProblem(countDecisions(open.map((r) => r.selection)), event.capacity - event.seats_taken);
  if (problem) return { kind: 'refused', message: problem };
  const done = await trx
    .updateTable('events')
    .set({ selection_completed_at: at, updated_at: at })
    .where('id', '=', eventId)
    .where('selection_completed_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return { kind: 'already' };
  const out = { selected: [] as EventRegistrationRow[], reserve: [] as EventRegistrationRow[], declined: [] as EventRegistrationRow[] };
  for (const row of open) {
    const type =
      row.selection === 'ausgewaehlt'
        ? ({ type: 'registration.select', at, startsAt: event.starts_at } as const)
        : row.selection === 'nachrueckliste'
          ? ({ type: 'registration.reserve', at } as const)
          : ({ type: 'registration.decline', at } as const);
    const next = nextRegistration({ status: row.status, pendingUntil: row.pending_until }, type)!;
    const position = next.status === 'waitlisted' ? await nextWaitlistPosition(trx, eventId) : null;
    if (next.status === 'selected')
      await trx
        .updateTable('events')
        .set((eb) => ({ seats_taken: eb('seats_taken', '+', 1) }))
        .where('id', '=', eventId)
        .execute();
    const updated = await trx
      .updateTable('event_registrations')
      .set({ status: next.status, pending_until: next.pendingUntil, waitlist_position: position, updated_at: at })
      .where('id', '=', row.id)
      .where('status', '=', 'applied')
      .returningAll()
      .executeTakeFirstOrThrow();
    (next.status === 'selected' ? out.selected : next.status === 'waitlisted' ? out.reserve : out.declined).push(updated);
  }
  return { kind: 'completed', ...out };
}

/** Everyone registered for an event, for the organisers: seats first, then the waitlist in order. */
export async function participants(db: Executor, eventId: number): Promise<EventRegistrationRow[]> {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy((eb) =>
      eb
        .case()
        .when('status', 'in', [...seatStatuses])
        .then(0)
        .when('status', '=', 'waitlisted')
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('waitlist_position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A second registration with the same e-mail raced this one (the unique index refused it). */
export { isUniqueViolation } from '../dialect';

/** Participants' personal data is deleted this many days after the event's end (issue 18 Nr. 7). */
export const REGISTRATION_RETENTION_DAYS = defaultRetentionDays;

export interface EventStatistics {
  registered: number;
  confirmed: number;
  attended: number;
  waitlisted: number;
}

/** The anonymous counts of an event: from the registrations while they exist, afterwards from what was kept. */
export async function eventStatistics(db: Executor, event: EventRow): Promise<EventStatistics> {
  if (event.personal_data_deleted_at)
    return {
      registered: event.stat_registered ?? 0,
      confirmed: event.stat_confirmed ?? 0,
      attended: event.stat_attended ?? 0,
      waitlisted: event.stat_waitlisted ?? 0,
    };
  const rows = await db
    .selectFrom('event_registrations')
    .select(['status', 'attendance', 'waitlist_position', 'confirmed_at'])
    .where('event_id', '=', event.id)
    .execute();
  return {
    registered: rows.length,
    // Confirmed at some point (a later cancellation does not undo that they had a seat).
    confirmed: rows.filter((r) => r.confirmed_at !== null).length,
    attended: rows.filter((r) => r.attendance === 'present').length,
    // Ever on the waitlist (the position stays when someone is promoted).
    waitlisted: rows.filter((r) => r.waitlist_position !== null).length,
  };
}

/**
 * Deletes the personal data of the participants of every event that ended more than `days` ago,
 * keeping only anonymous counts on the event. One transaction per event; an event already done is
 * skipped (its `personal_data_deleted_at` is the guard), so two instances at once delete and count once.
 * Returns the number of registrations deleted.
 */
export async function deleteOldRegistrations(db: Kysely<Database>, now = new Date(), days = REGISTRATION_RETENTION_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const due = await db
    .selectFrom('events')
    .select('id')
    .where('ends_at', '<', before)
    .where('personal_data_deleted_at', 'is', null)
    .execute();
  let deleted = 0;
  for (const { id } of due) {
    deleted += await db.transaction().execute(async (trx) => {
      if (!(await lockEvent(trx, id))) return 0;
      const event = await trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      if (event.personal_data_deleted_at) return 0;
      const stats = await eventStatistics(trx, event);
      await trx
        .updateTable('events')
        .set({
          personal_data_deleted_at: now.toISOString(),
          stat_registered: stats.registered,
          stat_confirmed: stats.confirmed,
          stat_attended: stats.attended,
          stat_waitlisted: stats.waitlisted,
        })
        .where('id', '=', id)
        .where('personal_data_deleted_at', 'is', null)
        .execute();
      const result = await trx.deleteFrom('event_registrations').where('event_id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }
  return deleted;
}

/** Who gets a message of the organisers: confirmed participants, optionally also the waitlist (issue 18 Nr. 5). */
export async function messageRecipients(db: Executor, eventId: number, audience: MessageAudience): Promise<EventRegistrationRow[]> {
  const statuses: RegistrationStatus[] = audience === 'confirmedAndWaitlist' ? ['confirmed', 'waitlisted'] : ['confirmed'];
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', 'in', statuses)
    .orderBy('id')
    .execute();
}

export type AttendanceResult = { kind: 'saved'; present: number; absent: number } | { kind: 'early' } | { kind: 'missing' };

/**
 * Marks attendance of the confirmed participants: those in `presentIds` were there, the others not.
 * Only once the event has begun; ids of other events or other statuses are ignored.
 */
export async function recordAttendance(trx: Tx, eventId: number, presentIds: number[], now = new Date()): Promise<AttendanceResult> {
  const event = await trx
    .selectFrom('events')
    .select(['starts_at', 'personal_data_deleted_at'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!event || event.personal_data_deleted_at) return { kind: 'missing' };
  if (!attendanceOpen(event.starts_at, now)) return { kind: 'early' };
  const at = now.toISOString();
  const present = presentIds.length
    ? await trx
        .updateTable('event_registrations')
        .set({ attendance: 'present', updated_at: at })
        .where('event_id', '=', eventId)
        .where('status', '=', 'confirmed')
        .where('id', 'in', presentIds)
        .executeTakeFirst()
    : { numUpdatedRows: 0n };
  let absentQuery = trx
    .updateTable('event_registrations')
    .set({ attendance: 'absent', updated_at: at })
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed');
  if (presentIds.length) absentQuery = absentQuery.where('id', 'not in', presentIds);
  const absent = await absentQuery.executeTakeFirst();
  return { kind: 'saved', present: Number(present.numUpdatedRows), absent: Number(absent.numUpdatedRows) };
}

/**
 * Sends the access link of online events again on the morning of the event to each confirmed
 * participant, exactly once: each send is claimed by a guarded UPDATE (`access_link_sent_at IS NULL`)
 * in the same transaction as the e-mail, so two instances running this at once send once (issue 18 Nr. 8).
 * Returns how many were sent.
 */
export async function resendAccessLinks(
  db: Kysely<Database>,
  now: Date,
  send: (trx: Tx, event: EventRow, registration: EventRegistrationRow) => Promise<void>,
): Promise<number> {
  const at = now.toISOString();
  const events = await db
    .selectFrom('events')
    .selectAll()
    .where('format', '=', 'online')
    .where('status', '=', 'published')
    .where('online_link', 'is not', null)
    .where('starts_at', '>', at)
    .where('starts_at', '<', new Date(now.getTime() + 86_400_000).toISOString())
    .execute();
  let sent = 0;
  for (const event of events) {
    const candidates = await db
      .selectFrom('event_registrations')
      .select(['id', 'confirmed_at'])
      .where('event_id', '=', event.id)
      .where('status', '=', 'confirmed')
      .where('access_link_sent_at', 'is', null)
      .execute();
    for (const c of candidates) {
      if (!accessLinkResendDue(now, event.starts_at, c.confirmed_at)) continue;
      sent += await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('event_registrations')
          .set({ access_link_sent_at: at })
          .where('id', '=', c.id)
          .where('status', '=', 'confirmed')
          .where('access_link_sent_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!claimed) return 0;
        await send(trx, event, claimed);
        return 1;
      });
    }
  }
  return sent;
}
