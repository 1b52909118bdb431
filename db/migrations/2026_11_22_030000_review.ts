import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: advice and submission status, advisors, comments, review marks, notifications, outbox.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema.alterTable('applications').addColumn('review_snapshot', T.json).execute();
  await db.schema.alterTable('applications').addColumn('review_requested_at', T.timestamp).execute();
  await db.schema.alterTable('applications').addColumn('review_requested_advisor_id', 'integer').execute();
  // Status changes have their own optimistic version, so an advisor's decision never makes the
  // applicant's open form stale (and vice versa).
  await db.schema
    .alterTable('applications')
    .addColumn('review_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('applications_by_status').on('applications').columns(['status', 'review_requested_at']).execute();

  await db.schema
    .createTable('application_advisors')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('since', T.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('application_advisors_pk', ['application_id', 'advisor_id'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', T.id)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('internal', T.flag, (c) => c.notNull().defaultTo(T.off))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', T.timestamp)
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('comments_by_application').on('comments').columns(['application_id', 'step']).execute();

  await db.schema
    .createTable('review_marks')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', T.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('review_marks_pk', ['application_id', 'advisor_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', T.id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('read_at', T.timestamp)
    .execute();
  await db.schema.createIndex('notifications_by_user').on('notifications').columns(['user_id', 'read_at']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', T.id)
    .addColumn('to_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('sent_at', T.timestamp)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox', 'notifications', 'review_marks', 'comments', 'application_advisors'])
    await db.schema.dropTable(table).execute();
}
