import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { queueEmail } from '../db/repositories/outbox';
import { createResetToken } from '../db/repositories/password-resets';
import type { Database } from '../db/schema';
import { config } from './config.server';
import { absoluteLink, passwordResetMail } from './notification-texts';

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
