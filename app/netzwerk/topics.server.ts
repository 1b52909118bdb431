import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit } from '../../db/repositories/audit';
import type { Member } from '../../db/repositories/netzwerk';
import { blockersOf } from '../../db/repositories/netzwerk-blocks';
import {
  addReply,
  claimDigest,
  createThread,
  markDigestSeen,
  mentionableMembers,
  pendingDigests,
  postedSince,
} from '../../db/repositories/netzwerk-topics';
import { queueEmail } from '../../db/repositories/outbox';
import { notify } from '../../db/repositories/advice';
import { withoutBlockers } from '../../machines/netzwerk/blocks';
import { digestMail, findMentions, mentionProblem, rateLimitPost, type ThreadForm } from '../../machines/netzwerk/topics';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { absoluteLink } from '../notification-texts';
import { todayInSaxony } from '../rules.server';
import { log } from '../utils/log.server';

/*
 * The network's topics (issue 20 Nr. 3, ADR 0072): writing posts with mentions and the flood limit,
 * and the daily digest of subscribed threads. Rules in machines/netzwerk/topics.ts, storage in
 * db/repositories/netzwerk-topics.ts; the pages are app/routes/netzwerk.themen*.
 */

export const threadPath = (threadId: number) => `/netzwerk/themen/${threadId}`;
export const postAnchor = (postId: number) => `beitrag-${postId}`;

export type WriteRefusal = { field: 'body'; message: string; status: 400 } | { field: null; message: string; status: 429 };

/**
 * Checks what a post may not be before it is stored: the flood limit (form-level, 429) and mentions
 * of unknown members (at the text field, 400). Returns the members to tell, or the refusal.
 */
export async function checkPost(author: Member, body: string): Promise<{ refusal: WriteRefusal } | { mentioned: MentionTarget[] }> {
  const db = await getDb();
  const flood = rateLimitPost(await postedSince(db, author.id, new Date(Date.now() - 3_600_000)));
  if (flood) return { refusal: { field: null, message: flood, status: 429 } };
  const mentions = await checkMentions(author, body);
  if ('problem' in mentions) return { refusal: { field: 'body', message: mentions.problem, status: 400 } };
  return { mentioned: mentions.mentioned };
}

/** The members a text mentions (without its author), or the message for the text field. */
export async function checkMentions(
  author: Member,
  body: string,
): Promise<{ problem: string } | { mentioned: MentionTarget[]; all: Array<MentionTarget & { name: string }> }> {
  const members = await mentionableMembers(await getDb());
  const found = findMentions(body, members);
  const problem = mentionProblem(found);
  if (problem) return { problem };
  const ids = new Set(found.ids.filter((id) => id !== author.id));
  return { mentioned: members.filter((m) => ids.has(m.id)), all: members };
}

export interface MentionTarget {
  id: number;
  userId: number;
}

export async function tellMentioned(
  trx: Transaction<Database>,
  author: Member,
  mentioned: MentionTarget[],
  thread: { id: number; title: string },
  postId: number,
) {
  // Members who blocked the author get no notice or e-mail of the mention (ADR 0074).
  const told = mentioned.length ? withoutBlockers(mentioned, await blockersOf(trx, author.id)) : [];
  if (!told.length) return;
  const link = `${threadPath(thread.id)}?beitrag=${postId}#${postAnchor(postId)}`;
  await notify(trx, {
    userIds: told.map((m) => m.userId),
    applicationId: null,
    kind: 'netzwerk.erwaehnung',
    text: `${author.displayName} hat Sie im Thema „${thread.title}“ erwähnt`,
    link,
    email: {
      subject: `Sie wurden im EBBS-Netzwerk erwähnt: ${thread.title}`,
      body: `Guten Tag,\n\n${author.displayName} hat Sie im Thema „${thread.title}“ des EBBS-Netzwerks erwähnt. Den Beitrag lesen Sie hier:\n${absoluteLink(config.publicUrl, link)}\n\nFörderlotse Bürgerbeteiligung`,
    },
  });
}

/** Starts a thread; `alongside` stores what belongs to it in the same transaction (a question's context, ADR 0075). */
export async function startThread(
  author: Member,
  form: ThreadForm,
  mentioned: MentionTarget[],
  actorUserId: number,
  alongside?: (trx: Transaction<Database>, threadId: number) => Promise<void>,
) {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const created = await createThread(trx, {
      authorId: author.id,
      category: form.category,
      title: form.title,
      question: form.question === 'ja',
      body: form.body,
    });
    if (alongside) await alongside(trx, created.threadId);
    await tellMentioned(trx, author, mentioned, { id: created.threadId, title: form.title }, created.postId);
    await recordAudit(trx, {
      actorUserId,
      action: 'network.thread.created',
      subjectType: 'network_thread',
      subjectId: created.threadId,
      details: { category: form.category, question: form.question === 'ja' },
    });
    return created;
  });
}

export async function reply(author: Member, thread: { id: number; title: string }, body: string, mentioned: MentionTarget[]) {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const postId = await addReply(trx, thread.id, author.id, body);
    await tellMentioned(trx, author, mentioned, thread, postId);
    return postId;
  });
}

// ---- the daily digest -------------------------------------------------------------------------

/**
 * Sends each subscriber with news one digest e-mail per (Saxon) day. Each is claimed by a unique
 * row in the transaction that queues the e-mail, so two instances running at once send it once.
 */
export async function sendTopicDigests(now = new Date()): Promise<number> {
  const db = await getDb();
  const day = todayInSaxony(now);
  let sent = 0;
  for (const pending of await pendingDigests(db)) {
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await claimDigest(trx, pending.memberId, day, now))) return false;
      const mail = digestMail(
        pending.threads.map((t) => ({ threadId: t.threadId, threadTitle: t.title, replies: t.replies, authors: t.authors })),
        (id) => absoluteLink(config.publicUrl, threadPath(id)),
      );
      await queueEmail(trx, { toUserId: pending.userId, toAddress: pending.email, ...mail }, now);
      await markDigestSeen(trx, pending.memberId, pending.threads);
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** The hourly job: logs and never throws (the next round tries again). */
export async function topicDigestsOnce(now = new Date()) {
  try {
    const sent = await sendTopicDigests(now);
    if (sent) log('info', 'topics.digests_sent', { sent });
  } catch (error) {
    log('error', 'topics.digests_failed', { message: error instanceof Error ? error.message : String(error) });
  }
}
