import { openDatabase, migrateToLatest, type DB } from '../db/client';
import { indexMissingThreads } from '../db/repositories/netzwerk-search';
import { log } from './utils/log.server';

// SQLite: one connection per process (better-sqlite3 is synchronous, there is nothing to pool).
// PostgreSQL (DATABASE_URL): one pool per process, DATABASE_POOL_SIZE connections.
let ready: Promise<DB> | undefined;

/**
 * The migrated database. Opened and migrated once, when the server starts (startup() in
 * entry.server), so a database that cannot be opened stops the start with a clear message.
 */
export function getDb(): Promise<DB> {
  ready ??= (async () => {
    const db = openDatabase(process.env, {
      onIdleError: (error) => log('warn', 'db.connection_lost', { message: error.message }),
    });
    try {
      await migrateToLatest(db);
    } catch (error) {
      await db.destroy().catch(() => {});
      ready = undefined;
      throw error;
    }
    await indexNetworkThreads(db);
    return db;
  })();
  return ready;
}

/**
 * Threads written before the thread search existed get their search documents (ADR 0076). Not a
 * migration: migrations never import app code, and the index is made by our stemmer. A failure is
 * logged and does not stop the start (the next start tries again); the search then misses those threads.
 */
async function indexNetworkThreads(db: DB): Promise<void> {
  try {
    const indexed = await indexMissingThreads(db, (error) =>
      log('warn', 'netzwerk.search_backfill_failed', { message: error instanceof Error ? error.message : String(error) }),
    );
    if (indexed) log('info', 'netzwerk.search_backfilled', { threads: indexed });
  } catch (error) {
    log('warn', 'netzwerk.search_backfill_failed', { message: error instanceof Error ? error.message : String(error) });
  }
}
