import type { z } from 'zod';
import { recordAudit } from '../../db/repositories/audit';
import { loginThrottle, recordLoginAttempt } from '../../db/repositories/login-attempts';
import { createOrganisationStub, findOrganisationByInviteCode } from '../../db/repositories/organisations';
import { forceTouchSession } from '../../db/repositories/sessions';
import { createUser, findUserByEmail, type PublicUser, verifyCredentials } from '../../db/repositories/users';
import type { registrationSchema } from '../../machines/shared/account';
import { getDb } from '../db.server';
import { endUserSession, getUser, startUserSession } from '../session.server';
import { log } from '../utils/log.server';

/**
 * Signing in and out, registering an account and keeping a session alive (ADR 0002, 0025). The
 * session cookie itself is made by app/session.server.ts; these are the use cases around it.
 */

export type SignInOutcome =
  | { kind: 'throttled'; waitMinutes: number }
  | { kind: 'wrong' }
  | { kind: 'signed-in'; user: PublicUser; cookie: string };

/** Checks the password (throttled per address and client), records the attempt and starts the session. */
export async function signIn(request: Request, email: string, password: string, ip: string | null): Promise<SignInOutcome> {
  const db = await getDb();
  const waitMinutes = await loginThrottle(db, email, ip);
  if (waitMinutes > 0) {
    log('warn', 'login.throttled', { ip });
    return { kind: 'throttled', waitMinutes };
  }
  const user = await verifyCredentials(db, email, password);
  await recordLoginAttempt(db, { email, ip, succeeded: user !== null });
  if (!user) {
    log('info', 'login.failed', { ip });
    return { kind: 'wrong' };
  }
  const cookie = await startUserSession(request, user.id);
  await recordAudit(db, { actorUserId: user.id, action: 'session.signed_in', subjectType: 'user', subjectId: user.id });
  return { kind: 'signed-in', user, cookie };
}

/** Ends the session (audited when someone was signed in); returns the cookie that clears it. */
export async function signOut(request: Request): Promise<string> {
  const user = await getUser(request);
  if (user) {
    await recordAudit(await getDb(), { actorUserId: user.id, action: 'session.signed_out', subjectType: 'user', subjectId: user.id });
  }
  return endUserSession(request);
}

export type RegistrationOutcome = { kind: 'email-taken' } | { kind: 'unknown-invite' } | { kind: 'registered'; cookie: string };

/**
 * A new applicant account, either joining an organisation by its invite code or with a new organisation
 * (a stub completed on the organisation page). The organisation, the account and the audit entry are
 * written in one transaction; the new account is signed in.
 */
export async function registerAccount(request: Request, value: z.output<typeof registrationSchema>): Promise<RegistrationOutcome> {
  const db = await getDb();
  if (await findUserByEmail(db, value.email)) return { kind: 'email-taken' };
  const invited = value.mode === 'beitreten' ? await findOrganisationByInviteCode(db, value.inviteCode) : undefined;
  if (value.mode === 'beitreten' && !invited) return { kind: 'unknown-invite' };
  const user = await db.transaction().execute(async (trx) => {
    const organisationId =
      invited?.id ??
      // Validated by registrationSchema's refinement for mode "neu".
      (await createOrganisationStub(trx, { kind: value.kind!, name: value.organisationName, landkreis: value.landkreis! })).id;
    const created = await createUser(trx, {
      email: value.email,
      name: value.name,
      password: value.password,
      role: 'applicant',
      organisationId,
    });
    await recordAudit(trx, {
      actorUserId: created.id,
      action: value.mode === 'neu' ? 'user.registered_with_new_organisation' : 'user.joined_organisation',
      subjectType: 'organisation',
      subjectId: organisationId,
    });
    return created;
  });
  return { kind: 'registered', cookie: await startUserSession(request, user.id) };
}

/** "Angemeldet bleiben": records activity on the session now. */
export async function keepSessionAlive(sessionId: string): Promise<void> {
  await forceTouchSession(await getDb(), sessionId);
}
