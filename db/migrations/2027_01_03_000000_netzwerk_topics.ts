import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: topics of the EBBS network (issue 20 Nr. 3), post moderation (Nr. 5), ADR 0072.
// A thread's opening text is its first post (opening = true), so editing, marks, reports and hiding
// work the same for every post. `version` columns guard concurrent accepts, edits and moderation.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('network_threads')
    .addColumn('id', 'integer', T.id)
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('is_question', T.flag, (c) => c.notNull().defaultTo(T.off))
    .addColumn('author_id', 'integer', (c) => c.references('network_members.id').onDelete('set null'))
    .addColumn('accepted_post_id', 'integer')
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('last_activity_at', T.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('network_threads_activity').on('network_threads').columns(['last_activity_at', 'id']).execute();
  await db.schema.createIndex('network_threads_category').on('network_threads').columns(['category', 'last_activity_at', 'id']).execute();
  await db.schema
    .createTable('network_posts')
    .addColumn('id', 'integer', T.id)
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('network_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('network_members.id').onDelete('set null'))
    .addColumn('opening', T.flag, (c) => c.notNull().defaultTo(T.off))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('edited_at', T.timestamp)
    .addColumn('hidden_at', T.timestamp)
    .addColumn('hidden_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('network_posts_thread').on('network_posts').columns(['thread_id', 'id']).execute();
  await db.schema.createIndex('network_posts_author').on('network_posts').columns(['author_id', 'created_at']).execute();
  await db.schema
    .createTable('network_post_versions')
    .addColumn('id', 'integer', T.id)
    .addColumn('post_id', 'integer', (c) => c.notNull().references('network_posts.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('written_at', T.timestamp, (c) => c.notNull())
    .addColumn('replaced_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_post_versions_post').on('network_post_versions').columns(['post_id', 'id']).execute();
  await db.schema
    .createTable('network_post_marks')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('network_posts.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('network_members.id').onDelete('cascade'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('network_post_marks_once', ['post_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('network_post_reports')
    .addColumn('id', 'integer', T.id)
    .addColumn('post_id', 'integer', (c) => c.notNull().references('network_posts.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('network_members.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', T.timestamp)
    .addUniqueConstraint('network_post_reports_once', ['post_id', 'member_id'])
    .execute();
  await db.schema.createIndex('network_post_reports_open').on('network_post_reports').columns(['resolved_at', 'post_id']).execute();
  await db.schema
    .createTable('network_thread_subscriptions')
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('network_threads.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('network_members.id').onDelete('cascade'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    // The newest post already told in a digest (or existing when subscribing); later ones are new.
    .addColumn('seen_post_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('network_thread_subscriptions_once', ['thread_id', 'member_id'])
    .execute();
  await db.schema.createIndex('network_thread_subscriptions_member').on('network_thread_subscriptions').columns(['member_id']).execute();
  // One digest per member and day, claimed in the transaction that queues its e-mail.
  await db.schema
    .createTable('network_topic_digests')
    .addColumn('id', 'integer', T.id)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('network_members.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_at', T.timestamp, (c) => c.notNull())
    .addUniqueConstraint('network_topic_digests_once', ['member_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_topic_digests').execute();
  await db.schema.dropTable('network_thread_subscriptions').execute();
  await db.schema.dropTable('network_post_reports').execute();
  await db.schema.dropTable('network_post_marks').execute();
  await db.schema.dropTable('network_post_versions').execute();
  await db.schema.dropTable('network_posts').execute();
  await db.schema.dropTable('network_threads').execute();
}
