import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { confirmDeadline, decideSubscribe, canConfirm, type SubscribeDecision } from '../../machines/newsletter/newsletter';
import type { Database, NewsletterIssueRow, NewsletterSubscriberRow } from '../schema';
import { queueEmail } from './outbox';

type Executor = Kysely<Database> | Transaction<Database>;
type Tx = Transaction<Database>;

/*
 * The hub's newsletter (issue 18 Nr. 10, ADR 0060). A subscriber is an e-mail address and a personal
 * token; an unsubscribed address is deleted. An issue is sent exactly once: the UPDATE that sets
 * `sent_at` is guarded by `sent_at is null` in the transaction that queues the e-mails.
 */

const newToken = () => randomBytes(24).toString('base64url');

export const findSubscriberByToken = (db: Executor, token: string): Promise<NewsletterSubscriberRow | undefined> =>
  db.selectFrom('newsletter_subscribers').selectAll().where('token', '=', token).executeTakeFirst();

const stored = (row: NewsletterSubscriberRow) => ({ status: row.status, confirmBy: row.confirm_by });

/**
 * A subscription request: returns what to tell the person and the row (with the link to send).
 * Call in a transaction; two requests for the same address at once meet at the unique index.
 */
export async function subscribe(
  trx: Tx,
  email: string,
  now = new Date(),
): Promise<{ decision: SubscribeDecision; subscriber: NewsletterSubscriberRow }> {
  const at = now.toISOString();
  const existing = await trx.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
  const decision = decideSubscribe(existing ? stored(existing) : null, at);
  if (decision !== 'new') return { decision, subscriber: existing! };
  if (existing) {
    // An expired, never confirmed request: a new link replaces the dead one.
    const subscriber = await trx
      .updateTable('newsletter_subscribers')
      .set({ token: newToken(), confirm_by: confirmDeadline(at) })
      .where('id', '=', existing.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirstOrThrow();
    return { decision, subscriber };
  }
  const subscriber = await trx
    .insertInto('newsletter_subscribers')
    .values({ email, token: newToken(), status: 'pending', confirm_by: confirmDeadline(at), created_at: at, confirmed_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { decision, subscriber };
}

export type ConfirmOutcome = 'confirmed' | 'already' | 'expired' | 'missing';

export async function confirmSubscription(db: Executor, token: string, now = new Date()): Promise<ConfirmOutcome> {
  const at = now.toISOString();
  const row = await findSubscriberByToken(db, token);
  if (!row) return 'missing';
  if (row.status === 'confirmed') return 'already';
  if (!canConfirm(stored(row), at)) return 'expired';
  const done = await db
    .updateTable('newsletter_subscribers')
    .set({ status: 'confirmed', confirmed_at: at, confirm_by: null })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1 ? 'confirmed' : 'already';
}

/** Ends a subscription by its link: the address is deleted. False when the link is unknown (already ended). */
export async function unsubscribe(db: Executor, token: string): Promise<boolean> {
  const done = await db.deleteFrom('newsletter_subscribers').where('token', '=', token).executeTakeFirst();
  return Number(done.numDeletedRows) === 1;
}

/** Unconfirmed requests whose link has expired are deleted (privacy: nobody asked for mail from us). */
export async function deleteExpiredRequests(db: Executor, now = new Date()): Promise<number> {
  const done = await db
    .deleteFrom('newsletter_subscribers')
    .where('status', '=', 'pending')
    .where('confirm_by', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}

export async function countSubscribers(db: Executor): Promise<{ confirmed: number; pending: number }> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { confirmed: of('confirmed'), pending: of('pending') };
}

export async function createIssue(
  db: Executor,
  issue: { subject: string; body: string },
  userId: number,
  now = new Date(),
): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto('newsletter_issues')
    .values({ subject: issue.subject, body: issue.body, created_by: userId, created_at: at, updated_at: at, sent_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a draft; false when the issue is gone or already sent (a sent issue is never changed). */
export async function updateIssue(db: Executor, id: number, issue: { subject: string; body: string }, now = new Date()): Promise<boolean> {
  const done = await db
    .updateTable('newsletter_issues')
    .set({ subject: issue.subject, body: issue.body, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export const findIssue = (db: Executor, id: number): Promise<NewsletterIssueRow | undefined> =>
  db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();

export const listIssues = (db: Executor): Promise<NewsletterIssueRow[]> =>
  db.selectFrom('newsletter_issues').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

/** The archive: sent issues, newest first. */
export const listSentIssues = (db: Executor): Promise<NewsletterIssueRow[]> =>
  db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('sent_at', 'is not', null)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

export type SendOutcome = { kind: 'sent'; recipients: number } | { kind: 'already' } | { kind: 'missing' };

/**
 * Sends an issue to every confirmed subscriber through the outbox, each e-mail with the personal
 * link to unsubscribe. Exactly once: of two editors pressing "Senden" at once, one sends and the
 * other gets 'already' (the guarded UPDATE waits for the first transaction and then matches nothing).
 */
export async function sendIssue(
  trx: Tx,
  id: number,
  mailFor: (subscriber: NewsletterSubscriberRow) => { subject: string; body: string },
  now = new Date(),
): Promise<SendOutcome> {
  const at = now.toISOString();
  const claimed = await trx
    .updateTable('newsletter_issues')
    .set({ sent_at: at, updated_at: at })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return (await findIssue(trx, id)) ? { kind: 'already' } : { kind: 'missing' };
  const subscribers = await trx.selectFrom('newsletter_subscribers').selectAll().where('status', '=', 'confirmed').orderBy('id').execute();
  for (const s of subscribers) await queueEmail(trx, { toUserId: null, toAddress: s.email, ...mailFor(s) }, now);
  await trx.updateTable('newsletter_issues').set({ recipients: subscribers.length }).where('id', '=', id).execute();
  return { kind: 'sent', recipients: subscribers.length };
}
