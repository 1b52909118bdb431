import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: attendance per participant, the morning resend of the access link, and the anonymous counts
// kept when an event's personal data is deleted (issue 18 Nr. 5, 7, 8; ADR 0057).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .alterTable('event_registrations')
    // null: not marked yet; 'present' | 'absent'.
    .addColumn('attendance', 'text')
    .execute();
  await db.schema
    .alterTable('event_registrations')
    // When the access link of an online event was sent again on the morning of the event (once per participant).
    .addColumn('access_link_sent_at', T.timestamp)
    .execute();
  // Set once when the participants' personal data is deleted; the counts survive for statistics.
  await db.schema.alterTable('events').addColumn('personal_data_deleted_at', T.timestamp).execute();
  for (const column of ['stat_registered', 'stat_confirmed', 'stat_attended', 'stat_waitlisted'])
    await db.schema.alterTable('events').addColumn(column, 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['stat_registered', 'stat_confirmed', 'stat_attended', 'stat_waitlisted', 'personal_data_deleted_at'])
    await db.schema.alterTable('events').dropColumn(column).execute();
  await db.schema.alterTable('event_registrations').dropColumn('access_link_sent_at').execute();
  await db.schema.alterTable('event_registrations').dropColumn('attendance').execute();
}
