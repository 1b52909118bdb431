import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, EligibilityCheck } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

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

export async function findEligibilityCheck(db: Executor, id: string): Promise<EligibilityCheck | undefined> {
  return db.selectFrom('eligibility_checks').selectAll().where('id', '=', id).executeTakeFirst();
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

export async function latestEligibilityCheckOfUser(db: Executor, userId: number): Promise<EligibilityCheck | undefined> {
  return db
    .selectFrom('eligibility_checks')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
