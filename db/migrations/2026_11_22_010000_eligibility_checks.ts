import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: Förder-Check questionnaires, anonymous or owned by a user.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('eligibility_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('snapshot', T.json, (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eligibility_checks_user').on('eligibility_checks').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('eligibility_checks').execute();
}
