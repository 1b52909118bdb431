import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export async function saveAccessibilityFeedback(
  db: Executor,
  feedback: { page: string | null; message: string; contact: string | null },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('accessibility_feedback')
    .values({ created_at: now.toISOString(), ...feedback })
    .execute();
}

export async function listAccessibilityFeedback(db: Executor) {
  return db.selectFrom('accessibility_feedback').selectAll().orderBy('id', 'desc').limit(200).execute();
}
