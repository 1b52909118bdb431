import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: the hub's newsletter, subscribers with double opt-in and the issues editors write (issue 18 Nr. 10, ADR 0060).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', 'integer', T.id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    // The personal link (confirm, unsubscribe): the only key a subscriber without an account has.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    // pending | confirmed; an unsubscribed address is deleted, not kept.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_by', T.timestamp)
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('confirmed_at', T.timestamp)
    .execute();
  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', 'integer', T.id)
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    // Set once, in the transaction that queues the e-mails: an issue goes out exactly once.
    .addColumn('sent_at', T.timestamp)
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('newsletter_issues').execute();
  await db.schema.dropTable('newsletter_subscribers').execute();
}
