/**
 * The one place where SQLite and PostgreSQL differ (ADR 0033). Repository functions are written
 * once in Kysely; where the SQL itself must differ they ask this module, never check the dialect
 * themselves.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which dialect a database handle (or a transaction of it) talks. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Comma-separated values of an integer column in a group (SQLite `group_concat`, PostgreSQL `string_agg`). */
export function groupConcat(db: Kysely<any>, column: string): RawBuilder<string | null> {
  return dialectOf(db) === 'postgres'
    ? sql<string | null>`string_agg(${sql.ref(column)}::text, ',')`
    : sql<string | null>`group_concat(${sql.ref(column)})`;
}

/**
 * The elements of a JSON array column as rows with one column `value`, for a `from` list
 * (SQLite `json_each`, PostgreSQL `jsonb_array_elements_text`).
 */
export function jsonArrayValues(db: Kysely<any>, column: string, alias: string): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres'
    ? sql`jsonb_array_elements_text(${sql.ref(column)}) as ${sql.id(alias)}(value)`
    : sql`json_each(${sql.ref(column)}) as ${sql.id(alias)}`;
}

/**
 * A stable 32-bit key for an advisory lock name (the same in every process). Advisory locks belong
 * to the whole database, so the lock functions below pair the key with the schema the connection
 * works in: two installations (or two parallel test runs) in one database never block each other.
 */
function lockKey(name: string): number {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) | 0;
  return hash;
}

/**
 * Inside a transaction: waits until no other transaction (of any app instance) holds the section
 * `name`, and keeps it until commit or rollback. For read-then-write steps a row lock cannot
 * cover (the next publication number). SQLite needs nothing: it has one writer at a time.
 */
export async function lockSection(trx: Kysely<any>, name: string): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(current_schema()), ${lockKey(name)})`.execute(trx);
}

/**
 * Runs `work` unless another process is running the job `name` right now (PostgreSQL session
 * advisory lock, held on one pooled connection for the duration); returns `skipped` then. With
 * SQLite there is one process, so the job always runs.
 */
export async function runExclusively<T>(
  db: Kysely<any>,
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (dialectOf(db) !== 'postgres') return { ran: true, result: await work() };
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(hashtext(current_schema()), ${lockKey(name)}) as locked`.execute(connection);
    if (!rows[0]?.locked) return { ran: false as const };
    try {
      return { ran: true as const, result: await work() };
    } finally {
      await sql`select pg_advisory_unlock(hashtext(current_schema()), ${lockKey(name)})`.execute(connection);
    }
  });
}

/**
 * Whether an error is a transient conflict between concurrent transactions that the same work
 * may simply retry: PostgreSQL serialization failure or deadlock, SQLite busy past its timeout.
 */
/** A unique index refused the row, on SQLite and PostgreSQL alike (two requests inserting the same key at once). */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String((error as { code: unknown }).code) : '';
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY' || ('cause' in error && isRetryableConflict(error.cause));
}

/** Runs `work` again (up to `attempts` times) when it fails with a retryable conflict. */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.floor(Math.random() * 10)));
    }
  }
}
