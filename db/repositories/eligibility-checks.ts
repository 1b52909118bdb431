import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, EligibilityCheck } from '../schema';
import { parseLooseJson } from '../json';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The stored snapshot, decoded from its JSON column: null when unreadable. Its shape is the
 * statechart's and is checked when the check is restored (app/foerdercheck, `restore`).
 */

/** A stored check with its snapshot decoded. */
export type StoredEligibilityCheck = Omit<EligibilityCheck, 'snapshot'> & { snapshot: unknown };

const decoded = (row: EligibilityCheck | undefined): StoredEligibilityCheck | undefined =>
  row && { ...row, snapshot: parseLooseJson(row.snapshot) };

export async function createEligibilityCheck(
  db: Executor,
  snapshot: unknown,
  userId: number | null,
  now = new Date(),
): Promise<EligibilityCheck> {
  const at = now.toISOString();
  return db
    .insertInto('eligibility_checks')
    .values({
      id: randomBytes(18).toString('base64url'),
      user_id: userId,
      snapshot: JSON.stringify(snapshot),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findEligibilityCheck(db: Executor, id: string): Promise<StoredEligibilityCheck | undefined> {
  return decoded(await db.selectFrom('eligibility_checks').selectAll().where('id', '=', id).executeTakeFirst());
}

export async function saveEligibilityCheck(
  db: Executor,
  id: string,
  snapshot: unknown,
  userId: number | null,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('eligibility_checks')
    .set((eb) => ({
      snapshot: JSON.stringify(snapshot),
      updated_at: now.toISOString(),
      user_id: userId === null ? eb.ref('user_id') : eb.val(userId),
    }))
    .where('id', '=', id)
    .execute();
}

export async function latestEligibilityCheckOfUser(db: Executor, userId: number): Promise<StoredEligibilityCheck | undefined> {
  return decoded(
    await db
      .selectFrom('eligibility_checks')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  );
}
