import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { leaveNetwork, setMemberBlocked } from '../../db/repositories/netzwerk';
import {
  addReply,
  claimDigest,
  countThreads,
  createThread,
  editPost,
  isSubscribed,
  listThreads,
  marksOf,
  markDigestSeen,
  moderatePost,
  openReports,
  pendingDigests,
  postById,
  postedSince,
  reportPost,
  setAcceptedAnswer,
  subscribe,
  threadById,
  threadPosts,
  toggleMark,
  unsubscribe,
  versionsOf,
} from '../../db/repositories/netzwerk-topics';
import { networkMember } from '../support/netzwerk';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const member = (email: string, displayName: string) => networkMember(db, email, displayName);

const all = { category: null };
const at = (minutes: number) => new Date(Date.parse('2027-01-04T10:00:00.000Z') + minutes * 60_000);

async function question(authorId: number, title = 'Wie losen wir einen Bürgerrat?', minutes = 0) {
  return createThread(db, { authorId, category: 'methoden', title, question: true, body: 'Kennt jemand ein Verfahren?' }, at(minutes));
}

describe('topics (issue 20 Nr. 3)', () => {
  it('lists threads by latest activity with reply counts and category filter; the answered badge follows the accepted answer', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const first = await question(a, 'Erstes Thema', 0);
    const second = await createThread(
      db,
      { authorId: b, category: 'recht', title: 'Zweites Thema', question: false, body: 'Hinweis' },
      at(1),
    );
    expect((await listThreads(db, all, 10)).map((t) => t.title)).toEqual(['Zweites Thema', 'Erstes Thema']);
    const reply = await addReply(db, first.threadId, b, 'Per Los aus dem Melderegister.', at(2));
    const list = await listThreads(db, all, 10);
    expect(list.map((t) => [t.title, t.replies, t.answered, t.authorName])).toEqual([
      ['Erstes Thema', 1, false, 'Gemeinde A'],
      ['Zweites Thema', 0, false, 'Verein B'],
    ]);
    expect((await listThreads(db, { category: 'recht' }, 10)).map((t) => t.id)).toEqual([second.threadId]);
    expect(await countThreads(db, { category: 'recht' })).toBe(1);
    expect(await countThreads(db, all)).toBe(2);
    const thread = await threadById(db, first.threadId);
    expect(await setAcceptedAnswer(db, first.threadId, thread!.version, reply)).toBe(true);
    expect((await listThreads(db, { category: 'methoden' }, 10))[0]!.answered).toBe(true);
    const { opening, replies } = await threadPosts(db, first.threadId, 50);
    expect(opening?.body).toBe('Kennt jemand ein Verfahren?');
    expect(replies.map((r) => r.body)).toEqual(['Per Los aus dem Melderegister.']);
    expect(await postedSince(db, b, at(-1))).toBe(2);
    expect(await postedSince(db, b, at(1))).toBe(1);
  });

  it('two acceptances at once with the same version: exactly one wins', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const { threadId } = await question(a);
    const r1 = await addReply(db, threadId, b, 'Antwort eins', at(1));
    const r2 = await addReply(db, threadId, b, 'Antwort zwei', at(2));
    const { version } = (await threadById(db, threadId))!;
    const results = await Promise.all([
      db.transaction().execute((trx) => setAcceptedAnswer(trx, threadId, version, r1)),
      db.transaction().execute((trx) => setAcceptedAnswer(trx, threadId, version, r2)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const after = (await threadById(db, threadId))!;
    expect(after.acceptedPostId).toBe(results[0] ? r1 : r2);
    expect(after.version).toBe(version + 1);
    // Changing it replaces the accepted answer.
    expect(await setAcceptedAnswer(db, threadId, after.version, results[0] ? r2 : r1)).toBe(true);
    expect((await threadById(db, threadId))!.acceptedPostId).toBe(results[0] ? r2 : r1);
  });

  it('keeps the history of an edit, refuses an edit of an outdated version, and toggles one useful mark per member', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const { postId } = await question(a);
    expect(await editPost(db, postId, 0, 'Zweiter Text', at(5))).toBe(true);
    expect(await editPost(db, postId, 0, 'Veraltet', at(6))).toBe(false);
    expect(await editPost(db, postId, 1, 'Dritter Text', at(7))).toBe(true);
    const post = (await postById(db, postId))!;
    expect([post.body, post.editedAt, post.version]).toEqual(['Dritter Text', at(7).toISOString(), 2]);
    expect((await versionsOf(db, [postId])).get(postId)).toEqual([
      { postId, body: 'Kennt jemand ein Verfahren?', writtenAt: at(0).toISOString() },
      { postId, body: 'Zweiter Text', writtenAt: at(5).toISOString() },
    ]);
    expect(await toggleMark(db, postId, b)).toBe(true);
    expect((await marksOf(db, [postId], b)).get(postId)).toEqual({ count: 1, mine: true });
    expect((await marksOf(db, [postId], a)).get(postId)).toEqual({ count: 1, mine: false });
    expect(await toggleMark(db, postId, b)).toBe(false);
    expect((await marksOf(db, [postId], b)).get(postId)).toBeUndefined();
  });

  it('reports once per member; two moderators hiding at once: one wins, the reports are closed; restore works on the new version', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const c = await member('c@example.org', 'Verein C');
    const { threadId } = await question(a);
    const bad = await addReply(db, threadId, b, 'Unsinn <script>alert(1)</script>', at(1));
    expect(await reportPost(db, bad, a, 'Beleidigend')).toBe(true);
    expect(await reportPost(db, bad, a, 'Nochmal')).toBe(false);
    expect(await reportPost(db, bad, c, 'Spam')).toBe(true);
    const reported = await openReports(db);
    expect(reported.map((r) => [r.postId, r.threadId, r.reasons, r.hidden])).toEqual([[bad, threadId, ['Beleidigend', 'Spam'], false]]);
    const results = await Promise.all([
      db.transaction().execute((trx) => moderatePost(trx, bad, 0, 'hide', 'Beleidigung', at(2))),
      db.transaction().execute((trx) => moderatePost(trx, bad, 0, 'hide', 'Spam', at(2))),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const hidden = (await postById(db, bad))!;
    expect([hidden.hidden, hidden.version]).toEqual([true, 1]);
    expect(await openReports(db)).toEqual([]);
    expect(await editPost(db, bad, 1, 'Doch nicht', at(3))).toBe(false);
    expect(await moderatePost(db, bad, 0, 'restore', 'Versehen', at(3))).toBe(false);
    expect(await moderatePost(db, bad, 1, 'restore', 'Versehen', at(3))).toBe(true);
    expect((await postById(db, bad))!.hidden).toBe(false);
  });
});

describe('leaving the network', () => {
  it('keeps the posts of a member who leaves, shown as a former member; their marks and subscriptions go', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const { threadId, postId } = await question(a);
    const replyId = await addReply(db, threadId, b, 'Antwort von B', at(1));
    await toggleMark(db, postId, b);
    await reportPost(db, postId, b, 'Test der Meldung');
    const userB = await db.selectFrom('network_members').select('user_id').where('id', '=', b).executeTakeFirstOrThrow();
    expect(await leaveNetwork(db, userB.user_id)).toBe(true);
    const reply = (await postById(db, replyId))!;
    expect([reply.authorId, reply.authorName, reply.body]).toEqual([null, 'Ehemaliges Mitglied', 'Antwort von B']);
    expect((await marksOf(db, [postId], a)).get(postId)).toBeUndefined();
    expect(await isSubscribed(db, threadId, b)).toBe(false);
    expect((await openReports(db)).map((r) => r.reasons)).toEqual([['Test der Meldung']]);
    expect((await listThreads(db, all, 10))[0]!.replies).toBe(1);
  });
});

