import type { Kysely } from 'kysely';

// Frozen: the Verwendungsnachweis of a Vorhaben in Umsetzung (issue 19 Nr. 5, ADR 0065). The draft
// (Sachbericht answers, actual financing, confirmations) as JSON (machines/umsetzung/verwendungsnachweis.ts);
// the figures are never stored here, they are computed from the Belegliste when it is shown or printed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('implementations').addColumn('proof', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('implementations').dropColumn('proof').execute();
}
