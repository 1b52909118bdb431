import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Queues an e-mail that belongs to no in-app notification (a password link reaches people who
 * cannot sign in). A mail transport reads the outbox; in development it shows at /postfach.
 */
export async function queueEmail(
  db: Executor,
  mail: { toUserId: number | null; toAddress: string; subject: string; body: string },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      to_user_id: mail.toUserId,
      to_address: mail.toAddress,
      subject: mail.subject,
      body: mail.body,
      created_at: now.toISOString(),
    })
    .execute();
}
