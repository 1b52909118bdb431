import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

// Frozen: the full-text search over content (methods, good examples, later other kinds), ADR 0071.
// Each row is one document of one kind; its text is stored already stemmed (Snowball German, in
// TypeScript), one column per weight class, so both dialects search the same stems.
// SQLite: an FTS5 table (unicode61 without removing diacritics, over the stems; doc_id unindexed,
// kind indexed so FTS5 itself narrows a search to one kind). PostgreSQL: a plain table whose
// tsvector (configuration 'simple', title A, summary B, body C) is a generated column with a GIN index.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`
      create table content_search (
        kind text not null,
        doc_id text not null,
        title text not null default '',
        summary text not null default '',
        body text not null default '',
        document tsvector generated always as (
          setweight(to_tsvector('simple', title), 'A') ||
          setweight(to_tsvector('simple', summary), 'B') ||
          setweight(to_tsvector('simple', body), 'C')
        ) stored,
        primary key (kind, doc_id)
      )`.execute(db);
    await sql`create index content_search_document on content_search using gin (document)`.execute(db);
    return;
  }
  await sql`
    create virtual table content_search using fts5(
      kind,
      doc_id unindexed,
      title,
      summary,
      body,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table content_search`.execute(db);
}
