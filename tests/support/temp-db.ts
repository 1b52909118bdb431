import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { createPostgresDatabase } from '../../db/postgres';
import { freshSchema, testDialect, testPostgresUrl } from './postgres';

/**
 * A migrated database in a fresh temporary folder (SQLite), or in a fresh schema of the test
 * database when this project runs on PostgreSQL; `cleanup` removes it.
 */
export async function tempDatabase(): Promise<{ db: DB; file: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-test-'));
  const file = join(dir, 'test.sqlite');
  if (testDialect === 'postgres') {
    const { schema, drop } = await freshSchema();
    const db = createPostgresDatabase(testPostgresUrl, { schema, poolSize: 4 });
    await migrateToLatest(db);
    return {
      db,
      file,
      dir,
      cleanup: async () => {
        await db.destroy();
        await drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const db = createDatabase(file);
  await migrateToLatest(db);
  return {
    db,
    file,
    dir,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
