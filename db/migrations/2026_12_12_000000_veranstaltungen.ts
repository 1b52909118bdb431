import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: information events with seats, registrations with double opt-in and a waitlist (issue 18, ADR 0050).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', T.id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    // 'praesenz' | 'online'
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('address', 'text')
    .addColumn('landkreis', 'text')
    // Sent to confirmed participants only; never shown on the public pages.
    .addColumn('online_link', 'text')
    .addColumn('technical_requirements', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('venue_accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('yellow_below_percent', 'integer', (c) => c.notNull().defaultTo(20))
    // UTC instants; the UI shows Europe/Berlin.
    .addColumn('starts_at', T.timestamp, (c) => c.notNull())
    .addColumn('ends_at', T.timestamp, (c) => c.notNull())
    .addColumn('registration_closes_at', T.timestamp, (c) => c.notNull())
    // 'published' | 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', T.timestamp)
    // Seats held or confirmed. Changed only by guarded UPDATEs in the same transaction as the
    // registration's status (ADR 0050): seats_taken <= capacity is the invariant the guard keeps.
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    // The last waitlist position handed out; the next one is this + 1 (atomic increment).
    .addColumn('waitlist_last', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_by_start').on('events').columns(['starts_at']).execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'integer', T.id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // The personal link (confirm, cancel) is the capability; random, unguessable.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility_needs', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dietary_needs', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // held | confirmed | waitlisted | promoted | expired | cancelled (machines/veranstaltungen/registration.ts)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pending_until', T.timestamp)
    .addColumn('waitlist_position', 'integer')
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .addColumn('confirmed_at', T.timestamp)
    .addColumn('cancelled_at', T.timestamp)
    .execute();
  // One registration per person (e-mail) and event; one person per waitlist position.
  await db.schema.createIndex('event_registrations_email').on('event_registrations').columns(['event_id', 'email']).unique().execute();
  await db.schema
    .createIndex('event_registrations_waitlist')
    .on('event_registrations')
    .columns(['event_id', 'waitlist_position'])
    .unique()
    .execute();
  await db.schema
    .createIndex('event_registrations_status')
    .on('event_registrations')
    .columns(['event_id', 'status', 'pending_until'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_registrations').execute();
  await db.schema.dropTable('events').execute();
}
