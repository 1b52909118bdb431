import type { Kysely, Transaction } from 'kysely';
import { dialectOf } from '../dialect';
import type { PostState, ThreadState, TopicCategory } from '../../machines/netzwerk/topics';
import { parseQuery, stem, tokenize } from '../../machines/shared/search';
import type { Database, NetworkPostRow } from '../schema';
import { searchContent } from './content-search';
import { indexThread, THREAD_KIND, THREAD_TITLE_KIND } from './netzwerk-search';

type Executor = Kysely<Database> | Transaction<Database>;

/*
 * Topics of the EBBS network (issue 20 Nr. 3, moderation Nr. 5, ADR 0072). Plain Kysely, the same on
 * SQLite and PostgreSQL. Concurrent accepts, edits and moderation are guarded by `version` columns:
 * an update names the version its author saw and changes nothing when another came first.
 */

const formerMember = 'Ehemaliges Mitglied';

export async function postedSince(db: Executor, memberId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('network_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_id', '=', memberId)
    .where('created_at', '>', since.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Subscribes a member to a thread; what exists now counts as seen. False when already subscribed. */
export async function subscribe(db: Executor, threadId: number, memberId: number, now = new Date()): Promise<boolean> {
  const last = await db
    .selectFrom('network_posts')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  const result = await db
    .insertInto('network_thread_subscriptions')
    .values({ thread_id: threadId, member_id: memberId, created_at: now.toISOString(), seen_post_id: Number(last?.last ?? 0) })
    .onConflict((oc) => oc.columns(['thread_id', 'member_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function unsubscribe(db: Executor, threadId: number, memberId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('network_thread_subscriptions')
    .where('thread_id', '=', threadId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function isSubscribed(db: Executor, threadId: number, memberId: number): Promise<boolean> {
  const row = await db
    .selectFrom('network_thread_subscriptions')
    .select('thread_id')
    .where('thread_id', '=', threadId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new thread with its opening post; the author follows it. */
export async function createThread(
  db: Executor,
  input: { authorId: number; category: TopicCategory; title: string; question: boolean; body: string },
  now = new Date(),
): Promise<{ threadId: number; postId: number }> {
  const at = now.toISOString();
  const thread = await db
    .insertInto('network_threads')
    .values({
      category: input.category,
      title: input.title,
      is_question: input.question ? 1 : 0,
      author_id: input.authorId,
      accepted_post_id: null,
      created_at: at,
      last_activity_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const post = await db
    .insertInto('network_posts')
    .values({ thread_id: thread.id, author_id: input.authorId, opening: 1, body: input.body, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await subscribe(db, thread.id, input.authorId, now);
  await indexThread(db, thread.id);
  return { threadId: thread.id, postId: post.id };
}

/**
 * PostgreSQL: every write to a thread's posts takes the thread's row lock first, in the mode the
 * re-indexing needs at the end (indexThread selects it FOR UPDATE). Without it, two replies and an
 * edit at once deadlocked: each reply's post insert holds a key-share lock on the thread that the
 * other's FOR UPDATE waits for. SQLite has one writer at a time anyway.
 */
async function lockThread(db: Executor, threadId: number): Promise<void> {
  if (dialectOf(db) === 'postgres') await db.selectFrom('network_threads').select('id').where('id', '=', threadId).forUpdate().execute();
}

/** A reply: counted on the thread, which moves to the top; the replier follows the thread. */
export async function addReply(db: Executor, threadId: number, authorId: number, body: string, now = new Date()): Promise<number> {
  const at = now.toISOString();
  await lockThread(db, threadId);
  const post = await db
    .insertInto('network_posts')
    .values({ thread_id: threadId, author_id: authorId, opening: 0, body, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('network_threads')
    .set((eb) => ({ reply_count: eb('reply_count', '+', 1), last_activity_at: at }))
    .where('id', '=', threadId)
    .execute();
  await subscribe(db, threadId, authorId, now);
  await indexThread(db, threadId);
  return post.id;
}

export interface ThreadListItem {
  id: number;
  category: TopicCategory;
  title: string;
  question: boolean;
  answered: boolean;
  replies: number;
  authorName: string;
  lastActivityAt: string;
}

export interface ListFilter {
  category: TopicCategory | null;
}

function threadsIn(db: Executor, filter: ListFilter) {
  const query = db.selectFrom('network_threads as t');
  return filter.category ? query.where('t.category', '=', filter.category) : query;
}

export async function countThreads(db: Executor, filter: ListFilter): Promise<number> {
  const row = await threadsIn(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function listItems(db: Executor, filter: ListFilter) {
  return threadsIn(db, filter)
    .leftJoin('network_members as m', 'm.id', 't.author_id')
    .select([
      't.id',
      't.category',
      't.title',
      't.is_question',
      't.accepted_post_id',
      't.reply_count',
      't.last_activity_at',
      'm.display_name',
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listItems>['execute']>>[number];

const toListItem = (r: ListRow): ThreadListItem => ({
  id: r.id,
  category: r.category,
  title: r.title,
  question: Boolean(r.is_question),
  answered: r.accepted_post_id !== null,
  replies: Number(r.reply_count),
  authorName: r.display_name ?? formerMember,
  lastActivityAt: r.last_activity_at,
});

/** Threads, the latest activity first. */
export async function listThreads(db: Executor, filter: ListFilter, limit: number, offset = 0): Promise<ThreadListItem[]> {
  const rows = await listItems(db, filter)
    .orderBy('t.last_activity_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toListItem);
}

// ---- ranked search (ADR 0076) ------------------------------------------------------------------

/** At most this many threads are ranked for one search (about 33 pages of 30). */
export const SEARCH_HIT_LIMIT = 1000;

export interface ThreadSearchFilter {
  category: TopicCategory | null;
  /** What the member typed; parseQuery decides which words count. */
  q: string;
}

export interface ThreadSearchHit extends ThreadListItem {
  /** A visible post of the thread with a query word, and the passage around it. */
  excerpt: { postId: number; opening: boolean; text: string } | null;
}

export interface ThreadSearchPage {
  total: number;
  /** More threads matched than SEARCH_HIT_LIMIT; only the best are counted and shown. */
  capped: boolean;
  threads: ThreadSearchHit[];
}

/**
 * Threads matching the query, best first: more query words found in the thread first, then threads
 * whose title has more of them, then the full-text score (title above opening post above replies).
 * Filtered by category; `limit`/`offset` page through the ranked list.
 */
export async function searchThreads(db: Executor, filter: ThreadSearchFilter, limit: number, offset = 0): Promise<ThreadSearchPage> {
  const parsed = parseQuery(filter.q);
  if (parsed.kind !== 'words') return { total: 0, capped: false, threads: [] };
  const hits = await searchContent(db, THREAD_KIND, parsed.stems, SEARCH_HIT_LIMIT);
  const titleHits = await searchContent(db, THREAD_TITLE_KIND, parsed.stems, SEARCH_HIT_LIMIT);
  const inTitle = new Map(titleHits.map((h) => [h.id, Math.floor(h.score)]));
  const ranked = hits
    .map((h, rank) => ({ id: Number(h.id), matched: Math.floor(h.score), inTitle: inTitle.get(h.id) ?? 0, score: h.score, rank }))
    .filter((h) => Number.isSafeInteger(h.id))
    .sort((a, b) => b.matched - a.matched || b.inTitle - a.inTitle || b.score - a.score || a.rank - b.rank)
    .map((h) => h.id);
  const allowed = filter.category ? await threadIdsInCategory(db, ranked, filter.category) : null;
  const selected = allowed ? ranked.filter((id) => allowed.has(id)) : ranked;
  const pageIds = selected.slice(offset, offset + limit);
  if (!pageIds.length) return { total: selected.length, capped: hits.length >= SEARCH_HIT_LIMIT, threads: [] };
  const rows = await listItems(db, { category: null }).where('t.id', 'in', pageIds).execute();
  const byId = new Map(rows.map((r) => [r.id, toListItem(r)]));
  const excerpts = await matchingExcerpts(db, pageIds, filter.q);
  return {
    total: selected.length,
    capped: hits.length >= SEARCH_HIT_LIMIT,
    threads: pageIds.flatMap((id) => {
      const item = byId.get(id);
      return item ? [{ ...item, excerpt: excerpts.get(id) ?? null }] : [];
    }),
  };
}

async function threadIdsInCategory(db: Executor, ids: number[], category: TopicCategory): Promise<Set<number>> {
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('network_threads')
      .select('id')
      .where('category', '=', category)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/**
 * The typed words as they begin in a text (as long as their stem, at least 3 letters): "Jugendlicher"
 * → "jugend", "Förderungen" → "förder". Letters and digits only, so nothing is a LIKE wildcard.
 */
function wordBeginnings(q: string): string[] {
  const words = tokenize(q).map((word) => word.slice(0, Math.max(3, stem(word).length)));
  return [...new Set(words)].slice(0, 12);
}

const EXCERPT_RADIUS = 90;

/** About two lines of `body` around the first place a beginning occurs, cut at spaces. */
export function excerptAround(body: string, beginnings: readonly string[]): string {
  const lower = body.toLowerCase();
  const at = Math.min(...beginnings.map((b) => lower.indexOf(b)).filter((i) => i >= 0), body.length);
  const from = at === body.length ? 0 : Math.max(0, at - EXCERPT_RADIUS);
  const to = Math.min(body.length, from + 2 * EXCERPT_RADIUS);
  const start = from === 0 ? 0 : body.indexOf(' ', from) + 1 || from;
  const endSpace = to === body.length ? to : body.lastIndexOf(' ', to);
  const end = endSpace > start ? endSpace : to;
  const text = body.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '… ' : ''}${text}${end < body.length ? ' …' : ''}`;
}

/**
 * For each thread, its first visible post containing the beginning of a query word (a plain LIKE over
 * the threads of one page; SQLite's lower() folds ASCII only, so an upper-case umlaut may miss and the
 * thread is shown without an excerpt).
 */
async function matchingExcerpts(
  db: Executor,
  threadIds: number[],
  q: string,
): Promise<Map<number, NonNullable<ThreadSearchHit['excerpt']>>> {
  const beginnings = wordBeginnings(q);
  const excerpts = new Map<number, NonNullable<ThreadSearchHit['excerpt']>>();
  if (!beginnings.length) return excerpts;
  const firsts = await db
    .selectFrom('network_posts')
    .select((eb) => ['thread_id', eb.fn.min('id').as('id')])
    .where('thread_id', 'in', threadIds)
    .where('hidden_at', 'is', null)
    .where((eb) => eb.or(beginnings.map((b) => eb(eb.fn('lower', ['body']), 'like', `%${b}%`))))
    .groupBy('thread_id')
    .execute();
  const ids = firsts.map((f) => Number(f.id));
  if (!ids.length) return excerpts;
  const posts = await db.selectFrom('network_posts').select(['id', 'thread_id', 'opening', 'body']).where('id', 'in', ids).execute();
  for (const p of posts) excerpts.set(p.thread_id, { postId: p.id, opening: Boolean(p.opening), text: excerptAround(p.body, beginnings) });
  return excerpts;
}

export interface Thread extends ThreadState {
  category: TopicCategory;
  title: string;
  authorName: string;
  replies: number;
  createdAt: string;
}

export async function threadById(db: Executor, id: number): Promise<Thread | null> {
  const row = await db
    .selectFrom('network_threads as t')
    .leftJoin('network_members as m', 'm.id', 't.author_id')
    .selectAll('t')
    .select('m.display_name')
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    authorId: row.author_id,
    question: Boolean(row.is_question),
    acceptedPostId: row.accepted_post_id,
    version: Number(row.version),
    category: row.category,
    title: row.title,
    authorName: row.display_name ?? formerMember,
    replies: Number(row.reply_count),
    createdAt: row.created_at,
  };
}

export interface Post extends PostState {
  body: string;
  authorName: string;
  createdAt: string;
  editedAt: string | null;
  hiddenReason: string | null;
}

const toPost = (row: NetworkPostRow & { display_name: string | null }): Post => ({
  id: row.id,
  threadId: row.thread_id,
  authorId: row.author_id,
  opening: Boolean(row.opening),
  hidden: row.hidden_at !== null,
  version: Number(row.version),
  body: row.body,
  authorName: row.display_name ?? formerMember,
  createdAt: row.created_at,
  editedAt: row.edited_at,
  hiddenReason: row.hidden_reason,
});

function postsQuery(db: Executor) {
  return db
    .selectFrom('network_posts as p')
    .leftJoin('network_members as m', 'm.id', 'p.author_id')
    .selectAll('p')
    .select('m.display_name');
}

export async function postById(db: Executor, id: number): Promise<Post | null> {
  const row = await postsQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPost(row) : null;
}

/** The opening post and one page of replies, oldest first. */
export async function threadPosts(
  db: Executor,
  threadId: number,
  limit: number,
  offset = 0,
): Promise<{ opening: Post | null; replies: Post[] }> {
  const opening = await postsQuery(db).where('p.thread_id', '=', threadId).where('p.opening', '=', 1).executeTakeFirst();
  const replies = await postsQuery(db)
    .where('p.thread_id', '=', threadId)
    .where('p.opening', '=', 0)
    .orderBy('p.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { opening: opening ? toPost(opening) : null, replies: replies.map(toPost) };
}

/** For each post: how many marked it useful, and whether `memberId` did. */
export async function marksOf(db: Executor, postIds: number[], memberId: number): Promise<Map<number, { count: number; mine: boolean }>> {
  const marks = new Map<number, { count: number; mine: boolean }>();
  if (!postIds.length) return marks;
  const rows = await db.selectFrom('network_post_marks').select(['post_id', 'member_id']).where('post_id', 'in', postIds).execute();
  for (const r of rows) {
    const entry = marks.get(r.post_id) ?? { count: 0, mine: false };
    entry.count += 1;
    if (r.member_id === memberId) entry.mine = true;
    marks.set(r.post_id, entry);
  }
  return marks;
}

/** Marks a post useful, or takes the mark back; returns whether it is marked now. */
export async function toggleMark(db: Executor, postId: number, memberId: number, now = new Date()): Promise<boolean> {
  const inserted = await db
    .insertInto('network_post_marks')
    .values({ post_id: postId, member_id: memberId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['post_id', 'member_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  await db.deleteFrom('network_post_marks').where('post_id', '=', postId).where('member_id', '=', memberId).execute();
  return false;
}

/** Sets (or clears) the accepted answer if the thread is still at `version`; false when someone came first. */
export async function setAcceptedAnswer(db: Executor, threadId: number, version: number, postId: number | null): Promise<boolean> {
  const result = await db
    .updateTable('network_threads')
    .set((eb) => ({ accepted_post_id: postId, version: eb('version', '+', 1) }))
    .where('id', '=', threadId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Saves a new text if the post is still at `version`; the replaced text is kept in the history. */
export async function editPost(db: Executor, postId: number, version: number, body: string, now = new Date()): Promise<boolean> {
  const before = await db
    .selectFrom('network_posts')
    .select(['thread_id', 'body', 'created_at', 'edited_at', 'version'])
    .where('id', '=', postId)
    .executeTakeFirst();
  if (!before || Number(before.version) !== version) return false;
  await lockThread(db, before.thread_id);
  const at = now.toISOString();
  const result = await db
    .updateTable('network_posts')
    .set((eb) => ({ body, edited_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', postId)
    .where('version', '=', version)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  // The version matched, so `before` is exactly the text this edit replaced.
  await db
    .insertInto('network_post_versions')
    .values({ post_id: postId, body: before.body, written_at: before.edited_at ?? before.created_at, replaced_at: at })
    .execute();
  await indexThread(db, before.thread_id);
  return true;
}

export interface PostVersion {
  postId: number;
  body: string;
  writtenAt: string;
}

/** Earlier texts of the given posts, oldest first. */
export async function versionsOf(db: Executor, postIds: number[]): Promise<Map<number, PostVersion[]>> {
  const versions = new Map<number, PostVersion[]>();
  if (!postIds.length) return versions;
  const rows = await db
    .selectFrom('network_post_versions')
    .select(['post_id', 'body', 'written_at'])
    .where('post_id', 'in', postIds)
    .orderBy('id')
    .execute();
  for (const r of rows)
    versions.set(r.post_id, [...(versions.get(r.post_id) ?? []), { postId: r.post_id, body: r.body, writtenAt: r.written_at }]);
  return versions;
}

/** A member reports a post; false when they reported it before (and it is still open). */
export async function reportPost(db: Executor, postId: number, memberId: number, reason: string, now = new Date()): Promise<boolean> {
  const result = await db
    .insertInto('network_post_reports')
    .values({ post_id: postId, member_id: memberId, reason, created_at: now.toISOString(), resolved_at: null })
    .onConflict((oc) => oc.columns(['post_id', 'member_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Hides or restores a post if it is still at `version`; either way its open reports are dealt with. */
export async function moderatePost(
  db: Executor,
  postId: number,
  version: number,
  step: 'hide' | 'restore',
  reason: string,
  now = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const target = await db.selectFrom('network_posts').select('thread_id').where('id', '=', postId).executeTakeFirst();
  if (!target) return false;
  await lockThread(db, target.thread_id);
  const result = await db
    .updateTable('network_posts')
    .set((eb) => ({
      hidden_at: step === 'hide' ? at : null,
      hidden_reason: step === 'hide' ? reason : null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', postId)
    .where('version', '=', version)
    .where('hidden_at', step === 'hide' ? 'is' : 'is not', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await resolveReports(db, postId, now);
  // A hidden post must not be findable; a restored one is again.
  await indexThread(db, target.thread_id);
  return true;
}

/** Closes the open reports of a post (the moderation looked at it). Returns how many. */
export async function resolveReports(db: Executor, postId: number, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('network_post_reports')
    .set({ resolved_at: now.toISOString() })
    .where('post_id', '=', postId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ReportedPost {
  postId: number;
  threadId: number;
  threadTitle: string;
  authorName: string;
  body: string;
  hidden: boolean;
  version: number;
  reasons: string[];
  firstReportedAt: string;
}

/** Posts with open reports, the longest waiting first. */
export async function openReports(db: Executor, limit = 100): Promise<ReportedPost[]> {
  const reports = await db
    .selectFrom('network_post_reports')
    .select(['post_id', 'reason', 'created_at'])
    .where('resolved_at', 'is', null)
    .orderBy('id')
    .limit(1000)
    .execute();
  const byPost = new Map<number, { reasons: string[]; first: string }>();
  for (const r of reports) {
    const entry = byPost.get(r.post_id) ?? { reasons: [], first: r.created_at };
    entry.reasons.push(r.reason);
    byPost.set(r.post_id, entry);
  }
  const ids = [...byPost.keys()].slice(0, limit);
  if (!ids.length) return [];
  const posts = await postsQuery(db)
    .innerJoin('network_threads as t', 't.id', 'p.thread_id')
    .select('t.title as thread_title')
    .where('p.id', 'in', ids)
    .execute();
  const byId = new Map(posts.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const p = byId.get(id);
    const entry = byPost.get(id);
    if (!p || !entry) return [];
    return [
      {
        postId: id,
        threadId: p.thread_id,
        threadTitle: p.thread_title,
        authorName: p.display_name ?? formerMember,
        body: p.body,
        hidden: p.hidden_at !== null,
        version: Number(p.version),
        reasons: entry.reasons,
        firstReportedAt: entry.first,
      },
    ];
  });
}

/** Hidden posts, the latest hidden first (for the moderation page). */
export async function hiddenPosts(db: Executor, limit = 50): Promise<Post[]> {
  const rows = await postsQuery(db).where('p.hidden_at', 'is not', null).orderBy('p.hidden_at', 'desc').limit(limit).execute();
  return rows.map(toPost);
}

/** Members who can be mentioned: everyone not blocked. */
export async function mentionableMembers(db: Executor): Promise<Array<{ id: number; name: string; userId: number }>> {
  const rows = await db.selectFrom('network_members').select(['id', 'display_name', 'user_id']).where('blocked_at', 'is', null).execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, userId: r.user_id }));
}

// ---- the daily digest -------------------------------------------------------------------------

export interface PendingDigest {
  memberId: number;
  userId: number;
  email: string;
  threads: Array<{ threadId: number; title: string; replies: number; authors: string[]; lastPostId: number }>;
}

/**
 * What each subscriber has not been told yet: visible posts by others in the threads they follow,
 * newer than what their last digest (or their subscription) covered. Blocked members get nothing.
 */
export async function pendingDigests(db: Executor): Promise<PendingDigest[]> {
  const rows = await db
    .selectFrom('network_thread_subscriptions as s')
    .innerJoin('network_members as sm', 'sm.id', 's.member_id')
    .innerJoin('users as u', 'u.id', 'sm.user_id')
    .innerJoin('network_threads as t', 't.id', 's.thread_id')
    .innerJoin('network_posts as p', (join) => join.onRef('p.thread_id', '=', 's.thread_id').onRef('p.id', '>', 's.seen_post_id'))
    .leftJoin('network_members as am', 'am.id', 'p.author_id')
    .select(['s.member_id', 'sm.user_id', 'u.email', 's.thread_id', 't.title', 'p.id as post_id', 'p.author_id', 'am.display_name'])
    .where('sm.blocked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .where('p.hidden_at', 'is', null)
    .orderBy('s.member_id')
    .orderBy('s.thread_id')
    .orderBy('p.id')
    .execute();
  const byMember = new Map<number, PendingDigest>();
  for (const r of rows) {
    if (r.author_id === r.member_id) continue;
    const digest = byMember.get(r.member_id) ?? { memberId: r.member_id, userId: r.user_id, email: r.email, threads: [] };
    let thread = digest.threads.find((t) => t.threadId === r.thread_id);
    if (!thread) {
      thread = { threadId: r.thread_id, title: r.title, replies: 0, authors: [], lastPostId: 0 };
      digest.threads.push(thread);
    }
    thread.replies += 1;
    thread.lastPostId = Math.max(thread.lastPostId, r.post_id);
    const author = r.display_name ?? formerMember;
    if (!thread.authors.includes(author)) thread.authors.push(author);
    byMember.set(r.member_id, digest);
  }
  return [...byMember.values()];
}

/** Claims a member's digest of `day`; false when it was claimed already (by this or another instance). */
export async function claimDigest(db: Executor, memberId: number, day: string, now = new Date()): Promise<boolean> {
  const result = await db
    .insertInto('network_topic_digests')
    .values({ member_id: memberId, day, sent_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['member_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** After a digest: the posts it told count as seen (only forward; a later post stays new). */
export async function markDigestSeen(db: Executor, memberId: number, threads: Array<{ threadId: number; lastPostId: number }>) {
  for (const t of threads)
    await db
      .updateTable('network_thread_subscriptions')
      .set({ seen_post_id: t.lastPostId })
      .where('member_id', '=', memberId)
      .where('thread_id', '=', t.threadId)
      .where('seen_post_id', '<', t.lastPostId)
      .execute();
}

/** How many replies of the thread come before `postId` (for its page), or null when it is no reply of the thread. */
export async function replyPosition(db: Executor, threadId: number, postId: number): Promise<number | null> {
  const post = await db
    .selectFrom('network_posts')
    .select('opening')
    .where('id', '=', postId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  if (!post) return null;
  if (post.opening) return 0;
  const row = await db
    .selectFrom('network_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId)
    .where('opening', '=', 0)
    .where('id', '<', postId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
