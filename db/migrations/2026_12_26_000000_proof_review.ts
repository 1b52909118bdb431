import type { Kysely } from 'kysely';

// Frozen: the EBBS advisor's review of a Sachbericht (issue 19 Nr. 5, ADR 0068). The persisted
// snapshot of machines/umsetzung/sachbericht-beratung.ts as JSON, its state as a column for the
// advisors' queue, and a version of its own so the grantee's saves of the draft and the advisor's
// actions never make each other fail.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('implementations').addColumn('proof_review', 'text').execute();
  await db.schema
    .alterTable('implementations')
    .addColumn('proof_review_status', 'text', (c) => c.notNull().defaultTo('keine'))
    .execute();
  await db.schema
    .alterTable('implementations')
    .addColumn('proof_review_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('implementations_proof_review_status').on('implementations').column('proof_review_status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('implementations_proof_review_status').execute();
  await db.schema.alterTable('implementations').dropColumn('proof_review_version').execute();
  await db.schema.alterTable('implementations').dropColumn('proof_review_status').execute();
  await db.schema.alterTable('implementations').dropColumn('proof_review').execute();
}
