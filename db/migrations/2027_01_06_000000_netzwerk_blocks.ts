import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: personal blocks between EBBS network members (issue 20 Nr. 4/5, ADR 0074). Not the
// moderators' site-wide block (`network_members.blocked_at`): one member no longer hears from another.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('network_member_blocks')
    .addColumn('id', 'integer', T.id)
    .addColumn('blocker_id', 'integer', (c) => c.notNull().references('network_members.id').onDelete('cascade'))
    .addColumn('blocked_id', 'integer', (c) => c.notNull().references('network_members.id').onDelete('cascade'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addUniqueConstraint('network_member_blocks_once', ['blocker_id', 'blocked_id'])
    .execute();
  await db.schema.createIndex('network_member_blocks_blocked').on('network_member_blocks').columns(['blocked_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_member_blocks').execute();
}
