import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../db/repositories/audit';
import { queueEmail } from '../../db/repositories/outbox';
import {
  consumeReset,
  createResetToken,
  findUsableReset,
  recordResetRequest,
  resetRequestThrottle,
} from '../../db/repositories/password-resets';
import { revokeOtherSessions } from '../../db/repositories/sessions';
import { changePassword, findUserByEmail } from '../../db/repositories/users';
import type { Database } from '../../db/schema';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { log } from '../utils/log.server';
import { absoluteLink, passwordResetMail } from '../notification-texts';

/** The stored form of a reset token: its SHA-256 in hex (the token itself only travels in the link). */
export const hashResetToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Creates a single-use link to set a new password and puts the e-mail with it in the outbox.
 * `sentBy` is the administrator who sent it, or null when the person asked for it themselves.
 */
export async function sendResetLink(
  db: Kysely<Database> | Transaction<Database>,
  user: { id: number; email: string; name: string },
  sentBy: { id: number; name: string } | null,
  now = new Date(),
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await createResetToken(
    db,
    {
      userId: user.id,
      tokenHash: hashResetToken(token),
      expiresAt: new Date(now.getTime() + config.passwordResetMinutes * 60_000),
      requestedBy: sentBy?.id ?? null,
    },
    now,
  );
  const mail = passwordResetMail({
    name: user.name,
    link: absoluteLink(config.publicUrl, `/passwort-neu/${token}`),
    minutes: config.passwordResetMinutes,
    sentBy: sentBy?.name ?? null,
  });
  await queueEmail(db, { toUserId: user.id, toAddress: user.email, ...mail }, now);
}

/**
 * "Passwort vergessen?" (ADR 0025): records the request (limited per address and client) and sends a
 * link when an active account has the address. The outcome does not tell whether one has.
 */
export async function requestPasswordReset(email: string, ip: string | null): Promise<{ waitMinutes: number }> {
  const db = await getDb();
  const wait = await resetRequestThrottle(db, email, ip);
  if (wait > 0) {
    log('warn', 'password_reset.throttled', { ip });
    return { waitMinutes: wait };
  }
  await db.transaction().execute(async (trx) => {
    await recordResetRequest(trx, email, ip);
    const user = await findUserByEmail(trx, email);
    // Locked accounts get no link; the answer stays the same.
    if (!user || user.disabled_at) return;
    await sendResetLink(trx, user, null);
    await recordAudit(trx, { actorUserId: null, action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id });
  });
  return { waitMinutes: 0 };
}

const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;

/** The reset a link stands for, while it can still be used. */
export async function usableReset(token: string | undefined): Promise<{ id: number; user_id: number } | undefined> {
  if (!token || !tokenShape.test(token)) return undefined;
  return findUsableReset(await getDb(), hashResetToken(token));
}

/**
 * Sets the new password, once per link: every session of the account ends (someone else may have known
 * the old password) and other links are voided. False when the link was used meanwhile.
 */
export async function setNewPassword(reset: { id: number; user_id: number }, password: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    if (!(await consumeReset(trx, reset.id, reset.user_id))) return false;
    await changePassword(trx, reset.user_id, password);
    await revokeOtherSessions(trx, reset.user_id, null);
    await recordAudit(trx, { actorUserId: reset.user_id, action: 'user.password_reset', subjectType: 'user', subjectId: reset.user_id });
    return true;
  });
}
