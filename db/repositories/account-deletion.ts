import type { Kysely, Transaction } from 'kysely';
import { type DeletionSituation, formerAccountEmail, formerAccountName } from '../../machines/shared/account-deletion';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/* Deleting one's own account (issue 20 Nr. 5, ADR 0074). */

/** What the account is tied to: its role, its organisation's applications and the other active accounts there. */
export async function deletionSituation(db: Executor, userId: number): Promise<DeletionSituation | null> {
  const user = await db.selectFrom('users').select(['role', 'organisation_id']).where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  if (user.organisation_id === null) return { role: user.role, organisationApplications: 0, otherActiveMembers: 0 };
  const applications = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', user.organisation_id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const others = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', user.organisation_id)
    .where('id', '<>', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { role: user.role, organisationApplications: Number(applications.n), otherActiveMembers: Number(others.n) };
}

/**
 * Removes a person's data and keeps the row as "Ehemaliges Konto", in the caller's transaction.
 * The row stays so the organisation's applications, comments and histories keep their references
 * (ADR 0074); it can never sign in again (no address, no password, disabled). Leaving the network
 * anonymises the posts ("Ehemaliges Mitglied", author set null) and takes messages, blocks,
 * marks and subscriptions with the member row (ADR 0072, foreign keys). Returns whether the person
 * was a network member.
 */
export async function anonymiseAccount(trx: Transaction<Database>, userId: number, now = new Date()): Promise<{ wasMember: boolean }> {
  const user = await trx.selectFrom('users').select(['email']).where('id', '=', userId).executeTakeFirstOrThrow();
  const member = await trx.deleteFrom('network_members').where('user_id', '=', userId).executeTakeFirst();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await trx.deleteFrom('prepared_downloads').where('user_id', '=', userId).execute();
  await trx.deleteFrom('password_reset_tokens').where('user_id', '=', userId).execute();
  // E-mails to the person (sent or waiting) carry the address and the texts meant for them.
  await trx.deleteFrom('outbox').where('to_user_id', '=', userId).execute();
  await trx.deleteFrom('login_attempts').where('email', '=', user.email).execute();
  await trx.deleteFrom('password_reset_requests').where('email', '=', user.email).execute();
  await trx
    .updateTable('users')
    // "!" is no scrypt hash: verifyPassword refuses every password for it.
    .set({ email: formerAccountEmail(userId), name: formerAccountName, password_hash: '!', disabled_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
  return { wasMember: Number(member.numDeletedRows) > 0 };
}
