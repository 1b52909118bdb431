import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: direct messages between EBBS network members (issue 20 Nr. 4, ADR 0061).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('network_messages')
    .addColumn('id', 'integer', T.id)
    .addColumn('sender_id', 'integer', (c) => c.notNull().references('network_members.id').onDelete('cascade'))
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('network_members.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('read_at', T.timestamp)
    .execute();
  await db.schema.createIndex('network_messages_pair').on('network_messages').columns(['sender_id', 'recipient_id', 'id']).execute();
  await db.schema.createIndex('network_messages_unread').on('network_messages').columns(['recipient_id', 'read_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_messages').execute();
}
