import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: EBBS network members and their profiles (issue 20 Nr. 1, ADR 0052).
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('network_members')
    .addColumn('id', 'integer', T.id)
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    // kommune | verein | prozessgestaltung | moderation | beratung (machines/netzwerk/profile.ts)
    .addColumn('member_role', 'text', (c) => c.notNull())
    .addColumn('landkreis', 'text')
    // Method slugs of the methods catalogue as ",slug,slug," so one LIKE '%,slug,%' filters on both dialects.
    .addColumn('methods', 'text', (c) => c.notNull().defaultTo(','))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
    // The fields shown to everyone, as ",field,field,"; every other field is for members only.
    .addColumn('public_fields', 'text', (c) => c.notNull().defaultTo(','))
    // Set by a moderator: a blocked member keeps their profile but sees no network content.
    .addColumn('blocked_at', T.timestamp)
    .addColumn('blocked_reason', 'text')
    .addColumn('joined_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_members_landkreis').on('network_members').columns(['landkreis']).execute();
}
