import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { housekeeping } from '../../db/repositories/housekeeping';
import {
  confirmSubscription,
  countSubscribers,
  createIssue,
  findIssue,
  sendIssue,
  subscribe,
  unsubscribe,
  updateIssue,
} from '../../db/repositories/newsletter';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const now = new Date('2026-12-04T10:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

async function editor(): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: 'redaktion@example.org',
      name: 'Redaktion',
      role: 'advisor',
      password_hash: 'x',
      organisation_id: null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const subscribed = (email: string, at = now) => db.transaction().execute((trx) => subscribe(trx, email, at));

describe('newsletter subscribers (issue 18 Nr. 10)', () => {
  it('double opt-in: pending until the link is used; a second request resends the same link; unsubscribing deletes the address', async () => {
    const first = await subscribed('a@example.org');
    expect(first.decision).toBe('new');
    const again = await subscribed('a@example.org', days(1));
    expect(again).toMatchObject({ decision: 'resend', subscriber: { token: first.subscriber.token } });
    expect(await countSubscribers(db)).toEqual({ confirmed: 0, pending: 1 });
    expect(await confirmSubscription(db, first.subscriber.token, days(2))).toBe('confirmed');
    expect(await confirmSubscription(db, first.subscriber.token, days(2))).toBe('already');
    expect((await subscribed('a@example.org', days(3))).decision).toBe('already');
    expect(await unsubscribe(db, first.subscriber.token)).toBe(true);
    expect(await unsubscribe(db, first.subscriber.token)).toBe(false);
    expect(await db.selectFrom('newsletter_subscribers').selectAll().execute()).toEqual([]);
  });

  it('an expired link confirms nothing; a new request gets a new link; housekeeping deletes expired requests', async () => {
    const first = await subscribed('b@example.org');
    expect(await confirmSubscription(db, first.subscriber.token, days(8))).toBe('expired');
    const renewed = await subscribed('b@example.org', days(8));
    expect(renewed.decision).toBe('new');
    expect(renewed.subscriber.token).not.toBe(first.subscriber.token);
    expect(await confirmSubscription(db, first.subscriber.token, days(8))).toBe('missing');
    await subscribed('c@example.org');
    expect((await housekeeping(db, days(9))).newsletterRequests).toBe(1); // c; b's new link is still valid
    expect((await db.selectFrom('newsletter_subscribers').select('email').execute()).map((r) => r.email)).toEqual(['b@example.org']);
  });
});

describe('newsletter issues', () => {
  it('goes once to confirmed subscribers only, each e-mail with its own link; a sent issue is never changed', async () => {
    const userId = await editor();
    const a = await subscribed('a@example.org');
    const b = await subscribed('b@example.org');
    await subscribed('pending@example.org');
    await confirmSubscription(db, a.subscriber.token, now);
    await confirmSubscription(db, b.subscriber.token, now);
    const id = await createIssue(db, { subject: 'Termine', body: 'Text' }, userId, now);
    expect(await updateIssue(db, id, { subject: 'Neue Termine', body: 'Text' }, now)).toBe(true);
    const mail = (s: { token: string }) => ({ subject: 'Newsletter: Neue Termine', body: `Abbestellen: /newsletter/abo/${s.token}` });
    const sent = await db.transaction().execute((trx) => sendIssue(trx, id, mail, days(1)));
    expect(sent).toEqual({ kind: 'sent', recipients: 2 });
    const outbox = await db.selectFrom('outbox').select(['to_address', 'body']).orderBy('to_address').execute();
    expect(outbox).toEqual([
      { to_address: 'a@example.org', body: `Abbestellen: /newsletter/abo/${a.subscriber.token}` },
      { to_address: 'b@example.org', body: `Abbestellen: /newsletter/abo/${b.subscriber.token}` },
    ]);
    expect(await db.transaction().execute((trx) => sendIssue(trx, id, mail, days(2)))).toEqual({ kind: 'already' });
    expect(await updateIssue(db, id, { subject: 'Geändert', body: 'x' }, days(2))).toBe(false);
    expect(await findIssue(db, id)).toMatchObject({ subject: 'Neue Termine', recipients: 2, sent_at: days(1).toISOString() });
    expect(await db.transaction().execute((trx) => sendIssue(trx, 999_999, mail))).toEqual({ kind: 'missing' });
  });

  it('of many simultaneous sends of one issue exactly one queues the e-mails', async () => {
    const userId = await editor();
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) {
      const s = await subscribed(email);
      await confirmSubscription(db, s.subscriber.token, now);
    }
    const id = await createIssue(db, { subject: 'Termine', body: 'Text' }, userId, now);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => db.transaction().execute((trx) => sendIssue(trx, id, () => ({ subject: 's', body: 'b' })))),
    );
    expect(outcomes.filter((o) => o.kind === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'already')).toHaveLength(5);
    expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(3);
  });
});
