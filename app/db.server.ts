import { createDatabase, migrateToLatest, type DB } from '../db/client';
import { config } from './config.server';

// One connection per process; better-sqlite3 is synchronous, so there is nothing to pool.
const db = createDatabase(config.databaseFile);
const ready: Promise<DB> = migrateToLatest(db).then(() => db);

/** The migrated database. Migrations run once, when the server starts. */
export function getDb(): Promise<DB> {
  return ready;
}
