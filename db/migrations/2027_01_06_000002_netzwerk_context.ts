import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: questions asked from a wizard step, and advisors pointing a draft to a thread (issue 20
// Nr. 6, ADR 0075). `network_thread_contexts` holds the non-personal context shown on the thread
// (one row per thread at most); its `application_id` is never shown to other members, it only lets
// the asker find their questions again on the draft. `application_thread_hints` are an advisor's
// pointers from a draft to a thread.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('network_thread_contexts')
    .addColumn('thread_id', 'integer', (c) => c.primaryKey().references('network_threads.id').onDelete('cascade'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id').onDelete('set null'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('step_title', 'text', (c) => c.notNull())
    .addColumn('route_label', 'text')
    .addColumn('formats', 'text')
    .execute();
  await db.schema.createIndex('network_thread_contexts_application').on('network_thread_contexts').columns(['application_id']).execute();
  await db.schema
    .createTable('application_thread_hints')
    .addColumn('id', 'integer', T.id)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('network_threads.id').onDelete('cascade'))
    .addColumn('advisor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_thread_hints_application')
    .on('application_thread_hints')
    .columns(['application_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('application_thread_hints').execute();
  await db.schema.dropTable('network_thread_contexts').execute();
}
