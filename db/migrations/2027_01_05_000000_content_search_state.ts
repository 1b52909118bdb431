import type { Kysely } from 'kysely';

// Frozen: which state of the content each kind's search documents were built from (ADR 0077).
// One row per kind of `content_search`; `stamp` is the content's stamp at the time of the last
// rebuild. A search whose current stamp differs rebuilds the kind first (under a row lock on
// PostgreSQL, so two instances never rebuild the same kind at once).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_search_state')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_search_state').execute();
}
