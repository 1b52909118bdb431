import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { createPostgresDatabase } from '../../db/postgres';
import { postgresPlace, SQLITE_SEEDED_TEMPLATE_VARIABLE, SQLITE_TEMPLATE_VARIABLE, TEST_ACQUIRE_TIMEOUT_MS } from './database-templates';
import { testDialect } from './postgres';

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
    const place = await postgresPlace(options);
    const db = createPostgresDatabase(place.url, { schema: place.schema, poolSize: 4, acquireTimeoutMs: TEST_ACQUIRE_TIMEOUT_MS });
    // On a copy of the template a no-op (unless a migration was added while the run was going on).
    await migrateToLatest(db);
    return {
      db,
      file,
      dir,
      cleanup: async () => {
        await db.destroy();
        await place.drop();
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
