import type { Transaction } from 'kysely';
import { queueEmail } from '../db/repositories/outbox';
import type { Database, EventRegistrationRow, EventRow } from '../db/schema';
import { seatCountsFor, waitlistRank } from '../db/repositories/events';
import { seatLight, type SeatLight } from '../machines/veranstaltungen/seats';
import { config } from './config.server';
import { getDb } from './db.server';
import {
  accessLinkMail,
  confirmedMail,
  eventCancelledMail,
  holdMail,
  organiserMessageMail,
  promotedMail,
  waitlistMail,
  type MailEvent,
} from './veranstaltungen-mails';

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

/** The e-mail for a new registration: the opt-in link for a held seat, or the waitlist position. */
export async function tellRegistered(trx: Tx, event: EventRow, r: EventRegistrationRow) {
  if (r.status === 'held')
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

/** The light of each event now (expired holds no longer count). */
export async function lightsFor(events: EventRow[], now = new Date()): Promise<Map<number, SeatLight & { waitlisted: number }>> {
  const counts = await seatCountsFor(
    await getDb(),
    events.map((e) => e.id),
    now,
  );
  return new Map(
    events.map((e) => {
      const c = counts.get(e.id)!;
      return [
        e.id,
        { ...seatLight({ capacity: e.capacity, confirmed: c.confirmed, held: c.held }, e.yellow_below_percent), waitlisted: c.waitlisted },
      ];
    }),
  );
}
