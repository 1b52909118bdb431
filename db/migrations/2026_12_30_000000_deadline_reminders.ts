import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: reminders of a grant's due dates, each sent once (issue 19 Nr. 6, ADR 0067), and the
// secret address under which an organisation's deadlines can be subscribed in a calendar app
// (only the SHA-256 of the token is stored).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('deadline_reminders')
    .addColumn('id', 'integer', T.id)
    .addColumn('implementation_id', 'integer', (c) => c.notNull().references('implementations.id').onDelete('cascade'))
    .addColumn('deadline_key', 'text', (c) => c.notNull())
    .addColumn('deadline_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', T.timestamp, (c) => c.notNull())
    .addUniqueConstraint('deadline_reminders_once', ['implementation_id', 'deadline_key', 'deadline_on', 'kind'])
    .execute();
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('deadline_reminders').execute();
}
