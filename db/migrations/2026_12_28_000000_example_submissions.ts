import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: good examples offered by grantees from a finished project (issue 17 Nr. 2b, issue 19 Nr. 5,
// ADR 0069). One per application; the entry as JSON in the shape of machines/methoden/examples.ts,
// public only with status "veroeffentlicht" (set by an editor).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('example_submissions')
    .addColumn('id', 'integer', T.id)
    .addColumn('application_id', 'integer', (c) => c.notNull().unique().references('applications.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', T.timestamp, (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', T.timestamp)
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('example_submissions_status').on('example_submissions').columns(['status', 'submitted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('example_submissions').execute();
}
