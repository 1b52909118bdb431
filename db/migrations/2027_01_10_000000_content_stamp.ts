import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

// Frozen: one token that changes with every write to `content_entries` (ADR 0106). The catalogue
// of methods and examples is kept per process and checked against the stored entries on every use
// (ADR 0036); the check was `count(*), sum(version), max(updated_at)` over all entries, a scan of
// the whole table on every methods or examples page (about 1 ms with 5 500 entries). The token is
// set by triggers in the writing transaction, so no writer can forget it and another instance sees
// it with the write. Random within ±2^53, so that JavaScript reads it exactly, and so that a write
// rolled back and a later one never leave the same token for different content.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table content_stamp (id integer primary key check (id = 1), token bigint not null)`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql`insert into content_stamp (id, token) values (1, floor(random() * 9007199254740991)::bigint)`.execute(db);
    await sql`create function content_stamp_bump() returns trigger language plpgsql as $$
      begin
        update content_stamp set token = floor(random() * 9007199254740991)::bigint where id = 1;
        return null;
      end $$`.execute(db);
    await sql`create trigger content_entries_stamp after insert or update or delete on content_entries
      for each statement execute function content_stamp_bump()`.execute(db);
    return;
  }
  await sql`insert into content_stamp (id, token) values (1, random() % 9007199254740992)`.execute(db);
  const bump = 'update content_stamp set token = random() % 9007199254740992 where id = 1;';
  for (const [event, name] of [
    ['insert', 'added'],
    ['update', 'changed'],
    ['delete', 'removed'],
  ] as const)
    await sql`create trigger ${sql.id(`content_entries_${name}_stamp`)} after ${sql.raw(event)} on content_entries begin ${sql.raw(bump)} end`.execute(
      db,
    );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger content_entries_stamp on content_entries`.execute(db);
    await sql`drop function content_stamp_bump()`.execute(db);
  } else {
    for (const name of ['added', 'changed', 'removed']) await sql`drop trigger ${sql.id(`content_entries_${name}_stamp`)}`.execute(db);
  }
  await sql`drop table content_stamp`.execute(db);
}
