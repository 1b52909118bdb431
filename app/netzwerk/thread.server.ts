import { recordAudit } from '../../db/repositories/audit';
import type { Member } from '../../db/repositories/netzwerk';
import { contextOfThread } from '../../db/repositories/netzwerk-context';
import {
  countThreads,
  editPost,
  hiddenPosts,
  isSubscribed,
  listThreads,
  marksOf,
  moderatePost,
  openReports,
  type Post,
  type PostVersion,
  postById,
  type ReportedPost,
  replyPosition,
  reportPost,
  resolveReports,
  searchThreads,
  setAcceptedAnswer,
  subscribe,
  type Thread,
  type ThreadSearchPage,
  threadById,
  threadPosts,
  toggleMark,
  unsubscribe,
  versionsOf,
} from '../../db/repositories/netzwerk-topics';
import type { ThreadContext } from '../../machines/netzwerk/context';
import type { ThreadFilter } from '../../machines/netzwerk/topics';
import { pageCount, pageNumber, REPLIES_PAGE, THREADS_PAGE } from '../../machines/netzwerk/topics';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { type MentionTarget, tellMentioned } from './topics.server';

/**
 * The topics' pages (issue 20 Nr. 3, 5; ADR 0072, 0076): the list and the search, one thread with a
 * page of replies, the members' actions on posts (useful, accepted answer, edit, report, follow) and
 * the moderation. Every write and its audit entry share one transaction.
 */

export type { Post, ReportedPost, Thread };

/** A thread by the id in the URL; null for a malformed or unknown id. */
export async function threadByParam(idParam: string | undefined): Promise<Thread | null> {
  const id = idParam && /^\d{1,9}$/.test(idParam) ? Number(idParam) : null;
  return id === null ? null : threadById(await getDb(), id);
}

/**
 * One page of the thread list, or of the search when `words` is set (a page beyond the last shows the
 * last one).
 */
export async function threadListPage(filter: ThreadFilter, words: boolean): Promise<{ page: number; found: ThreadSearchPage }> {
  const db = await getDb();
  let page = filter.page;
  if (!words) {
    const total = await countThreads(db, filter);
    page = Math.min(filter.page, pageCount(total, THREADS_PAGE));
    const threads = await listThreads(db, filter, THREADS_PAGE, (page - 1) * THREADS_PAGE);
    return { page, found: { total, capped: false, threads: threads.map((t) => ({ ...t, excerpt: null })) } };
  }
  let found = await searchThreads(db, filter, THREADS_PAGE, (page - 1) * THREADS_PAGE);
  const last = pageCount(found.total, THREADS_PAGE);
  if (page > last) {
    page = last;
    found = await searchThreads(db, filter, THREADS_PAGE, (page - 1) * THREADS_PAGE);
  }
  return { page, found };
}

/**
 * A page of a thread for a member: a wanted post opens the page it is on (unless a page is asked for),
 * with the marks, the earlier versions of the posts, whether the member follows, and the context.
 */
export async function threadPage(
  thread: Thread,
  memberId: number,
  ask: { wantedPost: number | undefined; page: string | null },
): Promise<{
  page: number;
  pages: number;
  opening: Post | null;
  replies: Post[];
  marks: Map<number, { count: number; mine: boolean }>;
  versions: Map<number, PostVersion[]>;
  subscribed: boolean;
  context: ThreadContext | null;
}> {
  const db = await getDb();
  const pages = pageCount(thread.replies, REPLIES_PAGE);
  const position = ask.wantedPost === undefined || ask.page !== null ? null : await replyPosition(db, thread.id, ask.wantedPost);
  const page = position !== null ? Math.floor(position / REPLIES_PAGE) + 1 : Math.min(pageNumber(ask.page), pages);
  const { opening, replies } = await threadPosts(db, thread.id, REPLIES_PAGE, (page - 1) * REPLIES_PAGE);
  const ids = [...(opening ? [opening] : []), ...replies].map((p) => p.id);
  const marks = await marksOf(db, ids, memberId);
  const versions = await versionsOf(db, ids);
  return {
    page,
    pages,
    opening,
    replies,
    marks,
    versions,
    subscribed: await isSubscribed(db, thread.id, memberId),
    context: await contextOfThread(db, thread.id),
  };
}

/** Follows a thread (new replies by a daily e-mail) or stops following it. */
export async function follow(threadId: number, memberId: number, on: boolean): Promise<void> {
  const db = await getDb();
  if (on) await subscribe(db, threadId, memberId);
  else await unsubscribe(db, threadId, memberId);
}

/** A post by its id. */
export async function postByIdOf(postId: number): Promise<Post | null> {
  return postById(await getDb(), postId);
}

/** Marks a post as useful, or takes the mark back. */
export async function toggleUseful(postId: number, memberId: number): Promise<void> {
  await toggleMark(await getDb(), postId, memberId);
}

/** Sets (or clears, `next` null) the accepted answer; false when the thread changed meanwhile. */
export async function acceptAnswer(
  user: CurrentUser,
  thread: Thread,
  seenVersion: number,
  postId: number,
  next: number | null,
): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    if (!(await setAcceptedAnswer(trx, thread.id, seenVersion, next))) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: next === null ? 'network.answer.unaccepted' : 'network.answer.accepted',
      subjectType: 'network_thread',
      subjectId: thread.id,
      details: { postId },
    });
    return true;
  });
}

/** Saves the author's edit and tells the members newly mentioned; false when the post changed meanwhile. */
export async function editOwnPost(
  user: CurrentUser,
  author: Member,
  thread: Thread,
  post: Post,
  edit: { version: number; body: string },
  newlyMentioned: MentionTarget[],
): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    if (!(await editPost(trx, post.id, edit.version, edit.body))) return false;
    await tellMentioned(trx, author, newlyMentioned, thread, post.id);
    await recordAudit(trx, { actorUserId: user.id, action: 'network.post.edited', subjectType: 'network_post', subjectId: post.id });
    return true;
  });
}

/** Reports a post to the moderation; false when the member reported it already. */
export async function report(user: CurrentUser, memberId: number, postId: number, reason: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    if (!(await reportPost(trx, postId, memberId, reason))) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'network.post.reported',
      subjectType: 'network_post',
      subjectId: postId,
      details: { reason },
    });
    return true;
  });
}

/** Hides or restores a post (moderators); false when it changed meanwhile. */
export async function moderate(
  user: CurrentUser,
  threadId: number,
  postId: number,
  step: 'hide' | 'restore',
  change: { version: number; reason: string },
): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    if (!(await moderatePost(trx, postId, change.version, step, change.reason))) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: step === 'hide' ? 'network.post.hidden' : 'network.post.restored',
      subjectType: 'network_post',
      subjectId: postId,
      details: { reason: change.reason, threadId },
    });
    return true;
  });
}

/** The moderators' queue: reported posts and hidden posts. */
export async function moderationQueue(): Promise<{ reported: ReportedPost[]; hidden: Post[] }> {
  const db = await getDb();
  const reported = await openReports(db);
  const hidden = await hiddenPosts(db);
  return { reported, hidden };
}

/** Closes a post's reports without a measure (the post stays visible); audited when there were any. */
export async function dismissReports(user: CurrentUser, postId: number): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    const closed = await resolveReports(trx, postId);
    if (closed)
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'network.reports.dismissed',
        subjectType: 'network_post',
        subjectId: postId,
        details: { reports: closed },
      });
  });
}
