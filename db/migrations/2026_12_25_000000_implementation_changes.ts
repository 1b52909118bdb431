import type { Kysely } from 'kysely';

// Frozen: changes after the Bescheid that the grantee reports (issue 19 Nr. 4, ADR 0066): expected
// total expenditure, money that joined, circumstances, explanation, as JSON
// (machines/umsetzung/aenderungen.ts); null until the grantee records any.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('implementations').addColumn('changes', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('implementations').dropColumn('changes').execute();
}
