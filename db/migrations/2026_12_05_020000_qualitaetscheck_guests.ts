import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: QualitätsCheck guest links (people outside the organisation answer without an account).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  // One link per invitation round: revocable, expiring; the token is the capability in the URL.
  await db.schema
    .createTable('quality_check_guest_links')
    .addColumn('id', 'integer', T.id)
    .addColumn('check_id', 'text', (c) => c.notNull().references('quality_checks.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('expires_at', T.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', T.timestamp)
    .execute();
  await db.schema.createIndex('quality_check_guest_links_by_check').on('quality_check_guest_links').column('check_id').execute();

  // A guest respondent: no user, a random key remembered by the guest's browser, a name they chose.
  await db.schema.alterTable('quality_check_participants').addColumn('guest_key', 'text').execute();
  await db.schema.alterTable('quality_check_participants').addColumn('guest_name', 'text').execute();
  await db.schema
    .alterTable('quality_check_participants')
    .addColumn('guest_link_id', 'integer', (c) => c.references('quality_check_guest_links.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('quality_check_participants_guest')
    .on('quality_check_participants')
    .columns(['check_id', 'guest_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('quality_check_participants_guest').execute();
  for (const column of ['guest_link_id', 'guest_name', 'guest_key']) {
    await db.schema.alterTable('quality_check_participants').dropColumn(column).execute();
  }
  await db.schema.dropTable('quality_check_guest_links').execute();
}
