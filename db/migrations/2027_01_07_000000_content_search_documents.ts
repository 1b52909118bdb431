import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

// Frozen: on SQLite the search documents move into a plain table that the FTS5 index reads as its
// external content (ADR 0096). Finding the document ids and the number of documents of one kind
// then reads a covering index on (kind, doc_id) instead of every stored row of the FTS5 table;
// triggers keep the index in step with the table, inside the writing transaction. Rows keep their
// rowids, a duplicate (kind, doc_id) keeps its newest row. PostgreSQL already holds the search in a
// plain table with its primary key: nothing changes there.
const TOKENIZE = 'unicode61 remove_diacritics 0';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`
    create table content_search_docs (
      id integer primary key,
      kind text not null,
      doc_id text not null,
      title text not null default '',
      summary text not null default '',
      body text not null default ''
    )`.execute(db);
  await sql`create unique index content_search_docs_kind on content_search_docs (kind, doc_id)`.execute(db);
  await sql`
    insert into content_search_docs (id, kind, doc_id, title, summary, body)
    select rowid, kind, doc_id, title, summary, body from content_search
    where rowid in (select max(rowid) from content_search group by kind, doc_id)`.execute(db);
  await sql`drop table content_search`.execute(db);
  await sql`
    create virtual table content_search using fts5(
      kind,
      doc_id unindexed,
      title,
      summary,
      body,
      content = 'content_search_docs',
      content_rowid = 'id',
      tokenize = ${sql.lit(TOKENIZE)}
    )`.execute(db);
  await sql`insert into content_search (content_search) values ('rebuild')`.execute(db);
  await sql`
    create trigger content_search_docs_added after insert on content_search_docs begin
      insert into content_search (rowid, kind, doc_id, title, summary, body)
      values (new.id, new.kind, new.doc_id, new.title, new.summary, new.body);
    end`.execute(db);
  await sql`
    create trigger content_search_docs_removed after delete on content_search_docs begin
      insert into content_search (content_search, rowid, kind, doc_id, title, summary, body)
      values ('delete', old.id, old.kind, old.doc_id, old.title, old.summary, old.body);
    end`.execute(db);
  await sql`
    create trigger content_search_docs_changed after update on content_search_docs begin
      insert into content_search (content_search, rowid, kind, doc_id, title, summary, body)
      values ('delete', old.id, old.kind, old.doc_id, old.title, old.summary, old.body);
      insert into content_search (rowid, kind, doc_id, title, summary, body)
      values (new.id, new.kind, new.doc_id, new.title, new.summary, new.body);
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`
    create virtual table content_search_own using fts5(
      kind,
      doc_id unindexed,
      title,
      summary,
      body,
      tokenize = ${sql.lit(TOKENIZE)}
    )`.execute(db);
  await sql`
    insert into content_search_own (rowid, kind, doc_id, title, summary, body)
    select id, kind, doc_id, title, summary, body from content_search_docs`.execute(db);
  await sql`drop table content_search`.execute(db);
  await sql`drop table content_search_docs`.execute(db);
  await sql`alter table content_search_own rename to content_search`.execute(db);
}
