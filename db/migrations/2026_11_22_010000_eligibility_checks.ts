import type { Kysely } from 'kysely';

// Frozen: Förder-Check questionnaires, anonymous or owned by a user.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('eligibility_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eligibility_checks_user').on('eligibility_checks').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('eligibility_checks').execute();
}
