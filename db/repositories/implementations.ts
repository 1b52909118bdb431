import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { bescheidSchema, type Bescheid } from '../../machines/umsetzung/bescheid';
import type { PlannedPayment } from '../../machines/umsetzung/computations';
import { receiptKey } from '../../machines/umsetzung/receipt-import';
import {
  milestonesSchema,
  plannedPaymentSchema,
  recordedComputationSchema,
  type Milestones,
  type RecordedComputation,
} from '../../machines/umsetzung/stored';
import { jsonColumn, jsonOr } from '../json';
import type { Database, ImplementationPayoutRow, ImplementationReceiptRow, ImplementationRequestRow, ImplementationRow } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** Vorhaben in Umsetzung: one per application, created when its Bescheid is recorded. */

const bescheidColumn = jsonColumn(bescheidSchema);

/** The Bescheid stored with an implementation, checked by its schema (throws on a column it cannot read). */
export function bescheidOf(row: Pick<ImplementationRow, 'bescheid'>): Bescheid {
  return bescheidColumn.parse(row.bescheid);
}

const milestonesColumn = jsonColumn(milestonesSchema);
const noMilestones = milestonesSchema.parse(null);

/** The milestones stored with an implementation, salvaged as `milestonesSchema` says (unreadable text: no dates). */
export function milestonesOf(row: Pick<ImplementationRow, 'milestones'>): Milestones {
  return jsonOr(milestonesColumn, row.milestones, noMilestones);
}

const computationColumn = jsonColumn(recordedComputationSchema);
const plannedColumn = jsonColumn(z.array(plannedPaymentSchema));

/**
 * A recorded Mittelabruf's computation and planned payments. Throws on a column it cannot read: its
 * PDF prints these amounts, and one with amounts guessed would be worse than none.
 */
export function mittelabrufOf(row: Pick<ImplementationRequestRow, 'computation' | 'planned'>): {
  computation: RecordedComputation;
  planned: PlannedPayment[];
} {
  return { computation: computationColumn.parse(row.computation), planned: plannedColumn.parse(row.planned) };
}

