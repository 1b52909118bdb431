import { anonymiseAccount, deletionSituation } from '../../db/repositories/account-deletion';
import { recordAudit } from '../../db/repositories/audit';
import { loginThrottle, recordLoginAttempt } from '../../db/repositories/login-attempts';
import { verifyCredentials } from '../../db/repositories/users';
import { deletionRefusal } from '../../machines/shared/account-deletion';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';

/*
 * Deleting one's own account (issue 20 Nr. 5, ADR 0074): the password confirms it, wrong passwords
 * count like failed sign-ins (the same throttle), and everything happens in one transaction.
 */

export type DeletionOutcome =
  | { status: 'deleted' }
  | { status: 'refused'; message: string }
  | { status: 'wrong-password' }
  | { status: 'throttled'; waitMinutes: number };

/** Whether the account may delete itself now; the German reason when not. */
export async function deletionRefusalFor(userId: number): Promise<string | null> {
  const situation = await deletionSituation(await getDb(), userId);
  return situation ? deletionRefusal(situation) : 'Dieses Konto gibt es nicht mehr.';
}

export async function deleteOwnAccount(user: CurrentUser, password: string, ip: string | null): Promise<DeletionOutcome> {
  const db = await getDb();
  const waitMinutes = await loginThrottle(db, user.email, ip);
  if (waitMinutes > 0) return { status: 'throttled', waitMinutes };
  const valid = await verifyCredentials(db, user.email, password);
  if (!valid) {
    await recordLoginAttempt(db, { email: user.email, ip, succeeded: false });
    return { status: 'wrong-password' };
  }
  return db.transaction().execute(async (trx): Promise<DeletionOutcome> => {
    // Read again inside the transaction: a colleague may have left the organisation meanwhile.
    const situation = await deletionSituation(trx, user.id);
    const refused = situation ? deletionRefusal(situation) : 'Dieses Konto gibt es nicht mehr.';
    if (refused) return { status: 'refused', message: refused };
    const { wasMember } = await anonymiseAccount(trx, user.id);
    // No name or address in the trail: the subject id points to the anonymised row.
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'user.deleted',
      subjectType: 'user',
      subjectId: user.id,
      details: { networkMember: wasMember },
    });
    return { status: 'deleted' };
  });
}
