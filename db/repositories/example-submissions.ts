import type { Kysely, Transaction } from 'kysely';
import { exampleFromJson } from '../../machines/methoden/example-submission';
import type { GoodExample } from '../../machines/methoden/examples';
import type { Database, ExampleSubmissionRow } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A stored offer with its entry decoded (the `data` column, checked against the example schema with
 * zod): null when the stored text is not a readable example.
 */
export type StoredSubmission = ExampleSubmissionRow & { example: GoodExample | null };

const decoded = <R extends { data: string }>(row: R): R & { example: GoodExample | null } => ({
  ...row,
  example: exampleFromJson(row.data),
});

export async function findSubmissionByApplication(db: Executor, applicationId: number): Promise<StoredSubmission | undefined> {
  const row = await db.selectFrom('example_submissions').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  return row && decoded(row);
}

export async function findSubmission(db: Executor, id: number): Promise<StoredSubmission | undefined> {
  const row = await db.selectFrom('example_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decoded(row);
}

/**
 * Offers (or offers again) the example of an application: a new row, or the existing one replaced
 * and back with the editors, if nobody changed it since `expectedVersion` (null: none existed).
 */
export async function submitExample(
  db: Executor,
  input: { applicationId: number; organisationId: number; slug: string; data: unknown; userId: number; expectedVersion: number | null },
  now = new Date(),
): Promise<boolean> {
  const values = {
    slug: input.slug,
    data: JSON.stringify(input.data),
    status: 'eingereicht',
    submitted_by: input.userId,
    submitted_at: now.toISOString(),
    decided_by: null,
    decided_at: null,
    reason: null,
  };
  if (input.expectedVersion === null) {
    const inserted = await db
      .insertInto('example_submissions')
      .values({ ...values, application_id: input.applicationId, organisation_id: input.organisationId })
      .onConflict((oc) => oc.column('application_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await db
    .updateTable('example_submissions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('application_id', '=', input.applicationId)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** An editor's decision or the grantee's withdrawal, guarded by the version that was read. */
export async function setSubmissionStatus(
  db: Executor,
  input: { id: number; expectedVersion: number; status: string; userId: number; reason: string | null },
  now = new Date(),
): Promise<boolean> {
  const updated = await db
    .updateTable('example_submissions')
    .set((eb) => ({
      status: input.status,
      decided_by: input.userId,
      decided_at: now.toISOString(),
      reason: input.reason,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** The editors' list: waiting ones first (oldest first), then the latest decisions. */
export async function listSubmissions(db: Executor, limit = 200) {
  const rows = await db
    .selectFrom('example_submissions')
    .innerJoin('organisations', 'organisations.id', 'example_submissions.organisation_id')
    .select([
      'example_submissions.id',
      'example_submissions.slug',
      'example_submissions.data',
      'example_submissions.status',
      'example_submissions.submitted_at',
      'example_submissions.decided_at',
      'organisations.name as organisation_name',
    ])
    .orderBy((eb) => eb.case().when('example_submissions.status', '=', 'eingereicht').then(0).else(1).end())
    .orderBy('example_submissions.submitted_at')
    .limit(limit)
    .execute();
  return rows.map(decoded);
}

/** The published entries, for the public pages (unreadable ones are left out). */
export async function listPublishedExamples(db: Executor): Promise<GoodExample[]> {
  const rows = await db.selectFrom('example_submissions').select('data').where('status', '=', 'veroeffentlicht').orderBy('id').execute();
  return rows.map((r) => exampleFromJson(r.data)).filter((e): e is GoodExample => e !== null);
}

/** The published entries with the moment an editor approved them, newest first (for the Atom feed). */
export async function listPublishedExampleEntries(
  db: Executor,
  limit = 50,
): Promise<Array<{ example: GoodExample | null; decided_at: string | null }>> {
  const rows = await db
    .selectFrom('example_submissions')
    .select(['data', 'decided_at'])
    .where('status', '=', 'veroeffentlicht')
    .orderBy('decided_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ example: exampleFromJson(r.data), decided_at: r.decided_at }));
}

/** Changes whenever an offer is added, decided or withdrawn (for caches of the public list). */
export async function submissionsStamp(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('example_submissions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v'), eb.fn.max('id').as('id')])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}:${Number(row.v ?? 0)}:${Number(row.id ?? 0)}`;
}
