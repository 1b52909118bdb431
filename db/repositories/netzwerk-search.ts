import type { Kysely, Transaction } from 'kysely';
import { dialectOf } from '../dialect';
import type { Database } from '../schema';
import { removeSearchDocument, SEARCH_FORMAT, searchDocumentIds, upsertSearchDocument } from './content-search';

type Executor = Kysely<Database> | Transaction<Database>;

/*
 * The search index of the network's threads (issue 20 Nr. 3, ADR 0076) in the shared full-text table
 * of ADR 0071. Two documents per thread:
 *   - `thema`: title (weight 6), the opening post (3) and every reply (1), visible posts only;
 *   - `thema-titel`: the title alone, so the search can put threads whose title matches first
 *     (BM25's length part, ADR 0100, weighs a title hit in a long thread below a body hit in a short one).
 * The repository functions that write threads and posts call `indexThread` with their executor, so the
 * index changes in the transaction that changes the posts.
 */

export const THREAD_KIND = 'thema';
export const THREAD_TITLE_KIND = 'thema-titel';

/** Writes (or removes, when the thread is gone) the search documents of one thread from its visible posts. */
export async function indexThread(db: Executor, threadId: number): Promise<void> {
  const id = String(threadId);
  // PostgreSQL: two transactions writing posts of one thread at once rebuild its documents one after
  // the other (the second then reads the first's posts and replaces its document), instead of both
  // inserting the same (kind, doc_id). SQLite has one writer at a time anyway.
  const query = db.selectFrom('network_threads').select('title').where('id', '=', threadId);
  const thread = await (dialectOf(db) === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  if (!thread) {
    await removeSearchDocument(db, THREAD_KIND, id);
    await removeSearchDocument(db, THREAD_TITLE_KIND, id);
    return;
  }
  const posts = await db
    .selectFrom('network_posts')
    .select(['opening', 'body'])
    .where('thread_id', '=', threadId)
    .where('hidden_at', 'is', null)
    .orderBy('id')
    .execute();
  const opening = posts.filter((p) => p.opening).map((p) => p.body);
  const replies = posts.filter((p) => !p.opening).map((p) => p.body);
  await upsertSearchDocument(db, THREAD_KIND, {
    id,
    fields: [
      { text: thread.title, weight: 6 },
      { text: opening.join('\n'), weight: 3 },
      { text: replies.join('\n'), weight: 1 },
    ],
  });
  await upsertSearchDocument(db, THREAD_TITLE_KIND, { id, fields: [{ text: thread.title, weight: 6 }] });
}

/**
 * Brings the thread index up to date at start-up: indexes the threads that have no search document
 * yet (written before the index existed, or in a database moved in without it), and all threads when
 * their documents were made with another way of stemming than SEARCH_FORMAT (the state row of the
 * kind `thema` in `content_search_state` says which; ADR 0076, 0077). Every thread has both documents
 * once written, so a missing one means "never indexed". Returns how many threads were indexed. Each
 * batch is one transaction; a batch another instance indexed at the same moment fails alone and is
 * left to it, and the format is recorded only when every batch succeeded, so the next start tries again.
 */
export async function indexMissingThreads(db: Kysely<Database>, onError?: (error: unknown) => void): Promise<number> {
  const format = String(SEARCH_FORMAT);
  const state = await db.selectFrom('content_search_state').select('stamp').where('kind', '=', THREAD_KIND).executeTakeFirst();
  const [threads, full, titles] = [
    await db.selectFrom('network_threads').select('id').orderBy('id').execute(),
    await searchDocumentIds(db, THREAD_KIND),
    await searchDocumentIds(db, THREAD_TITLE_KIND),
  ];
  // No state row yet: the documents there are were written by code of this format (the row came
  // with it), so only the missing ones need indexing.
  const outdated = state !== undefined && state.stamp !== format;
  const due = threads.map((t) => t.id).filter((id) => outdated || !full.has(String(id)) || !titles.has(String(id)));
  let indexed = 0;
  let failed = false;
  for (let i = 0; i < due.length; i += 200) {
    const batch = due.slice(i, i + 200);
    try {
      await db.transaction().execute(async (trx) => {
        for (const id of batch) await indexThread(trx, id);
      });
      indexed += batch.length;
    } catch (error) {
      failed = true;
      onError?.(error);
    }
  }
  if (!failed && state?.stamp !== format)
    await db
      .insertInto('content_search_state')
      .values({ kind: THREAD_KIND, stamp: format })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ stamp: format }))
      .execute();
  return indexed;
}
