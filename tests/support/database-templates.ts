import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { copyFileSync } from 'node:fs';
import { createDatabase, migrateToLatest } from '../../db/client';
import { seedDemoData } from '../../db/seed';
import { createPostgresDatabase } from '../../db/postgres';
import { defaultTestPostgresUrl, postgresUnavailable } from '../../scripts/postgres-reachable.mjs';
import { freshSchema, testPostgresUrl } from './postgres';
import {
  adminQuery,
  createPoolTable,
  dropPool,
  preparePoolTemplate,
  returnPooledDatabase,
  takePooledDatabase,
  TEST_ACQUIRE_TIMEOUT_MS,
  withClient,
} from './postgres-pool';

export { adminQuery, TEST_ACQUIRE_TIMEOUT_MS };

/*
 * vitest global setup: migrates one template database per run and dialect, so that `tempDatabase()`
 * copies it per test instead of running every migration again (issue 21 Nr. 4: the migrations were
 * 1–3 s of each integration test). SQLite: a migrated file, copied. PostgreSQL: a database that is
 * the TEMPLATE of each test's own database. The locations travel to the test processes in the
 * environment; without them (a test file run some other way) tempDatabase migrates as before.
 */

export const SQLITE_TEMPLATE_VARIABLE = 'FOERDERLOTSE_TEST_SQLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_VARIABLE = 'FOERDERLOTSE_TEST_POSTGRES_TEMPLATE';
/** The same with the demo data seeded (accounts with hashed passwords, the call, events, content). */
export const SQLITE_SEEDED_TEMPLATE_VARIABLE = 'FOERDERLOTSE_TEST_SQLITE_SEEDED_TEMPLATE';
export const POSTGRES_SEEDED_TEMPLATE_VARIABLE = 'FOERDERLOTSE_TEST_POSTGRES_SEEDED_TEMPLATE';
/** The table in the test database that lists the run's pooled copies of both templates (ADR 0091). */
export const POSTGRES_POOL_VARIABLE = 'FOERDERLOTSE_TEST_POSTGRES_POOL';
/** The schema the app works in inside each test's PostgreSQL database. */
export const TEMPLATE_SCHEMA = 'app';
/** Names of databases made by the tests: `<prefix>_<base36 time>_<random>`. */
export const TEMPLATE_PREFIX = 'tmpl';
export const TEST_DATABASE_PREFIX = 'tdb';

export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(16).slice(2, 10)}`;
}

/**
 * Where a test's PostgreSQL database is: a copy of the run's template (the seeded one with
 * `seeded`) from the run's pool, else – run without the global setup – a fresh schema of the test
 * database, which the caller migrates; `drop` gives the copy back to the pool (reset to the
 * template, or dropped when a test changed its structure; tests/support/postgres-pool.ts) or
 * removes the schema.
 */
export async function postgresPlace(
  options: { seeded?: boolean } = {},
): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  const template = process.env[options.seeded ? POSTGRES_SEEDED_TEMPLATE_VARIABLE : POSTGRES_TEMPLATE_VARIABLE];
  const pool = process.env[POSTGRES_POOL_VARIABLE];
  if (template && pool) {
    const name = await takePooledDatabase(testPostgresUrl, pool, template, () => uniqueName(TEST_DATABASE_PREFIX));
    const url = databaseUrl(testPostgresUrl, name);
    return {
      url,
      schema: TEMPLATE_SCHEMA,
      drop: async () => {
        await returnPooledDatabase(testPostgresUrl, pool, name, url);
      },
    };
  }
  const { schema, drop } = await freshSchema();
  return { url: testPostgresUrl, schema, drop };
}

/**
 * What a test run left behind when it was killed: test databases, templates and pool tables older
 * than six hours (their names carry the time they were made).
 */
async function dropLeftovers(url: string): Promise<void> {
  const cutoff = Date.now() - 6 * 3600_000;
  const old = (name: string) => Number.parseInt(name.split('_')[1]!, 36) < cutoff;
  const made = '_[0-9a-z]+_[0-9a-f]+';
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname ~ '^(${TEMPLATE_PREFIX}|${TEST_DATABASE_PREFIX})${made}$'`,
    );
    for (const { datname } of rows.filter((r) => old(r.datname)))
      await client.query(`drop database if exists ${datname} with (force)`).catch(() => {});
    const { rows: tables } = await client.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' and tablename ~ '^${TEMPLATE_PREFIX}${made}_pool$'`,
    );
    for (const { tablename } of tables.filter((t) => old(t.tablename)))
      await client.query(`drop table if exists ${tablename}`).catch(() => {});
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-template-'));
  const file = join(dir, 'template.sqlite');
  const sqlite = createDatabase(file);
  await migrateToLatest(sqlite);
  await sqlite.destroy();
  process.env[SQLITE_TEMPLATE_VARIABLE] = file;
  const seededFile = join(dir, 'seeded.sqlite');
  copyFileSync(file, seededFile);
  const seeded = createDatabase(seededFile);
  await seedDemoData(seeded);
  await seeded.destroy();
  process.env[SQLITE_SEEDED_TEMPLATE_VARIABLE] = seededFile;

  const url: string = process.env.TEST_DATABASE_URL || defaultTestPostgresUrl;
  let template: string | null = null;
  let seededTemplate: string | null = null;
  let pool: string | null = null;
  if (process.env.TEST_POSTGRES !== 'off' && !(await postgresUnavailable(url))) {
    await dropLeftovers(url);
    template = uniqueName(TEMPLATE_PREFIX);
    await adminQuery(url, `create database ${template}`);
    const db = createPostgresDatabase(databaseUrl(url, template), { schema: TEMPLATE_SCHEMA, poolSize: 1 });
    await sql`create schema ${sql.id(TEMPLATE_SCHEMA)}`.execute(db);
    await migrateToLatest(db);
    await db.destroy();
    process.env[POSTGRES_TEMPLATE_VARIABLE] = template;
    seededTemplate = uniqueName(TEMPLATE_PREFIX);
    await adminQuery(url, `create database ${seededTemplate} template ${template}`);
    const seededDb = createPostgresDatabase(databaseUrl(url, seededTemplate), { schema: TEMPLATE_SCHEMA, poolSize: 1 });
    await seedDemoData(seededDb);
    await seededDb.destroy();
    process.env[POSTGRES_SEEDED_TEMPLATE_VARIABLE] = seededTemplate;
    await preparePoolTemplate(databaseUrl(url, template), TEMPLATE_SCHEMA);
    await preparePoolTemplate(databaseUrl(url, seededTemplate), TEMPLATE_SCHEMA);
    pool = `${template}_pool`;
    await createPoolTable(url, pool);
    process.env[POSTGRES_POOL_VARIABLE] = pool;
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pool) await dropPool(url, pool);
    for (const name of [seededTemplate, template]) if (name) await adminQuery(url, `drop database if exists ${name} with (force)`);
  };
}
