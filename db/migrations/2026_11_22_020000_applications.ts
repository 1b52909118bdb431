import { sql, type Kysely } from 'kysely';

// Frozen: applications (drafts), their event log, attachments and posts kept across a sign-in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('route', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('entwurf'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('view', 'text', (c) => c.notNull().defaultTo('uebersicht'))
    .addColumn('requested_grant_cents', 'integer')
    .addColumn('total_cents', 'integer')
    .addColumn('verdict', 'text')
    .addColumn('rule_version', 'text')
    .addColumn('unmet_criteria', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('source_check_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('deleted_at', 'text')
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
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('application_events_by_application').on('application_events').columns(['application_id', 'id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('attachments_by_application').on('attachments').columns(['application_id', 'deleted_at']).execute();

  await db.schema
    .createTable('pending_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['pending_submissions', 'attachments', 'application_events', 'applications']) {
    await db.schema.dropTable(table).execute();
  }
}
