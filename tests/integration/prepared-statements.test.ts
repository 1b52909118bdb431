import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { keepPreparedStatements } from '../../db/client';

/** ADR 0088: the SQLite connection keeps prepared statements; nothing a query answers may change. */
describe('kept prepared statements', () => {
  let sqlite: SQLite.Database;
  afterEach(() => sqlite.close());

  it('reuses the statement of the same SQL text and prepares a different one anew', () => {
    sqlite = keepPreparedStatements(new SQLite(':memory:'));
    const first = sqlite.prepare('select 1 as one');
    expect(sqlite.prepare('select 1 as one')).toBe(first);
    expect(sqlite.prepare('select 2 as two')).not.toBe(first);
  });

  it('keeps only the most recently used texts', () => {
    sqlite = keepPreparedStatements(new SQLite(':memory:'), 2);
    const a = sqlite.prepare('select 1');
    const b = sqlite.prepare('select 2');
    expect(sqlite.prepare('select 1')).toBe(a); // now the most recent
    sqlite.prepare('select 3'); // drops `select 2`, the least recent
    expect(sqlite.prepare('select 1')).toBe(a);
    expect(sqlite.prepare('select 2')).not.toBe(b);
  });

  it('answers with fresh parameters, rows and schema each time through Kysely', async () => {
    sqlite = keepPreparedStatements(new SQLite(':memory:'));
    const db = new Kysely<{ t: { id: Generated<number>; name: string; extra?: string | null } }>({
      dialect: new SqliteDialect({ database: sqlite }),
    });
    await sql`create table t (id integer primary key, name text not null)`.execute(db);
    for (const name of ['a', 'b', 'c']) await db.insertInto('t').values({ name }).execute();
    const byName = (name: string) => db.selectFrom('t').selectAll().where('name', '=', name).execute();
    expect(await byName('b')).toEqual([{ id: 2, name: 'b' }]);
    expect(await byName('c')).toEqual([{ id: 3, name: 'c' }]);
    await db.updateTable('t').set({ name: 'z' }).where('id', '=', 3).execute();
    expect(await byName('c')).toEqual([]);
    // A column added after the statement was prepared is in the next answer.
    await sql`alter table t add column extra text`.execute(db);
    expect(await byName('b')).toEqual([{ id: 2, name: 'b', extra: null }]);
    // A failed run leaves the statement usable.
    await expect(db.insertInto('t').values({ id: 1, name: 'dup' }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await db.insertInto('t').values({ id: 9, name: 'neu' }).execute();
    expect(await byName('neu')).toEqual([{ id: 9, name: 'neu', extra: null }]);
    await db.destroy();
  });
});
