import { isUniqueViolation } from '../../db/dialect';
import { recordAudit } from '../../db/repositories/audit';
import {
  type ConfirmOutcome,
  confirmSubscription,
  countSubscribers,
  createIssue,
  findIssue,
  findSubscriberByToken,
  listIssues,
  listSentIssues,
  type SendOutcome,
  sendIssue,
  subscribe,
  unsubscribe,
  updateIssue,
} from '../../db/repositories/newsletter';
import { queueEmail } from '../../db/repositories/outbox';
import type { NewsletterIssueRow, NewsletterSubscriberRow } from '../../db/schema';
import { config } from '../config.server';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { alreadySubscribedMail, confirmMail, issueMail } from './mails';

/**
 * The newsletter's use cases (issue 18 Nr. 10): subscribing without an account by double opt-in, the
 * personal subscription page, the public archive and the editors' issues. Each write and its audit
 * entry share one transaction.
 */

export type { NewsletterIssueRow, NewsletterSubscriberRow };

const parseId = (value: string | undefined): number | null => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** The sent issues, newest first (the public archive). */
export async function sentIssues(): Promise<NewsletterIssueRow[]> {
  return listSentIssues(await getDb());
}

/** An issue by the id in the URL; undefined for a malformed or unknown id. */
export async function issueById(idParam: string | undefined): Promise<NewsletterIssueRow | undefined> {
  const id = parseId(idParam);
  return id ? findIssue(await getDb(), id) : undefined;
}

/**
 * Asks for a subscription: a new or pending address gets the confirmation link, a confirmed one a note
 * that it is subscribed already (the form does not reveal who subscribes).
 */
export async function requestSubscription(email: string): Promise<void> {
  const db = await getDb();
  const run = () =>
    db.transaction().execute(async (trx) => {
      const { decision, subscriber } = await subscribe(trx, email);
      const mail =
        decision === 'already'
          ? alreadySubscribedMail({ token: subscriber.token }, config.publicUrl)
          : confirmMail({ token: subscriber.token, until: subscriber.confirm_by! }, config.publicUrl);
      await queueEmail(trx, { toUserId: null, toAddress: email, ...mail });
    });
  try {
    await run();
  } catch (error) {
    // The same address sent twice at once: the second request meets the first one's row and resends its link.
    if (!isUniqueViolation(error)) throw error;
    await run();
  }
}

/** The subscription behind a personal link. */
export async function subscriptionByToken(token: string): Promise<NewsletterSubscriberRow | undefined> {
  return findSubscriberByToken(await getDb(), token);
}

/** Ends a subscription (deletes the address); nothing happens when it is gone already. */
export async function endSubscription(token: string): Promise<void> {
  await unsubscribe(await getDb(), token);
}

/** Confirms a pending subscription. */
export async function confirmSubscriptionByToken(token: string): Promise<ConfirmOutcome> {
  return confirmSubscription(await getDb(), token);
}

/** The editors' list: every issue and the number of subscribers. */
export async function issuesForEditors() {
  const db = await getDb();
  const [issues, subscribers] = await Promise.all([listIssues(db), countSubscribers(db)]);
  return { issues, subscribers };
}

/** The number of confirmed subscribers (the recipients of the next issue). */
export async function confirmedSubscribers(): Promise<number> {
  return (await countSubscribers(await getDb())).confirmed;
}

/** A new draft issue, with its audit entry; returns its id. */
export async function createDraftIssue(user: CurrentUser, issue: { subject: string; body: string }): Promise<number> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const created = await createIssue(trx, issue, user.id);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'newsletter.issue.created',
      subjectType: 'newsletter_issue',
      subjectId: created,
    });
    return created;
  });
}

/** Saves a draft; false when it has been sent meanwhile. */
export async function saveDraftIssue(id: number, issue: { subject: string; body: string }): Promise<boolean> {
  return updateIssue(await getDb(), id, issue);
}

/** Sends an issue once to every confirmed subscriber, with its audit entry. */
export async function sendNewsletterIssue(user: CurrentUser, issue: NewsletterIssueRow): Promise<SendOutcome> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const result = await sendIssue(trx, issue.id, (s) =>
      issueMail({ subject: issue.subject, body: issue.body, token: s.token, archiveId: issue.id }, config.publicUrl),
    );
    if (result.kind === 'sent')
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'newsletter.issue.sent',
        subjectType: 'newsletter_issue',
        subjectId: issue.id,
        details: { recipients: result.recipients },
      });
    return result;
  });
}
