import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

// Frozen: on SQLite the search ranks from FTS5's own index through an `fts5vocab` table (one row
// per occurrence of a stem: stem, document, column) instead of calling bm25() for every matching
// document (ADR 0100). For the length part of the formula each document keeps its number of stems;
// for the per-kind table of documents the search keeps in memory, each kind has a token that every
// write of one of its documents replaces (triggers, so no writer can forget it, also in another
// process). PostgreSQL ranks in SQL with ts_rank and needs none of this.

/** A document's number of stems: the stems of a column are joined by single spaces. */
const stemCount = (column: string) => `(length(${column}) - length(replace(${column}, ' ', '')) + (${column} <> ''))`;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`alter table content_search_docs add column stems integer not null default 0`.execute(db);
  await sql`update content_search_docs set stems = ${sql.raw(['title', 'summary', 'body'].map(stemCount).join(' + '))}`.execute(db);
  await sql`create virtual table content_search_terms using fts5vocab(content_search, 'instance')`.execute(db);
  await sql`create table content_search_versions (kind text primary key, token integer not null)`.execute(db);
  // Within ±2^53, so that JavaScript reads every token exactly.
  await sql`insert into content_search_versions (kind, token) select kind, random() % 9007199254740992 from content_search_docs group by kind`.execute(
    db,
  );
  const bump = (row: 'new' | 'old') =>
    `insert into content_search_versions (kind, token) values (${row}.kind, random() % 9007199254740992)
      on conflict (kind) do update set token = excluded.token;`;
  await sql`create trigger content_search_docs_added_version after insert on content_search_docs begin ${sql.raw(bump('new'))} end`.execute(
    db,
  );
  await sql`create trigger content_search_docs_removed_version after delete on content_search_docs begin ${sql.raw(bump('old'))} end`.execute(
    db,
  );
  await sql`create trigger content_search_docs_changed_version after update on content_search_docs begin ${sql.raw(bump('old'))} ${sql.raw(bump('new'))} end`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  for (const trigger of ['added', 'removed', 'changed'])
    await sql`drop trigger ${sql.id(`content_search_docs_${trigger}_version`)}`.execute(db);
  await sql`drop table content_search_versions`.execute(db);
  await sql`drop table content_search_terms`.execute(db);
  await sql`alter table content_search_docs drop column stems`.execute(db);
}