describe('subscriptions and the daily digest', () => {
  it('subscribes author and repliers; the digest tells others’ visible posts once per member and day, also when two runs claim at once', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const c = await member('c@example.org', 'Verein C');
    const { threadId } = await question(a);
    expect(await isSubscribed(db, threadId, a)).toBe(true);
    await addReply(db, threadId, b, 'Erste Antwort', at(1));
    expect(await isSubscribed(db, threadId, b)).toBe(true);
    expect(await subscribe(db, threadId, c, at(2))).toBe(true);
    expect(await subscribe(db, threadId, c, at(2))).toBe(false);
    const last = await addReply(db, threadId, b, 'Zweite Antwort', at(3));
    const hiddenOne = await addReply(db, threadId, b, 'Ausgeblendet', at(4));
    await moderatePost(db, hiddenOne, 0, 'hide', 'Spam-Verdacht', at(4));

    const pending = await pendingDigests(db);
    const of = (id: number) => pending.find((p) => p.memberId === id);
    expect(of(a)?.threads).toEqual([
      { threadId, title: 'Wie losen wir einen Bürgerrat?', replies: 2, authors: ['Verein B'], lastPostId: last },
    ]);
    // c subscribed after the first answer; b wrote everything new itself.
    expect(of(c)?.threads.map((t) => t.replies)).toEqual([1]);
    expect(of(b)).toBeUndefined();

    const day = '2027-01-04';
    const run = () =>
      db.transaction().execute(async (trx) => {
        if (!(await claimDigest(trx, a, day, at(10)))) return false;
        await trx
          .insertInto('outbox')
          .values({ to_user_id: null, to_address: 'a@example.org', subject: 'Digest', body: 'x', created_at: at(10).toISOString() })
          .execute();
        await markDigestSeen(trx, a, of(a)!.threads);
        return true;
      });
    const results = await Promise.all([run(), run(), run()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const mails = await db.selectFrom('outbox').select('id').where('to_address', '=', 'a@example.org').execute();
    expect(mails).toHaveLength(1);
    expect((await pendingDigests(db)).find((p) => p.memberId === a)).toBeUndefined();
    // The next day is a new digest; unsubscribed or blocked members get none.
    expect(await claimDigest(db, a, '2027-01-05', at(1440))).toBe(true);
    expect(await unsubscribe(db, threadId, c)).toBe(true);
    await setMemberBlocked(db, a, 'Test');
    await addReply(db, threadId, b, 'Dritte Antwort', at(1500));
    expect((await pendingDigests(db)).map((p) => p.memberId)).toEqual([]);
  });
});
