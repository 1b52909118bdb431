import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: Vorhaben in Umsetzung (the recorded Bescheid of an application) and its Belegliste.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('implementations')
    .addColumn('id', 'integer', T.id)
    .addColumn('application_id', 'integer', (c) => c.notNull().unique().references('applications.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    // The Bescheid as JSON (machines/umsetzung/bescheid.ts, with its schemaVersion).
    .addColumn('bescheid', T.json, (c) => c.notNull())
    // Dates the grantee records: start, start notice, purpose fulfilled, proof submitted and checked.
    .addColumn('milestones', T.json, (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('implementations_by_organisation').on('implementations').column('organisation_id').execute();

  await db.schema
    .createTable('implementation_receipts')
    .addColumn('id', 'integer', T.id)
    .addColumn('implementation_id', 'integer', (c) => c.notNull().references('implementations.id').onDelete('cascade'))
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('ordered_on', T.date)
    .addColumn('invoiced_on', T.date, (c) => c.notNull())
    .addColumn('paid_on', T.date)
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('net_cents', T.cents, (c) => c.notNull())
    .addColumn('gross_cents', T.cents, (c) => c.notNull())
    .addColumn('asset', T.flag, (c) => c.notNull().defaultTo(T.off))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('implementation_receipts_by_implementation')
    .on('implementation_receipts')
    .columns(['implementation_id', 'invoiced_on'])
    .execute();

  // Payouts received from the SAB (instalments or Mittelabrufe), for what is due and what was used.
  await db.schema
    .createTable('implementation_payouts')
    .addColumn('id', 'integer', T.id)
    .addColumn('implementation_id', 'integer', (c) => c.notNull().references('implementations.id').onDelete('cascade'))
    .addColumn('received_on', T.date, (c) => c.notNull())
    .addColumn('amount_cents', T.cents, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('implementation_payouts_by_implementation')
    .on('implementation_payouts')
    .column('implementation_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('implementation_payouts').execute();
  await db.schema.dropTable('implementation_receipts').execute();
  await db.schema.dropTable('implementations').execute();
}
