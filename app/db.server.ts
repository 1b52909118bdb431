import { openDatabase, migrateToLatest, type DB } from '../db/client';
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
    return db;
  })();
  return ready;
}
