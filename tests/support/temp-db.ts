import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { createPostgresDatabase } from '../../db/postgres';
import {
  adminQuery,
  databaseUrl,
  POSTGRES_SEEDED_TEMPLATE_VARIABLE,
  POSTGRES_TEMPLATE_VARIABLE,
  SQLITE_SEEDED_TEMPLATE_VARIABLE,
  SQLITE_TEMPLATE_VARIABLE,
  TEMPLATE_SCHEMA,
  TEST_ACQUIRE_TIMEOUT_MS,
  TEST_DATABASE_PREFIX,
  uniqueName,
} from './database-templates';
import { freshSchema, testDialect, testPostgresUrl } from './postgres';

/**
 * A migrated database (with `seeded`: a copy of the seeded template, so the caller's
 * `seedDemoData` finds everything there and only checks) in a fresh temporary folder (SQLite), or a database of its own on the test
 * PostgreSQL server when this project runs on PostgreSQL; `cleanup` removes it. Both are copies of
 * the template the global setup migrated once per run (tests/support/database-templates.ts); run
 * without it, the database is migrated here.
 */
export async function tempDatabase(
  options: { seeded?: boolean } = {},
): Promise<{ db: DB; file: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-test-'));
  const file = join(dir, 'test.sqlite');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (testDialect === 'postgres') {
    const template = process.env[options.seeded ? POSTGRES_SEEDED_TEMPLATE_VARIABLE : POSTGRES_TEMPLATE_VARIABLE];
    if (template) {
      const name = uniqueName(TEST_DATABASE_PREFIX);
      await adminQuery(testPostgresUrl, `create database ${name} template ${template}`);
      const db = createPostgresDatabase(databaseUrl(testPostgresUrl, name), {
        schema: TEMPLATE_SCHEMA,
        poolSize: 4,
        acquireTimeoutMs: TEST_ACQUIRE_TIMEOUT_MS,
      });
      // A no-op unless a migration was added while the run was going on.
      await migrateToLatest(db);
      return {
        db,
        file,
        dir,
        cleanup: async () => {
          await db.destroy();
          await adminQuery(testPostgresUrl, `drop database if exists ${name} with (force)`);
          remove();
        },
      };
    }
    const { schema, drop } = await freshSchema();
    const db = createPostgresDatabase(testPostgresUrl, { schema, poolSize: 4, acquireTimeoutMs: TEST_ACQUIRE_TIMEOUT_MS });
    await migrateToLatest(db);
    return {
      db,
      file,
      dir,
      cleanup: async () => {
        await db.destroy();
        await drop();
        remove();
      },
    };
  }
  const template = process.env[options.seeded ? SQLITE_SEEDED_TEMPLATE_VARIABLE : SQLITE_TEMPLATE_VARIABLE];
  if (template) copyFileSync(template, file);
  const db = createDatabase(file);
  await migrateToLatest(db);
  return {
    db,
    file,
    dir,
    cleanup: async () => {
      await db.destroy();
      remove();
    },
  };
}

export type TempDatabase = Awaited<ReturnType<typeof tempDatabase>>;

/**
 * A fresh database for every test of the file: made before each test and handed to `use` (which
 * keeps what the tests need, and may seed), removed after it.
 */
export function databaseForEachTest(use: (fresh: TempDatabase) => void | Promise<void>, options: { seeded?: boolean } = {}): void {
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const fresh = await tempDatabase(options);
    cleanup = fresh.cleanup;
    await use(fresh);
  });
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });
}
