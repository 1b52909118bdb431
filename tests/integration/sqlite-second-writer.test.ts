import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type DB } from '../../db/client';
import { tempDatabase } from '../support/temp-db';

/**
 * A second process on the same SQLite file (a CLI command, a backup, the end-to-end tests' helpers)
 * writes while a request's transaction is open. The request's transaction begins IMMEDIATE (ADR
 * 0097): it waits for the other writer instead of failing with SQLITE_BUSY_SNAPSHOT, which the app
 * answers as a storage fault (503). Two connections stand in for the two processes: better-sqlite3
 * runs synchronously, so the second one's write has to happen while the first holds no lock yet.
 */
const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
let file: string;
let app: DB;
let other: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const temp = await tempDatabase();
  app = temp.db;
  file = temp.file;
  other = createDatabase(temp.file);
  cleanup = async () => {
    await other.destroy();
    await temp.cleanup();
  };
});
afterEach(() => cleanup());

const value = async (db: DB) => (await sql<{ value: string }>`select value from second_writer where id = 1`.execute(db)).rows[0]?.value;

describe('a second process writing to the SQLite file', () => {
  it('a transaction that reads, lets the other process write, then writes, succeeds and keeps both writes', async () => {
    await sql`create table second_writer (id integer primary key, value text not null)`.execute(app);
    await sql`insert into second_writer (id, value) values (1, '0')`.execute(app);
    const seen = await app.transaction().execute(async (trx) => {
      const before = await value(trx);
      // The other process tries to write now. With the write lock taken at BEGIN it cannot: it gives up
      // after a short busy timeout instead of slipping in between the read and the write below.
      await sql`pragma busy_timeout = 50`.execute(other);
      const refused = await sql`update second_writer set value = value || '+other' where id = 1`.execute(other).then(
        () => null,
        (error: { code?: string }) => error.code,
      );
      await sql`update second_writer set value = value || '+app' where id = 1`.execute(trx);
      return { before, refused };
    });
    expect(seen).toEqual({ before: '0', refused: 'SQLITE_BUSY' });
    await sql`update second_writer set value = value || '+other' where id = 1`.execute(other);
    expect(await value(app)).toBe('0+app+other');
  });

  it('a request that begins while another process holds the write lock waits for it and then writes', async () => {
    await sql`create table second_writer (id integer primary key, value text not null)`.execute(app);
    await sql`insert into second_writer (id, value) values (1, '0')`.execute(app);
    // A real second process: takes the write lock, says so, writes, holds the lock 300 ms, commits.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require(${JSON.stringify(betterSqlite)}))(${JSON.stringify(file)});
         db.pragma('busy_timeout = 5000');
         db.exec('begin immediate');
         process.stdout.write('locked\\n');
         db.exec("update second_writer set value = value || '+other' where id = 1");
         const until = Date.now() + 300; while (Date.now() < until);
         db.exec('commit');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    // The app's transaction reads, then writes: it waits out the other's lock and sees its write.
    await app.transaction().execute(async (trx) => {
      const before = await value(trx);
      await sql`update second_writer set value = ${`${before}+app`} where id = 1`.execute(trx);
    });
    expect(await exited).toBe(0);
    expect(await value(app)).toBe('0+other+app');
  });
});
