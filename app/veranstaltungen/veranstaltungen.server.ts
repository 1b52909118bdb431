import type { Transaction } from 'kysely';
import { queueEmail } from '../../db/repositories/outbox';
import type { Database, EventRegistrationRow, EventRow } from '../../db/schema';
import { seatCountsFor, waitlistRank } from '../../db/repositories/events';
import { seatLight, type SeatLevel } from '../../machines/veranstaltungen/seats';
import { selectionLight, selectionPhase, type SelectionPhase } from '../../machines/veranstaltungen/selection';
import { config } from '../config.server';
import { getDb } from '../db.server';
import {
  accessLinkMail,
  applicationMail,
  confirmedMail,
  declinedMail,
  reserveMail,
  selectedMail,
  eventCancelledMail,
  holdMail,
  organiserMessageMail,
  promotedMail,
  waitlistMail,
  type MailEvent,
} from './mails';

export const mailEvent = (event: EventRow): MailEvent => ({
  title: event.title,
  startsAt: event.starts_at,
  endsAt: event.ends_at,
  format: event.format,
  venue: event.venue,
  address: event.address,
  onlineLink: event.online_link,
  technicalRequirements: event.technical_requirements,
});

type Tx = Transaction<Database>;

const send = (trx: Tx, r: EventRegistrationRow, mail: { subject: string; body: string }) =>
  queueEmail(trx, { toUserId: r.user_id, toAddress: r.email, ...mail });

/** The e-mail for a new registration: the opt-in link for a held seat, the waitlist position, or the application's receipt. */
export async function tellRegistered(trx: Tx, event: EventRow, r: EventRegistrationRow) {
  if (r.status === 'applied')
    await send(
      trx,
      r,
      applicationMail({ event: mailEvent(event), name: r.name, token: r.token, closesAt: event.registration_closes_at }, config.publicUrl),
    );
  else if (r.status === 'held')
    await send(trx, r, holdMail({ event: mailEvent(event), name: r.name, token: r.token, until: r.pending_until! }, config.publicUrl));
  else
    await send(
      trx,
      r,
      waitlistMail(
        { event: mailEvent(event), name: r.name, token: r.token, position: (await waitlistRank(trx, r)) ?? 0 },
        config.publicUrl,
      ),
    );
}

/** Tells everyone promoted from the waitlist, in the same transaction as the promotion. */
export async function tellPromoted(trx: Tx, promoted: EventRegistrationRow[]) {
  for (const r of promoted) {
    const event = await trx.selectFrom('events').selectAll().where('id', '=', r.event_id).executeTakeFirstOrThrow();
    await send(trx, r, promotedMail({ event: mailEvent(event), name: r.name, token: r.token, until: r.pending_until! }, config.publicUrl));
  }
}

export async function tellConfirmed(trx: Tx, event: EventRow, r: EventRegistrationRow) {
  await send(trx, r, confirmedMail({ event: mailEvent(event), name: r.name, token: r.token }, config.publicUrl));
}

export async function tellEventCancelled(trx: Tx, event: EventRow, registrations: EventRegistrationRow[], reason: string) {
  for (const r of registrations) await send(trx, r, eventCancelledMail({ event: mailEvent(event), name: r.name, reason }));
}

/** Everyone who applied learns the outcome of the selection, in the transaction that completes it (issue 18 Nr. 9). */
export async function tellSelectionOutcome(
  trx: Tx,
  event: EventRow,
  outcome: { selected: EventRegistrationRow[]; reserve: EventRegistrationRow[]; declined: EventRegistrationRow[] },
) {
  const e = mailEvent(event);
  for (const r of outcome.selected)
    await send(trx, r, selectedMail({ event: e, name: r.name, token: r.token, until: r.pending_until! }, config.publicUrl));
  for (const r of outcome.reserve)
    await send(
      trx,
      r,
      reserveMail({ event: e, name: r.name, token: r.token, position: (await waitlistRank(trx, r)) ?? 0 }, config.publicUrl),
    );
  for (const r of outcome.declined) await send(trx, r, declinedMail({ event: e, name: r.name }, config.publicUrl));
}

/** A message of the organisers to each recipient, with their personal link (issue 18 Nr. 5). */
export async function tellMessage(
  trx: Tx,
  event: EventRow,
  recipients: EventRegistrationRow[],
  message: { subject: string; body: string },
) {
  for (const r of recipients)
    await send(trx, r, organiserMessageMail({ event: mailEvent(event), name: r.name, token: r.token, ...message }, config.publicUrl));
}

/** The access link of an online event again, on its morning (issue 18 Nr. 8). */
export async function tellAccessLink(trx: Tx, event: EventRow, r: EventRegistrationRow) {
  await send(trx, r, accessLinkMail({ event: mailEvent(event), name: r.name, token: r.token }, config.publicUrl));
}

export interface EventLight {
  level: SeatLevel | SelectionPhase;
  label: string;
  detail: string;
  free: number;
  waitlisted: number;
  /** Applications not decided yet (events with selection). */
  applied: number;
}

/**
 * The light of each event now (expired holds no longer count); an event with selection shows its
 * phase instead ("Bewerbung läuft", "Auswahl abgeschlossen"), issue 18 Nr. 2 and 9.
 */
export async function lightsFor(events: EventRow[], now = new Date()): Promise<Map<number, EventLight>> {
  const counts = await seatCountsFor(
    await getDb(),
    events.map((e) => e.id),
    now,
  );
  return new Map(
    events.map((e): [number, EventLight] => {
      const c = counts.get(e.id)!;
      const seats = seatLight({ capacity: e.capacity, confirmed: c.confirmed, held: c.held }, e.yellow_below_percent);
      if (e.admission === 'auswahl') {
        const phase = selectionPhase(
          { applicationsCloseAt: e.registration_closes_at, selectionCompletedAt: e.selection_completed_at },
          now.toISOString(),
        );
        return [
          e.id,
          {
            ...selectionLight(phase, e.capacity, e.registration_closes_at),
            free: seats.free,
            waitlisted: c.waitlisted,
            applied: c.applied,
          },
        ];
      }
      return [e.id, { ...seats, waitlisted: c.waitlisted, applied: c.applied }];
    }),
  );
}
