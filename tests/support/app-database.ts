import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { DB } from '../../db/client';
import { seedDemoData } from '../../db/seed';
import { postgresPlace, SQLITE_SEEDED_TEMPLATE_VARIABLE } from './database-templates';
import { testDialect } from './postgres';

/** The public address the app modules see in these tests (links in e-mails start with it). */
export const TEST_PUBLIC_URL = 'https://foerderlotse.test.example';

const variables = ['DATABASE_FILE', 'DATABASE_URL', 'DATABASE_SCHEMA', 'SESSION_SECRET', 'PUBLIC_URL', 'LOG_LEVEL', 'UPLOAD_DIR'] as const;

/**
 * Gives the server modules of app/ (which open their database when first imported) a fresh,
 * migrated and seeded database in a temporary folder: the environment points there and the module
 * registry is reset, so every module the test imports dynamically afterwards – `await
 * import('../../app/regelwerk/workbench.server')` – uses it, with fresh caches. Import app modules only
 * dynamically, after this call. `cleanup` closes the database and restores the environment.
 */
export async function appDatabase(): Promise<{ db: DB; cleanup: () => Promise<void> }> {
  const saved = Object.fromEntries(variables.map((v) => [v, process.env[v]]));
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-app-test-'));
  process.env.DATABASE_FILE = join(dir, 'app.sqlite');
  // The run's migrated template when there is one (getDb then finds nothing to migrate).
  const sqliteTemplate = process.env[SQLITE_SEEDED_TEMPLATE_VARIABLE];
  if (testDialect === 'sqlite' && sqliteTemplate) copyFileSync(sqliteTemplate, process.env.DATABASE_FILE);
  const postgres = testDialect === 'postgres' ? await postgresPlace({ seeded: true }) : null;
  if (postgres) {
    process.env.DATABASE_URL = postgres.url;
    process.env.DATABASE_SCHEMA = postgres.schema;
  } else {
    delete process.env.DATABASE_URL;
    delete process.env.DATABASE_SCHEMA;
  }
  process.env.UPLOAD_DIR = join(dir, 'uploads');
  process.env.SESSION_SECRET = 'test-secret-for-the-app-modules-only';
  process.env.PUBLIC_URL = `${TEST_PUBLIC_URL}/`;
  process.env.LOG_LEVEL = 'silent';
  vi.resetModules();
  const { getDb } = await import('../../app/db.server');
  const db = await getDb();
  await seedDemoData(db);
  return {
    db,
    cleanup: async () => {
      await db.destroy();
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
      for (const v of variables) {
        if (saved[v] === undefined) delete process.env[v];
        else process.env[v] = saved[v];
      }
    },
  };
}
