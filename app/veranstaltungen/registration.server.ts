import {
  type ChangeResult,
  changeRegistration,
  type EventFilter,
  findEvent,
  findRegistrationByToken,
  isUniqueViolation,
  listEvents,
  type RegisterResult,
  type RegistrationValues,
  register,
  waitlistRank,
} from '../../db/repositories/events';
import type { EventRegistrationRow, EventRow } from '../../db/schema';
import { getDb } from '../db.server';
import { tellConfirmed, tellPromoted, tellRegistered } from './veranstaltungen.server';

/**
 * The public side of the events (issue 18 Nr. 1–3, 9): the calendar, one event, registering without an
 * account (double opt-in, waitlist, or an application for a selection) and the personal page behind the
 * e-mail link. A registration and the e-mails it causes are written in one transaction.
 */

export type { EventRegistrationRow, EventRow };

/** An event by the id in the URL; undefined for a malformed or unknown id. */
export async function eventById(idParam: string | undefined): Promise<EventRow | undefined> {
  return idParam && /^\d{1,9}$/.test(idParam) ? findEvent(await getDb(), Number(idParam)) : undefined;
}

/** The calendar's events (upcoming or the archive) for the filters given. */
export async function calendarEvents(filter: EventFilter, now: Date): Promise<EventRow[]> {
  return listEvents(await getDb(), filter, now);
}

/** Registers (or applies) for an event; a second registration of the same address is a `duplicate`. */
export async function registerForEvent(
  event: EventRow,
  values: RegistrationValues,
): Promise<
  | Exclude<RegisterResult, { kind: 'registered' }>
  | { kind: 'duplicate' }
  | (Extract<RegisterResult, { kind: 'registered' }> & { position: number | null })
> {
  const db = await getDb();
  try {
    return await db.transaction().execute(async (trx) => {
      const outcome = await register(trx, event.id, values);
      if (outcome.kind === 'registered') {
        await tellPromoted(trx, outcome.promoted);
        await tellRegistered(trx, event, outcome.registration);
        const position = outcome.registration.status === 'waitlisted' ? await waitlistRank(trx, outcome.registration) : null;
        return { ...outcome, position };
      }
      return outcome;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'duplicate' };
    throw error;
  }
}

/** The registration behind a personal link with its event and waitlist position; undefined for an unknown token. */
export async function registrationByToken(
  token: string | undefined,
): Promise<{ registration: EventRegistrationRow; event: EventRow; position: number | null } | undefined> {
  const db = await getDb();
  const registration = token && /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await findRegistrationByToken(db, token) : undefined;
  if (!registration) return undefined;
  const event = (await findEvent(db, registration.event_id))!;
  return { registration, event, position: await waitlistRank(db, registration) };
}

/** Confirms or cancels a registration; whoever moves up from the waitlist and a confirmed participant are told by e-mail. */
export async function changeRegistrationByToken(
  event: EventRow,
  token: string,
  type: 'registration.confirm' | 'registration.cancel',
): Promise<ChangeResult> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const outcome = await changeRegistration(trx, token, type);
    if (outcome.kind === 'changed') {
      await tellPromoted(trx, outcome.promoted);
      if (outcome.row.status === 'confirmed') await tellConfirmed(trx, event, outcome.row);
    }
    return outcome;
  });
}