export async function findImplementationByApplication(db: Executor, applicationId: number): Promise<ImplementationRow | undefined> {
  return db.selectFrom('implementations').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

/** Creates the implementation; undefined when the application already has one (a concurrent save won). */
export async function createImplementation(
  db: Executor,
  input: { applicationId: number; organisationId: number; bescheid: unknown; userId: number },
  now = new Date(),
): Promise<ImplementationRow | undefined> {
  const at = now.toISOString();
  return db
    .insertInto('implementations')
    .values({
      application_id: input.applicationId,
      organisation_id: input.organisationId,
      bescheid: JSON.stringify(input.bescheid),
      created_at: at,
      created_by: input.userId,
      updated_at: at,
      updated_by: input.userId,
    })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Saves Bescheid, milestones, the Verwendungsnachweis draft and/or the reported changes if nobody saved since `expectedVersion` was read. */
export async function updateImplementation(
  db: Executor,
  id: number,
  expectedVersion: number,
  changes: { bescheid?: unknown; milestones?: unknown; proof?: unknown; changes?: unknown },
  userId: number,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('implementations')
    .set((eb) => ({
      ...(changes.bescheid === undefined ? {} : { bescheid: JSON.stringify(changes.bescheid) }),
      ...(changes.milestones === undefined ? {} : { milestones: JSON.stringify(changes.milestones) }),
      ...(changes.proof === undefined ? {} : { proof: JSON.stringify(changes.proof) }),
      ...(changes.changes === undefined ? {} : { changes: JSON.stringify(changes.changes) }),
      version: eb('version', '+', 1),
      updated_at: now.toISOString(),
      updated_by: userId,
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ReceiptValues {
  lineId: string;
  orderedOn: string | null;
  invoicedOn: string;
  paidOn: string | null;
  payee: string;
  purpose: string;
  netCents: number;
  grossCents: number;
  asset: boolean;
}

function receiptColumns(v: ReceiptValues) {
  return {
    line_id: v.lineId,
    ordered_on: v.orderedOn,
    invoiced_on: v.invoicedOn,
    paid_on: v.paidOn,
    payee: v.payee,
    purpose: v.purpose,
    net_cents: v.netCents,
    gross_cents: v.grossCents,
    asset: v.asset ? 1 : 0,
  };
}

export async function listReceipts(db: Executor, implementationId: number): Promise<ImplementationReceiptRow[]> {
  return db
    .selectFrom('implementation_receipts')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .orderBy('invoiced_on')
    .orderBy('id')
    .execute();
}

export async function findReceipt(db: Executor, implementationId: number, id: number): Promise<ImplementationReceiptRow | undefined> {
  return db
    .selectFrom('implementation_receipts')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function addReceipts(
  db: Executor,
  implementationId: number,
  values: ReceiptValues[],
  userId: number,
  now = new Date(),
): Promise<number> {
  if (!values.length) return 0;
  const at = now.toISOString();
  await db
    .insertInto('implementation_receipts')
    .values(
      values.map((v) => ({
        implementation_id: implementationId,
        ...receiptColumns(v),
        created_at: at,
        created_by: userId,
        updated_at: at,
        updated_by: userId,
      })),
    )
    .execute();
  return values.length;
}

/**
 * Stores imported receipts (issue 19 Nr. 2), leaving out those already in the Belegliste with the
 * same date, payee, purpose, line and amounts. The implementation's row is locked first, so two
 * imports of the same file at once store its receipts once.
 */
export async function importReceipts(
  trx: Transaction<Database>,
  implementationId: number,
  values: ReceiptValues[],
  userId: number,
  now = new Date(),
): Promise<{ added: number; duplicates: number }> {
  await trx
    .updateTable('implementations')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', implementationId)
    .execute();
  const known = new Set(
    (await listReceipts(trx, implementationId)).map((r) =>
      receiptKey({
        invoicedOn: r.invoiced_on,
        payee: r.payee,
        purpose: r.purpose,
        lineId: r.line_id,
        netCents: r.net_cents,
        grossCents: r.gross_cents,
      }),
    ),
  );
  const fresh = values.filter((v) => {
    const key = receiptKey(v);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  // In chunks: SQLite limits the number of bound parameters of one statement.
  for (let i = 0; i < fresh.length; i += 200) await addReceipts(trx, implementationId, fresh.slice(i, i + 200), userId, now);
  return { added: fresh.length, duplicates: values.length - fresh.length };
}

export async function updateReceipt(
  db: Executor,
  implementationId: number,
  id: number,
  values: ReceiptValues,
  userId: number,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('implementation_receipts')
    .set({ ...receiptColumns(values), updated_at: now.toISOString(), updated_by: userId })
    .where('implementation_id', '=', implementationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteReceipt(db: Executor, implementationId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('implementation_receipts')
    .where('implementation_id', '=', implementationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function listPayouts(db: Executor, implementationId: number): Promise<ImplementationPayoutRow[]> {
  return db
    .selectFrom('implementation_payouts')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
}

export async function addPayout(
  db: Executor,
  implementationId: number,
  input: { receivedOn: string; amountCents: number; note: string; userId: number },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('implementation_payouts')
    .values({
      implementation_id: implementationId,
      received_on: input.receivedOn,
      amount_cents: input.amountCents,
      note: input.note,
      created_at: now.toISOString(),
      created_by: input.userId,
    })
    .execute();
}

export async function deletePayout(db: Executor, implementationId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('implementation_payouts')
    .where('implementation_id', '=', implementationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// ---- Mittelabrufe (payout requests, ANBest-P Nr. 1.4) ---------------------------------------------

export async function listRequests(db: Executor, implementationId: number): Promise<ImplementationRequestRow[]> {
  return db
    .selectFrom('implementation_requests')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .orderBy('requested_on')
    .orderBy('id')
    .execute();
}

export async function findRequest(db: Executor, implementationId: number, id: number): Promise<ImplementationRequestRow | undefined> {
  return db
    .selectFrom('implementation_requests')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function addRequest(
  db: Executor,
  implementationId: number,
  input: {
    requestedOn: string;
    expectedPayoutOn: string | null;
    planned: unknown;
    requestedCents: number;
    computation: unknown;
    userId: number;
  },
  now = new Date(),
): Promise<number> {
  const row = await db
    .insertInto('implementation_requests')
    .values({
      implementation_id: implementationId,
      requested_on: input.requestedOn,
      expected_payout_on: input.expectedPayoutOn,
      planned: JSON.stringify(input.planned),
      requested_cents: input.requestedCents,
      computation: JSON.stringify(input.computation),
      created_at: now.toISOString(),
      created_by: input.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Per implementation: its Bescheid and milestones (JSON) and the sum paid out, for aggregated statistics only. */
export async function listImplementationFigures(
  db: Executor,
): Promise<Array<{ bescheid: string; milestones: string; paid_out_cents: number }>> {
  const rows = await db
    .selectFrom('implementations')
    .leftJoin('implementation_payouts', 'implementation_payouts.implementation_id', 'implementations.id')
    .select((eb) => [
      'implementations.bescheid',
      'implementations.milestones',
      eb.fn.coalesce(eb.fn.sum<number | string>('implementation_payouts.amount_cents'), eb.lit(0)).as('paid_out_cents'),
    ])
    .groupBy(['implementations.id', 'implementations.bescheid', 'implementations.milestones'])
    .execute();
  // PostgreSQL returns a bigint sum as a string.
  return rows.map((r) => ({ ...r, paid_out_cents: Number(r.paid_out_cents) }));
}

/** The organisation's implementations with their application's title, applications in the bin left out. */
export async function listImplementationsOfOrganisation(
  db: Executor,
  organisationId: number,
): Promise<Array<ImplementationRow & { title: string }>> {
  return db
    .selectFrom('implementations')
    .innerJoin('applications', 'applications.id', 'implementations.application_id')
    .selectAll('implementations')
    .select('applications.title')
    .where('implementations.organisation_id', '=', organisationId)
    .where('applications.deleted_at', 'is', null)
    .orderBy('implementations.id')
    .execute();
}

/** Saves the advisor review of a Sachbericht if nobody acted on it since `expectedVersion` was read (ADR 0068). */
export async function saveProofReview(
  db: Executor,
  input: { id: number; expectedVersion: number; status: string; snapshot: unknown },
): Promise<boolean> {
  const result = await db
    .updateTable('implementations')
    .set((eb) => ({
      proof_review: JSON.stringify(input.snapshot),
      proof_review_status: input.status,
      proof_review_version: eb('proof_review_version', '+', 1),
    }))
    .where('id', '=', input.id)
    .where('proof_review_version', '=', input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sachberichte in the advice (asked, taken or answered) with title and organisation, applications in the bin left out. */
export async function listProofReviews(db: Executor) {
  return db
    .selectFrom('implementations')
    .innerJoin('applications', 'applications.id', 'implementations.application_id')
    .innerJoin('organisations', 'organisations.id', 'implementations.organisation_id')
    .select([
      'implementations.application_id',
      'implementations.proof_review',
      'implementations.proof_review_status',
      'applications.title',
      'organisations.name as organisation_name',
      'organisations.landkreis',
    ])
    .where('implementations.proof_review_status', 'in', ['angefragt', 'in_beratung', 'rueckmeldung'])
    .where('applications.deleted_at', 'is', null)
    .orderBy('implementations.id')
    .execute();
}
