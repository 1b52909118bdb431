import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Links to set a new password ("Passwort vergessen?" or sent by the administration). Only the
 * SHA-256 of the random token is stored, so a copy of the database opens no account; a token is
 * used once and expires. Requests are counted per address and per client address, known or not,
 * so the limit tells nobody whether an account exists.
 */

export async function createResetToken(
  db: Executor,
  input: { userId: number; tokenHash: string; expiresAt: Date; requestedBy: number | null },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('password_reset_tokens')
    .values({
      user_id: input.userId,
      token_hash: input.tokenHash,
      created_at: now.toISOString(),
      expires_at: input.expiresAt.toISOString(),
      used_at: null,
      requested_by: input.requestedBy,
    })
    .execute();
}

/** The unused, unexpired token with this hash, with its account; undefined otherwise. */
export async function findUsableReset(
  db: Executor,
  tokenHash: string,
  now = new Date(),
): Promise<{ id: number; user_id: number; expires_at: string } | undefined> {
  return db
    .selectFrom('password_reset_tokens')
    .innerJoin('users', 'users.id', 'password_reset_tokens.user_id')
    .select(['password_reset_tokens.id', 'password_reset_tokens.user_id', 'password_reset_tokens.expires_at'])
    .where('password_reset_tokens.token_hash', '=', tokenHash)
    .where('password_reset_tokens.used_at', 'is', null)
    .where('password_reset_tokens.expires_at', '>', now.toISOString())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Uses the token and voids every other open token of the account. False when it was used (or
 * expired) meanwhile: of two submissions of the same link, only one sets a password.
 */
export async function consumeReset(db: Executor, id: number, userId: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('password_reset_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  return true;
}

export interface ResetThrottlePolicy {
  windowMinutes: number;
  maxPerEmail: number;
  maxPerIp: number;
}

// Per client address as generous as for sign-ins: many people of one town hall may share one address.
export const defaultResetThrottle: ResetThrottlePolicy = { windowMinutes: 60, maxPerEmail: 3, maxPerIp: 30 };

export async function recordResetRequest(db: Executor, email: string, ip: string | null, now = new Date()): Promise<void> {
  await db
    .insertInto('password_reset_requests')
    .values({ email: email.trim().toLowerCase().slice(0, 254), ip, requested_at: now.toISOString() })
    .execute();
}

/** Minutes to wait before another request for this address or from this client, else 0. */
export async function resetRequestThrottle(
  db: Executor,
  email: string,
  ip: string | null,
  policy: ResetThrottlePolicy = defaultResetThrottle,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString();
  const byEmail = await db
    .selectFrom('password_reset_requests')
    .select('requested_at')
    .where('email', '=', email.trim().toLowerCase())
    .where('requested_at', '>', since)
    .orderBy('requested_at')
    .execute();
  const byIp = ip
    ? await db
        .selectFrom('password_reset_requests')
        .select('requested_at')
        .where('ip', '=', ip)
        .where('requested_at', '>', since)
        .orderBy('requested_at')
        .execute()
    : [];
  const blocking = [
    ...(byEmail.length >= policy.maxPerEmail ? [byEmail[byEmail.length - policy.maxPerEmail]!.requested_at] : []),
    ...(byIp.length >= policy.maxPerIp ? [byIp[byIp.length - policy.maxPerIp]!.requested_at] : []),
  ];
  if (!blocking.length) return 0;
  // Waits until the oldest request that counts towards the limit leaves the window.
  const freeAt = Math.max(...blocking.map((at) => new Date(at).getTime() + policy.windowMinutes * 60_000));
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}
