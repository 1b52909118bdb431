import type { Kysely, Transaction } from 'kysely';
import type { Database, ImplementationRow } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every implementation of an application not in the bin, with its title (for the reminder job). */
export async function listActiveImplementations(db: Executor): Promise<Array<ImplementationRow & { title: string }>> {
  return db
    .selectFrom('implementations')
    .innerJoin('applications', 'applications.id', 'implementations.application_id')
    .selectAll('implementations')
    .select('applications.title')
    .where('applications.deleted_at', 'is', null)
    .orderBy('implementations.id')
    .execute();
}

/**
 * Claims one reminder: true if this call inserted it, false if it was sent before (by this or
 * another instance). Called in the transaction that also writes the notification.
 */
export async function claimReminder(
  db: Executor,
  r: {
    implementationId: number;
    deadlineKey: string;
    deadlineOn: string;
    kind: string;
  },
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .insertInto('deadline_reminders')
    .values({
      implementation_id: r.implementationId,
      deadline_key: r.deadlineKey,
      deadline_on: r.deadlineOn,
      kind: r.kind,
      sent_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['implementation_id', 'deadline_key', 'deadline_on', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findFeedByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<{ organisation_id: number; token_hash: string } | undefined> {
  return db.selectFrom('calendar_feeds').select(['organisation_id', 'token_hash']).where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function hasFeed(db: Executor, organisationId: number): Promise<{ created_at: string } | undefined> {
  return db.selectFrom('calendar_feeds').select('created_at').where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** Creates or replaces the organisation's feed token (the old address stops working at once). */
export async function setFeedToken(
  db: Executor,
  organisationId: number,
  tokenHash: string,
  userId: number,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({
      organisation_id: organisationId,
      token_hash: tokenHash,
      created_at: now.toISOString(),
      created_by: userId,
    })
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet({
        token_hash: tokenHash,
        created_at: now.toISOString(),
        created_by: userId,
      }),
    )
    .execute();
}

export async function deleteFeed(db: Executor, organisationId: number): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('organisation_id', '=', organisationId).execute();
}
