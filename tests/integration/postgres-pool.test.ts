import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  POSTGRES_POOL_VARIABLE,
  POSTGRES_SEEDED_TEMPLATE_VARIABLE,
  databaseUrl,
  TEST_DATABASE_PREFIX,
  uniqueName,
} from '../support/database-templates';
import { testPostgresUrl } from '../support/postgres';
import { resetPooledDatabase, returnPooledDatabase, takePooledDatabase } from '../support/postgres-pool';

/*
 * The pool of PostgreSQL test databases (ADR 0091): a database a test is done with comes back exactly
 * as the template left it, or not at all. Runs in the project postgres only (vitest.config.ts).
 */

const pool = process.env[POSTGRES_POOL_VARIABLE]!;
const template = process.env[POSTGRES_SEEDED_TEMPLATE_VARIABLE]!;

const open: pg.Client[] = [];
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // A connection the pool ends (as it does with connections a test left open) must not crash the file.
  client.on('error', () => {});
  await client.connect();
  open.push(client);
  return client;
}
afterEach(async () => {
  for (const client of open.splice(0)) await client.end().catch(() => {});
});

async function state(client: pg.Client) {
  const { rows: users } = await client.query<{ email: string; id: number }>('select id, email from app.users order by id');
  const { rows: counts } = await client.query<{ events: string; organisations: string; audit: string }>(
    'select (select count(*) from app.events) as events, (select count(*) from app.organisations) as organisations, (select count(*) from app.audit_events) as audit',
  );
  return { users, counts: counts[0] };
}

async function databaseExists(name: string): Promise<boolean> {
  const admin = await connect(testPostgresUrl);
  const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  return rows.length === 1;
}

describe('the pool of PostgreSQL test databases', () => {
  it('is set up by the global setup of this run', () => {
    expect(pool).toMatch(/^tmpl_[0-9a-z]+_[0-9a-f]+_pool$/);
    expect(template).toMatch(/^tmpl_/);
  });

  it('a database given back holds the template’s rows and sequence values again, whatever the test did', async () => {
    const name = await takePooledDatabase(testPostgresUrl, pool, template, () => uniqueName(TEST_DATABASE_PREFIX));
    const url = databaseUrl(testPostgresUrl, name);
    const client = await connect(url);
    const before = await state(client);
    expect(before.users.length).toBeGreaterThan(3);
    expect(Number(before.counts!.events)).toBeGreaterThan(0);

    // What a test might do: add, change and delete rows (across foreign keys), draw from sequences.
    await client.query(
      `insert into app.users (email, name, password_hash, role, created_at) values ('neu@test.example', 'Neu', 'x', 'advisor', now())`,
    );
    await client.query(`update app.users set name = 'Geändert' where id = $1`, [before.users[0]!.id]);
    await client.query('delete from app.events');
    const { rows: drawn } = await client.query<{ id: number }>(
      `insert into app.users (email, name, password_hash, role, created_at) values ('zwei@test.example', 'Zwei', 'x', 'advisor', now()) returning id`,
    );
    expect(drawn[0]!.id).toBeGreaterThan(before.users.at(-1)!.id);
    await client.end();

    expect(await resetPooledDatabase(url)).toBe(true);
    const again = await connect(url);
    expect(await state(again)).toEqual(before);
    const { rows: names } = await again.query<{ name: string }>('select name from app.users where id = $1', [before.users[0]!.id]);
    expect(names[0]!.name).not.toBe('Geändert');
    // The sequence starts where it started in the template: the next user gets the id the test's first user got.
    const { rows: next } = await again.query<{ id: number }>(
      `insert into app.users (email, name, password_hash, role, created_at) values ('drei@test.example', 'Drei', 'x', 'advisor', now()) returning id`,
    );
    expect(next[0]!.id).toBe(drawn[0]!.id - 1);
    await again.end();

    expect(await returnPooledDatabase(testPostgresUrl, pool, name, url)).toBe('returned');
    expect(await databaseExists(name)).toBe(true);
  });

  it('a database whose structure a test changed is dropped, not given to the next test', async () => {
    const name = await takePooledDatabase(testPostgresUrl, pool, template, () => uniqueName(TEST_DATABASE_PREFIX));
    const url = databaseUrl(testPostgresUrl, name);
    const client = await connect(url);
    await client.query('alter table app.users add column extra text');
    // A connection the test left open does not keep the database from going.
    expect(await returnPooledDatabase(testPostgresUrl, pool, name, url)).toBe('dropped');
    expect(await databaseExists(name)).toBe(false);
    const admin = await connect(testPostgresUrl);
    const { rows } = await admin.query(`select 1 from ${pool} where name = $1`, [name]);
    expect(rows).toEqual([]);
  });

  it('an index dropped or a table added is a changed structure too', async () => {
    for (const change of ['create table app.extra (id integer)', 'create index users_extra on app.users (name)']) {
      const name = await takePooledDatabase(testPostgresUrl, pool, template, () => uniqueName(TEST_DATABASE_PREFIX));
      const url = databaseUrl(testPostgresUrl, name);
      const client = await connect(url);
      await client.query(change);
      await client.end();
      expect(await resetPooledDatabase(url), change).toBe(false);
      expect(await returnPooledDatabase(testPostgresUrl, pool, name, url)).toBe('dropped');
    }
  });
});
