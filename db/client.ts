import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type DB = Kysely<Database>;

export const defaultDatabaseFile = 'data/foerderlotse.sqlite';

export function databaseFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATABASE_FILE || defaultDatabaseFile);
}

/** Where uploaded attachments are stored: `UPLOAD_DIR`, else `uploads/` beside the database file. */
export function uploadDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.UPLOAD_DIR || join(dirname(databaseFileFromEnv(env)), 'uploads'));
}

/**
 * Opens the SQLite file (creating its folder), in WAL mode with foreign keys enforced and a busy
 * timeout, so a second process (backup, CLI) waits instead of failing.
 */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

export function createDatabase(file: string): DB {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(file) }) });
}

const inlineProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export async function migrateToLatest(db: DB): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: inlineProvider });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unbekannt)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}
