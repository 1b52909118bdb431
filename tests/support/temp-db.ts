import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';

/** A migrated database in a fresh temporary folder; `cleanup` removes it. */
export async function tempDatabase(): Promise<{ db: DB; file: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-test-'));
  const file = join(dir, 'test.sqlite');
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
