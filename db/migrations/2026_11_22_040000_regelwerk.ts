import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: the Regelwerk workbench – parameter changes (draft → published/discarded) and funding calls.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('parameter_changes')
    .addColumn('id', 'integer', T.id)
    .addColumn('parameter_id', 'text', (c) => c.notNull())
    .addColumn('value', T.cents, (c) => c.notNull())
    .addColumn('effective_from', T.date, (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('assumption', 'text')
    // entwurf → veroeffentlicht | verworfen
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('entwurf'))
    // Ascending number given at publication; on the same date the later publication wins.
    .addColumn('publication', 'integer', (c) => c.unique())
    .addColumn('rolls_back', 'integer', (c) => c.references('parameter_changes.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', T.timestamp)
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // JSON: what the preview found when the change was published (suite and drafts).
    .addColumn('effects', T.json)
    .execute();
  await db.schema.createIndex('parameter_changes_by_status').on('parameter_changes').columns(['status', 'publication']).execute();

  await db.schema
    .createTable('funding_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('published_on', T.date)
    .addColumn('opens_on', T.date)
    .addColumn('deadline', T.date, (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('focus_topics', T.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('required_documents', T.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('funding_calls').execute();
  await db.schema.dropTable('parameter_changes').execute();
}
