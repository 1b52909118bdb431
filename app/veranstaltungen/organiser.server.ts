import { recordAudit } from '../../db/repositories/audit';
import {
  type AttendanceResult,
  applicationsOf,
  type CancelOutcome,
  type CompleteSelectionResult,
  cancelEvent,
  completeSelection,
  createEvent,
  type EventStatistics,
  type EventValues,
  eventStatistics,
  listAllEvents,
  messageRecipients,
  participants,
  recordAttendance,
  type SaveSelectionResult,
  saveSelectionDecisions,
  type UpdateEventResult,
  updateEvent,
} from '../../db/repositories/events';
import type { EventRegistrationRow, EventRow } from '../../db/schema';
import type { MessageAudience } from '../../machines/veranstaltungen/followup';
import type { SelectionDecision } from '../../machines/veranstaltungen/selection';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { tellEventCancelled, tellMessage, tellPromoted, tellSelectionOutcome } from './veranstaltungen.server';

/**
 * The organisers' use cases (EBBS advisors, ministry staff; issue 18 Nr. 5, 8, 9): the overview, one
 * event with its participants, creating, changing and cancelling it, messages, attendance and the
 * selection among applications. Every write, the e-mails it causes and its audit entry share one
 * transaction.
 */

export type { EventRegistrationRow, EventRow, EventStatistics, EventValues };

/** Every event, newest start first. */
export async function allEvents(): Promise<EventRow[]> {
  return listAllEvents(await getDb());
}

/** The registrations of an event, seats first, then the waitlist in order. */
export async function participantsOf(eventId: number): Promise<EventRegistrationRow[]> {
  return participants(await getDb(), eventId);
}

/** The participants and the figures of an event (the organisers' page). */
export async function eventOverview(event: EventRow): Promise<{ people: EventRegistrationRow[]; statistics: EventStatistics }> {
  const db = await getDb();
  return { people: await participants(db, event.id), statistics: await eventStatistics(db, event) };
}

/** Every application of an event with selection, in the order they came in. */
export async function applicationsFor(eventId: number): Promise<EventRegistrationRow[]> {
  return applicationsOf(await getDb(), eventId);
}

/** A new event; returns its id. */
export async function createEventAsOrganiser(user: CurrentUser, values: EventValues): Promise<number> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const created = await createEvent(trx, values, user.id);
    await recordAudit(trx, { actorUserId: user.id, action: 'events.event.created', subjectType: 'event', subjectId: created });
    return created;
  });
}

/** Changes an event; seats that become free are offered to the waitlist at once (and those promoted are told). */
export async function updateEventAsOrganiser(user: CurrentUser, event: EventRow, values: EventValues): Promise<UpdateEventResult> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const result = await updateEvent(trx, event.id, values);
    if (result.kind === 'updated') {
      await tellPromoted(trx, result.promoted);
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'events.event.updated',
        subjectType: 'event',
        subjectId: event.id,
        details: { promoted: result.promoted.length },
      });
    }
    return result;
  });
}

/** Cancels an event; everyone registered is told by e-mail with the reason. */
export async function cancelEventAsOrganiser(user: CurrentUser, event: EventRow, reason: string): Promise<CancelOutcome> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const result = await cancelEvent(trx, event.id, reason);
    if (result.kind !== 'cancelled') return result;
    await tellEventCancelled(trx, event, result.told, reason);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'events.event.cancelled',
      subjectType: 'event',
      subjectId: event.id,
      details: { notified: result.told.length },
    });
    return result;
  });
}

/** Sends the organisers' message to the audience chosen; returns the number of recipients. */
export async function messageParticipants(
  user: CurrentUser,
  event: EventRow,
  message: { subject: string; body: string; audience: MessageAudience },
): Promise<number> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const recipients = await messageRecipients(trx, event.id, message.audience);
    await tellMessage(trx, event, recipients, message);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'events.event.messaged',
      subjectType: 'event',
      subjectId: event.id,
      details: { recipients: recipients.length, audience: message.audience },
    });
    return recipients.length;
  });
}

/** Records who was there (the confirmed participants in `present`, the others absent). */
export async function recordAttendanceAsOrganiser(user: CurrentUser, event: EventRow, present: number[]): Promise<AttendanceResult> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const result = await recordAttendance(trx, event.id, present);
    if (result.kind === 'saved')
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'events.event.attendance',
        subjectType: 'event',
        subjectId: event.id,
        details: { present: result.present, absent: result.absent },
      });
    return result;
  });
}

/**
 * Saves the decisions on applications and, for `complete`, completes the selection (everyone is told by
 * e-mail). The decisions just posted are kept even when completing is refused (committed with the refusal).
 */
export async function decideSelection(
  user: CurrentUser,
  event: EventRow,
  decisions: Array<{ id: number; decision: SelectionDecision | null }>,
  intent: 'save' | 'complete',
): Promise<SaveSelectionResult | CompleteSelectionResult> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const saved = await saveSelectionDecisions(trx, event.id, decisions);
    if (saved.kind !== 'saved' || intent === 'save') return saved;
    const done = await completeSelection(trx, event.id);
    if (done.kind === 'completed') {
      await tellSelectionOutcome(trx, event, done);
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'events.selection.completed',
        subjectType: 'event',
        subjectId: event.id,
        details: { selected: done.selected.length, reserve: done.reserve.length, declined: done.declined.length },
      });
    }
    return done;
  });
}
