import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: recorded Mittelabrufe (payout requests under ANBest-P Nr. 1.4) of a Vorhaben in Umsetzung.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('implementation_requests')
    .addColumn('id', 'integer', T.id)
    .addColumn('implementation_id', 'integer', (c) => c.notNull().references('implementations.id').onDelete('cascade'))
    .addColumn('requested_on', T.date, (c) => c.notNull())
    .addColumn('expected_payout_on', T.date)
    // Planned payments as JSON ({ dueOn, lineId, cents, purpose }[]), as the grantee entered them.
    .addColumn('planned', T.json, (c) => c.notNull())
    .addColumn('requested_cents', T.cents, (c) => c.notNull())
    // The computation at the time of recording (machines/umsetzung/computations.ts), for the PDF.
    .addColumn('computation', T.json, (c) => c.notNull())
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('implementation_requests_by_implementation')
    .on('implementation_requests')
    .column('implementation_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('implementation_requests').execute();
}
