import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: never import app code here; later changes go into new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', T.id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('landkreis', 'text', (c) => c.notNull())
    .addColumn('ags', 'text')
    .addColumn('register_number', 'text')
    .addColumn('register_court', 'text')
    .addColumn('legal_rep_name', 'text', (c) => c.notNull())
    .addColumn('legal_rep_function', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('bank_account_holder', 'text', (c) => c.notNull())
    .addColumn('iban', 'text', (c) => c.notNull())
    .addColumn('bic', 'text')
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('invite_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', T.id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('applicant', 'advisor', 'ministry', 'admin')`))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('restrict'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('disabled_at', T.timestamp)
    .addCheckConstraint('applicant_has_organisation', sql`role <> 'applicant' or organisation_id is not null`)
    .execute();
  await db.schema.createIndex('users_organisation').on('users').column('organisation_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', T.timestamp, (c) => c.notNull())
    .addColumn('expires_at', T.timestamp, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .addColumn('revoked_at', T.timestamp)
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'integer', T.id)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('attempted_at', T.timestamp, (c) => c.notNull())
    .addColumn('succeeded', T.flag, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_email_time').on('login_attempts').columns(['email', 'attempted_at']).execute();
  await db.schema.createIndex('login_attempts_ip_time').on('login_attempts').columns(['ip', 'attempted_at']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', T.id)
    .addColumn('at', T.timestamp, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('details', T.json, (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('accessibility_feedback')
    .addColumn('id', 'integer', T.id)
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('page', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['accessibility_feedback', 'audit_events', 'login_attempts', 'sessions', 'users', 'organisations']) {
    await db.schema.dropTable(table).execute();
  }
}
