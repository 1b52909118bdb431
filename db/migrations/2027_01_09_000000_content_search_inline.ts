import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

// Frozen: on PostgreSQL the search's tsvector stays in the row (storage MAIN: compressed in place,
// moved out only when the row cannot hold it even so), and the stemmed text columns it is made from
// go out of the row first. With the default (EXTENDED) a longer document's tsvector lived in the
// TOAST table, and each `@@` and each ts_rank of a search fetched it from there again: on the
// bench's 5 000 examples two thirds of a search's time (ADR 0105). The rows are written again so that
// existing documents are stored the new way (an UPDATE recomputes the generated column).
// SQLite ranks from FTS5's index and needs none of this.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table content_search alter column document set storage main`.execute(db);
  await sql`update content_search set body = body`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table content_search alter column document set storage extended`.execute(db);
}
