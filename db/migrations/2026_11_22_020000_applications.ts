import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: applications (drafts), their event log, attachments and posts kept across a sign-in.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('applications')
    .addColumn('id', 'integer', T.id)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('route', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('entwurf'))
    .addColumn('snapshot', T.json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('view', 'text', (c) => c.notNull().defaultTo('uebersicht'))
    .addColumn('requested_grant_cents', T.cents)
    .addColumn('total_cents', T.cents)
    .addColumn('verdict', 'text')
    .addColumn('rule_version', 'text')
    .addColumn('unmet_criteria', T.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('source_check_id', 'text')
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('deleted_at', T.timestamp)
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('applications_version_positive', sql`version > 0`)
    .execute();
  await db.schema
    .createIndex('applications_by_organisation')
    .on('applications')
    .columns(['organisation_id', 'deleted_at', 'updated_at'])
    .execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'integer', T.id)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('at', T.timestamp, (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changes', T.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('details', T.json, (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('application_events_by_application').on('application_events').columns(['application_id', 'id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', T.id)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', T.cents, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', T.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', T.timestamp)
    .execute();
  await db.schema.createIndex('attachments_by_application').on('attachments').columns(['application_id', 'deleted_at']).execute();

  await db.schema
    .createTable('pending_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('form', T.json, (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['pending_submissions', 'attachments', 'application_events', 'applications']) {
    await db.schema.dropTable(table).execute();
  }
}
