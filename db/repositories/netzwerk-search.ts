import type { Kysely, Transaction } from 'kysely';
import { dialectOf } from '../dialect';
import type { Database } from '../schema';
import { removeSearchDocument, upsertSearchDocument } from './content-search';

type Executor = Kysely<Database> | Transaction<Database>;

/*
 * The search index of the network's threads (issue 20 Nr. 3, ADR 0076) in the shared full-text table
 * of ADR 0071. Two documents per thread:
 *   - `thema`: title (weight 6), the opening post (3) and every reply (1), visible posts only;
 *   - `thema-titel`: the title alone, so the search can put threads whose title matches first
 *     (FTS5's bm25 weighs a title hit in a long thread below a body hit in a short one).
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

async function indexedIds(db: Executor, kind: string): Promise<Set<string>> {
  const rows = await db.selectFrom('content_search').select('doc_id').where('kind', '=', kind).execute();
  return new Set(rows.map((r) => r.doc_id));
}

/**
 * Indexes the threads that have no search document yet (those written before the index existed, or
 * by a database moved in without it); run at start-up. Every thread has both documents once written,
 * so a missing one means "never indexed". Returns how many threads were indexed. Each batch is one
 * transaction; a batch another instance indexed at the same moment fails alone and is left to it.
 */
export async function indexMissingThreads(db: Kysely<Database>, onError?: (error: unknown) => void): Promise<number> {
  const [threads, full, titles] = [
    await db.selectFrom('network_threads').select('id').orderBy('id').execute(),
    await indexedIds(db, THREAD_KIND),
    await indexedIds(db, THREAD_TITLE_KIND),
  ];
  const missing = threads.map((t) => t.id).filter((id) => !full.has(String(id)) || !titles.has(String(id)));
  let indexed = 0;
  for (let i = 0; i < missing.length; i += 200) {
    const batch = missing.slice(i, i + 200);
    try {
      await db.transaction().execute(async (trx) => {
        for (const id of batch) await indexThread(trx, id);
      });
      indexed += batch.length;
    } catch (error) {
      onError?.(error);
    }
  }
  return indexed;
}
