import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: events with selection (issue 18 Nr. 9, ADR 0062). An event gives its seats in order of
// registration ('reihenfolge') or by a selection among applications ('auswahl'), completed once.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .alterTable('events')
    .addColumn('admission', 'text', (c) => c.notNull().defaultTo('reihenfolge'))
    .execute();
  // Set once, by the guarded UPDATE that completes the selection (exactly one organiser does it).
  await db.schema.alterTable('events').addColumn('selection_completed_at', T.timestamp).execute();
  // The applicant's motivation (empty for ordinary registrations).
  await db.schema
    .alterTable('event_registrations')
    .addColumn('motivation', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // The organisers' decision before completion: null (open) | 'ausgewaehlt' | 'nachrueckliste' | 'absage'.
  await db.schema.alterTable('event_registrations').addColumn('selection', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_registrations').dropColumn('selection').execute();
  await db.schema.alterTable('event_registrations').dropColumn('motivation').execute();
  await db.schema.alterTable('events').dropColumn('selection_completed_at').execute();
  await db.schema.alterTable('events').dropColumn('admission').execute();
}
