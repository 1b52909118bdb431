import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: four-eyes approval of rule changes and funding calls, password resets, audit filters.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  // How a parameter change was published: 'vier_augen' (a second person approved) or 'einzeln'.
  await db.schema.alterTable('parameter_changes').addColumn('approval', 'text').execute();

  // A proposed new or changed funding call; it takes effect only when published.
  await db.schema
    .createTable('funding_call_changes')
    .addColumn('id', 'integer', T.id)
    .addColumn('call_id', 'text', (c) => c.notNull())
    // The stored version the proposal was made against (null: a shipped call not stored yet, or a new call).
    .addColumn('base_version', 'integer')
    .addColumn('is_new', T.flag, (c) => c.notNull())
    // JSON: the call's values without its id.
    .addColumn('proposed', T.json, (c) => c.notNull())
    // JSON: the values in force when the proposal was made (null for a new call).
    .addColumn('before', T.json)
    // entwurf → veroeffentlicht | verworfen
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('entwurf'))
    .addColumn('approval', 'text')
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', T.timestamp)
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('funding_call_changes_by_status').on('funding_call_changes').columns(['status', 'call_id']).execute();

  // Single-use links to set a new password; only the SHA-256 of the token is stored.
  await db.schema
    .createTable('password_reset_tokens')
    .addColumn('id', 'integer', T.id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('expires_at', T.timestamp, (c) => c.notNull())
    .addColumn('used_at', T.timestamp)
    // The administrator who sent the link, or null when the person asked for it.
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('password_reset_tokens_user').on('password_reset_tokens').columns(['user_id', 'created_at']).execute();

  // Every "Passwort vergessen?" request, known address or not, for rate limiting (deleted after a day).
  await db.schema
    .createTable('password_reset_requests')
    .addColumn('id', 'integer', T.id)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('requested_at', T.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_reset_requests_email').on('password_reset_requests').columns(['email', 'requested_at']).execute();
  await db.schema.createIndex('password_reset_requests_ip').on('password_reset_requests').columns(['ip', 'requested_at']).execute();

  // The administration's audit view filters by person and by action.
  await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor_user_id', 'id']).execute();
  await db.schema.createIndex('audit_events_action').on('audit_events').columns(['action', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_events_action').execute();
  await db.schema.dropIndex('audit_events_actor').execute();
  await db.schema.dropTable('password_reset_requests').execute();
  await db.schema.dropTable('password_reset_tokens').execute();
  await db.schema.dropTable('funding_call_changes').execute();
  await db.schema.alterTable('parameter_changes').dropColumn('approval').execute();
}
