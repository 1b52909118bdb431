import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, SqliteDialect, sql, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index';
import { dialectOf } from './dialect';
import { createPostgresDatabase, isPostgresUrl, type PostgresOptions } from './postgres';
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

export type Synchronous = 'NORMAL' | 'FULL';

/**
 * How hard a commit waits for the disk (ADR 0030): `FULL` by default, so an acknowledged save
 * survives a power loss as well as a crash of the process; `DATABASE_SYNCHRONOUS=NORMAL` trades
 * the last commits before a power loss for speed (a crash of the process still loses nothing).
 */
export function synchronousFromEnv(env: NodeJS.ProcessEnv = process.env): Synchronous {
  const value = (env.DATABASE_SYNCHRONOUS || 'FULL').toUpperCase();
  if (value !== 'NORMAL' && value !== 'FULL') {
    throw new Error(`DATABASE_SYNCHRONOUS muss NORMAL oder FULL sein, nicht "${env.DATABASE_SYNCHRONOUS}".`);
  }
  return value;
}

/**
 * Opens the SQLite file (creating its folder), in WAL mode with foreign keys enforced and a busy
 * timeout, so a second process (backup, CLI) waits instead of failing.
 */
export function openSqlite(file: string, synchronous: Synchronous = synchronousFromEnv()): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${synchronous}`);
  return sqlite;
}

/**
 * SQLite rolls a transaction back by itself after some errors (a full disk, an I/O error); the
 * ROLLBACK Kysely then sends fails with "no transaction is active" and would hide the real error,
 * which decides the answer (a storage fault is a 503 with the input kept, not a 500).
 *
 * Every transaction begins IMMEDIATE, taking the write lock at its start (ADR 0097). A deferred one
 * reads first and takes the lock at its first write; when another process (a CLI command such as
 * db:housekeeping, the end-to-end tests' helpers) wrote in between, SQLite refuses that write at once with
 * SQLITE_BUSY_SNAPSHOT, without waiting out the busy timeout, and the user got a 503. Within this
 * process Kysely runs one query at a time on the one connection anyway, so nothing waits longer.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver() {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/**
 * Kysely's SQLite driver prepares every query anew, and preparing costs as much as running a
 * small query (ADR 0088). The statements of the most recent distinct SQL texts are kept and
 * reused: better-sqlite3 binds fresh parameters on each run, re-prepares by itself after a schema
 * change, and runs synchronously, so a kept statement is never in use twice at once (Kysely's
 * `stream()` would be, and the app does not use it).
 */
export function keepPreparedStatements(sqlite: SQLite.Database, max = 500): SQLite.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = kept.get(source);
    if (hit) {
      // Most recently used last: the first entry is the one to drop.
      kept.delete(source);
      kept.set(source, hit);
      return hit;
    }
    const statement = prepare(source);
    kept.set(source, statement);
    if (kept.size > max) kept.delete(kept.keys().next().value!);
    return statement;
  }) as SQLite.Database['prepare'];
  return sqlite;
}

export function createDatabase(file: string): DB {
  return new Kysely<Database>({ dialect: new SqliteDialectKeepingErrors(keepPreparedStatements(openSqlite(file))) });
}

/** `DATABASE_URL=postgres://…` selects PostgreSQL (ADR 0033); without it the SQLite file is used. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.DATABASE_URL?.trim();
  if (!url) return null;
  if (!isPostgresUrl(url)) {
    throw new Error(
      `DATABASE_URL muss mit postgres:// oder postgresql:// beginnen (für SQLite DATABASE_URL weglassen und DATABASE_FILE setzen), nicht "${url.replace(/:[^:@/]*@/, ':***@')}".`,
    );
  }
  return url;
}

/** The database the environment names: PostgreSQL at DATABASE_URL, else the SQLite file DATABASE_FILE. */
export function openDatabase(env: NodeJS.ProcessEnv = process.env, options: PostgresOptions = {}): DB {
  const url = databaseUrlFromEnv(env);
  return url
    ? createPostgresDatabase(url, { schema: env.DATABASE_SCHEMA || undefined, ...options })
    : createDatabase(databaseFileFromEnv(env));
}

/** Where the database is, for messages (the password of a URL left out). */
export function describeDatabase(env: NodeJS.ProcessEnv = process.env): string {
  const url = databaseUrlFromEnv(env);
  return url ? url.replace(/:[^:@/]*@/, ':***@') : databaseFileFromEnv(env);
}

const inlineProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** Migrations recorded in the database that this release does not have: it was written by a newer one. */
async function unknownMigrations(db: DB, schema: string | undefined): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration' && (!schema || t.schema === schema))) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name).filter((name) => !(name in migrations));
}

export class NewerDatabaseError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `Die Datenbank stammt aus einer neueren Version des Förderlotsen (ihr unbekannte Migrationen: ${unknown.join(', ')}). ` +
        'Diese Version verwendet sie nicht und hat nichts an ihr geändert. Starten Sie die neuere Version oder spielen Sie eine Sicherung ' +
        'aus der Zeit vor dem Update ein (npm run db:restore).',
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * Runs the pending migrations. Refuses, before writing anything, a database that a newer release
 * has migrated further (running older code on it could damage data the newer schema holds).
 */
export async function migrateToLatest(db: DB): Promise<MigrationResultSet> {
  // PostgreSQL: the migration tables live in the schema the connection works in (a test's own).
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const unknown = await unknownMigrations(db, schema);
  if (unknown.length) throw new NewerDatabaseError(unknown);
  // On PostgreSQL all pending migrations run in one transaction under Kysely's lock: two instances
  // starting at once migrate once, and a migration failing halfway leaves nothing behind.
  const migrator = new Migrator({ db, provider: inlineProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unbekannt)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

const storageFaultCodes = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|PROTOCOL)/;
const fileSystemFaultCodes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EFBIG']);
// PostgreSQL away or unable to write: connection refused/reset, connection exceptions (08…),
// shutting down or starting (57P01–57P03), out of disk or connections (53…), read-only (25006).
const networkFaultCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const postgresFaultCodes = /^(08...|57P0[123]|53...|25006)$/;
const postgresFaultMessages = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error means the database cannot be reached at all (PostgreSQL stopped, restarting,
 * the network between away) rather than a full or read-only disk: the 503 page says so.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = 'message' in error ? String((error as { message: unknown }).message) : '';
  return (
    networkFaultCodes.has(code) ||
    /^(08...|57P0[123])$/.test(code) ||
    postgresFaultMessages.test(message) ||
    ('cause' in error && isDatabaseUnreachable(error.cause))
  );
}

/**
 * Whether an error means the storage cannot take a write right now (disk full, file or file system
 * read-only, I/O error, locked past the busy timeout) rather than a fault of the program or the
 * input: such a request is answered 503 with the input kept, and nothing was written (every write
 * is one transaction).
 */
export function isStorageFault(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = 'message' in error ? String((error as { message: unknown }).message) : '';
  return (
    storageFaultCodes.test(code) ||
    fileSystemFaultCodes.has(code) ||
    networkFaultCodes.has(code) ||
    postgresFaultCodes.test(code) ||
    postgresFaultMessages.test(message) ||
    ('cause' in error && isStorageFault(error.cause))
  );
}
