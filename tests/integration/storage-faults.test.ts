import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStorageFault, type DB } from '../../db/client';
import { tempDatabase } from '../support/temp-db';

/**
 * What the app relies on when the storage refuses a write (tests/http/storage-faults.spec.ts shows
 * the pages): the error that reaches the app is the storage's own, recognisable as such, and the
 * transaction left nothing behind. SQLite's own limits stand in for a full disk and a read-only file.
 */
let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await tempDatabase());
});
afterEach(() => cleanup());

const count = async () => Number((await sql<{ n: number }>`select count(*) as n from audit_events`.execute(db)).rows[0]!.n);

async function writeMuch() {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 50; i += 1) {
      await trx
        .insertInto('audit_events')
        .values({
          at: new Date().toISOString(),
          actor_user_id: null,
          action: 'test',
          subject_type: 'test',
          subject_id: String(i),
          details: 'x'.repeat(20_000),
        })
        .execute();
    }
  });
}

describe('storage faults', () => {
  it('a full database (no page left) fails with SQLITE_FULL itself, not a failed ROLLBACK, and writes nothing', async () => {
    const pages = Number((await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count);
    await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(db);
    const before = await count();
    const error = await writeMuch().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    expect(isStorageFault(error)).toBe(true);
    expect(await count()).toBe(before);
  });

  it('a database that refuses writes fails with SQLITE_READONLY and writes nothing', async () => {
    await sql`pragma query_only = 1`.execute(db);
    const error = await writeMuch().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(isStorageFault(error)).toBe(true);
    await sql`pragma query_only = 0`.execute(db);
    expect(await count()).toBe(0);
  });

  it('programming errors and bad input are not storage faults', () => {
    expect(isStorageFault(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageFault(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isStorageFault(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(true);
    expect(
      isStorageFault(new Error('Migration failed', { cause: Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }) })),
    ).toBe(true);
  });
});
