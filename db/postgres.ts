/**
 * PostgreSQL through Kysely's dialect and the `pg` pool (ADR 0033). The pool reads PostgreSQL's
 * own column types back in the shapes the repository code knows from SQLite, so no query needs a
 * second version: timestamptz as ISO-8601 UTC strings with milliseconds, date as `YYYY-MM-DD`,
 * boolean as 0/1, bigint/numeric (cents, counts, sums) as numbers, jsonb as its JSON text.
 */
import pg from 'pg';
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';
import type { Database } from './schema';

const OID = { bool: 16, int8: 20, json: 114, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700, jsonb: 3802 } as const;

/** `2026-12-04 10:24:47.12+00` (the session runs in UTC) → `2026-12-04T10:24:47.120Z`. */
export function isoTimestamp(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (!m) return new Date(text).toISOString();
  const ms = (m[3] ?? '').padEnd(3, '0').slice(0, 3);
  const offset = m[4];
  if (!offset || /^[+-]00(:?00)?$/.test(offset)) return `${m[1]}T${m[2]}.${ms}Z`;
  return new Date(`${m[1]}T${m[2]}.${ms}${offset.length === 3 ? `${offset}:00` : offset}`).toISOString();
}

const parsers: Record<number, (text: string) => unknown> = {
  [OID.bool]: (text) => (text === 't' ? 1 : 0),
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.json]: (text) => text,
  [OID.jsonb]: (text) => text,
  [OID.date]: (text) => text,
  [OID.timestamp]: isoTimestamp,
  [OID.timestamptz]: isoTimestamp,
};

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const jsonNulEscape = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * PostgreSQL stores no NUL character (text refuses the byte, jsonb the `\u0000` escape), which
 * SQLite keeps and a browser can send. It carries no meaning in any of our fields, so it is left
 * out of every string parameter rather than failing the save (ADR 0033).
 */
export function withoutNul(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const plain = value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
  return /^[[{]/.test(plain) && plain.includes('\\u0000') ? plain.replace(jsonNulEscape, '$1') : plain;
}

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Connections per instance: `DATABASE_POOL_SIZE`, default 10 (two cores; see docs/operations.md). */
export function poolSizeFromEnv(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/**
 * DATABASE_ACQUIRE_TIMEOUT_MS: how long a query waits for a connection (default 5 000). The e2e
 * server raises it for its instances, so that a burst of simultaneous requests on a busy test
 * machine queues instead of failing (issue 14.9); production keeps the quick 503.
 */
export function acquireTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DATABASE_ACQUIRE_TIMEOUT_MS);
  return Number.isInteger(n) && n > 0 ? n : 5_000;
}

export interface PostgresOptions {
  /** A schema to work in (created by the caller), e.g. a test's own; default: the URL's search_path. */
  schema?: string;
  poolSize?: number;
  /** Called when a pooled connection breaks (PostgreSQL restarted, network away); the pool replaces it. */
  onIdleError?: (error: Error) => void;
  /**
   * How long a query waits for a connection, a free one of the pool included (default 5 s, so a
   * database that is away is answered with 503 soon). Tests give a bound instead: on a busy machine
   * sixty transactions queueing for four connections wait longer than that.
   */
  acquireTimeoutMs?: number;
}

export function createPostgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const settings = ['-c TimeZone=UTC', ...(options.schema ? [`-c search_path=${options.schema}`] : [])];
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? poolSizeFromEnv(),
    types,
    options: settings.join(' '),
    // A database that is away answers within seconds (503), instead of requests queueing forever.
    connectionTimeoutMillis: options.acquireTimeoutMs ?? acquireTimeoutFromEnv(),
    idleTimeoutMillis: 30_000,
  });
  // The pool re-emits an idle client's error; the client's own listener below has reported it.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    // A connection that breaks while it is checked out (between the queries of a transaction)
    // emits 'error' on its client, where the pool listens only while it is idle: without this
    // listener the process would die. The next query on it fails (a storage fault, 503) and the
    // pool drops the broken client when it is released.
    client.on('error', (error) => options.onIdleError?.(error));
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) =>
      Array.isArray(values) ? query(text, values.map(withoutNul), ...rest) : query(text, values, ...rest);
  });
  return pool;
}

export function createPostgresDatabase(url: string, options: PostgresOptions = {}): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SchemaScopedPostgresDialect({ pool: createPostgresPool(url, options) }) });
}

/** Whether a PostgreSQL server answers at `url` within `timeoutMs` (for tests and the start-up message). */
export async function postgresReachable(url: string, timeoutMs = 2_000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message || String((error as { code?: string }).code) : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Kysely's PostgreSQL introspector reads every schema of the database and calls
 * `pg_get_serial_sequence` for each column; a schema dropped meanwhile (another installation, a
 * parallel test) makes that query fail, and with many schemas it is slow. The app introspects only
 * to find its migration tables, in the schema it works in: this introspector looks there alone,
 * in the catalog, without functions that resolve names. Columns are not listed (nothing asks).
 */
class SchemaScopedIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname`.execute(this.db);
    return rows
      .filter((r) => options.withInternalKyselyTables || !r.name.startsWith('kysely_'))
      .map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

class SchemaScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SchemaScopedIntrospector(db);
  }
}
