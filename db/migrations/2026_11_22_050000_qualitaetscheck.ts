import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: QualitätsCheck rounds, their respondents, drafts they are attached to, content versions.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  // Content versions published as data; the version in the code (2026-1) is not stored.
  await db.schema
    .createTable('quality_check_contents')
    .addColumn('id', 'integer', T.id)
    .addColumn('version', 'text', (c) => c.notNull().unique())
    .addColumn('content', T.json, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('published_at', T.timestamp, (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  // A round: one check of one organisation (or of one anonymous browser), pinned to a content version.
  await db.schema
    .createTable('quality_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_version', 'text', (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quality_checks_by_organisation').on('quality_checks').columns(['organisation_id', 'updated_at']).execute();

  // One row per person answering; snapshot null while only invited.
  await db.schema
    .createTable('quality_check_participants')
    .addColumn('id', 'integer', T.id)
    .addColumn('check_id', 'text', (c) => c.notNull().references('quality_checks.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('perspective', 'text')
    .addColumn('snapshot', T.json)
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quality_check_participants_unique')
    .on('quality_check_participants')
    .columns(['check_id', 'user_id'])
    .unique()
    .execute();
  await db.schema.createIndex('quality_check_participants_by_user').on('quality_check_participants').column('user_id').execute();

  await db.schema
    .createTable('quality_check_applications')
    .addColumn('check_id', 'text', (c) => c.notNull().references('quality_checks.id').onDelete('cascade'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('attached_at', T.timestamp, (c) => c.notNull())
    .addColumn('attached_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('quality_check_applications_pk', ['check_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('quality_check_applications_by_application')
    .on('quality_check_applications')
    .column('application_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['quality_check_applications', 'quality_check_participants', 'quality_checks', 'quality_check_contents']) {
    await db.schema.dropTable(table).execute();
  }
}
