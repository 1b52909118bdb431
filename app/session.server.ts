import { createCookie, redirect } from '@remix-run/node';
import type { Role } from '../machines/shared/organisation';
import { findOrganisation } from '../db/repositories/organisations';
import { isStorageFault, type DB } from '../db/client';
import { createSession, findActiveSession, revokeSession, touchSession, type SessionPolicy } from '../db/repositories/sessions';
import type { Session } from '../db/schema';
import { findUserById, type PublicUser } from '../db/repositories/users';
import { config } from './config.server';
import { getDb } from './db.server';
import { log } from './utils/log.server';
import { oncePerRequest } from './utils/request-context.server';
import { clientIp } from './utils/request.server';

const policy: SessionPolicy = { idleMinutes: config.session.idleMinutes, absoluteHours: config.session.absoluteHours };

/** Holds only the random session id; everything else stays on the server (revocable, listable). */
export const sessionCookie = createCookie('fl_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: config.secureCookies,
  secrets: config.secrets,
  maxAge: config.session.absoluteHours * 3600,
});

export interface CurrentUser extends PublicUser {
  organisationName: string | null;
  sessionId: string;
  /** ISO time when the session ends if the user does nothing. */
  idleDeadline: string;
}

export type AuthState = { status: 'signed-in'; user: CurrentUser } | { status: 'expired'; userId: number } | { status: 'anonymous' };

async function readSessionId(request: Request): Promise<string | null> {
  try {
    const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
    return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : null;
  } catch {
    // A malformed or tampered cookie is treated like no cookie.
    return null;
  }
}

/**
 * Resolves the signed-in user (once per request) and records activity on the session. Remix hands
 * each loader a request object of its own, so "once" is kept in the request's context; an
 * action's POST resolves apart from the loaders that may follow it (it can change the session).
 */
export function getAuthState(request: Request): Promise<AuthState> {
  return oncePerRequest(`auth ${request.method} ${request.headers.get('Cookie') ?? ''}`, () => resolveAuthState(request));
}

async function resolveAuthState(request: Request): Promise<AuthState> {
  const id = await readSessionId(request);
  if (!id) return { status: 'anonymous' };
  const db = await getDb();
  const found = await findActiveSession(db, id, policy);
  if (found.status === 'missing') return { status: 'anonymous' };
  if (found.status === 'expired') return { status: 'expired', userId: found.session.user_id };
  const user = await findUserById(db, found.session.user_id);
  if (!user || user.disabled_at) return { status: 'anonymous' };
  const lastSeen = await recordActivity(db, found.session);
  const organisation = user.organisation_id ? await findOrganisation(db, user.organisation_id) : undefined;
  return {
    status: 'signed-in',
    user: {
      ...user,
      organisationName: organisation?.name ?? null,
      sessionId: found.session.id,
      idleDeadline: new Date(
        Math.min(new Date(lastSeen).getTime() + policy.idleMinutes * 60_000, new Date(found.session.expires_at).getTime()),
      ).toISOString(),
    },
  };
}

/**
 * Records activity on the session (at most once a minute). When the storage cannot take the write
 * (disk full), the page is still shown: reading works, and the session keeps its last activity.
 */
async function recordActivity(db: DB, session: Session): Promise<string> {
  try {
    return await touchSession(db, session);
  } catch (error) {
    if (!isStorageFault(error)) throw error;
    log('warn', 'session.touch_failed', { code: (error as { code?: string }).code ?? null });
    return session.last_seen_at;
  }
}

export async function getUser(request: Request): Promise<CurrentUser | null> {
  const state = await getAuthState(request);
  return state.status === 'signed-in' ? state.user : null;
}

function signInUrl(request: Request, reason?: 'expired') {
  const url = new URL(request.url);
  const params = new URLSearchParams({ weiter: url.pathname + url.search });
  if (reason) params.set('grund', reason);
  return `/anmelden?${params.toString()}`;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const state = await getAuthState(request);
  if (state.status === 'signed-in') return state.user;
  throw redirect(signInUrl(request, state.status === 'expired' ? 'expired' : undefined));
}

/** The signed-in user if they hold one of the roles; anyone else signed in gets 403. */
export async function requireRole(request: Request, allowed: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!allowed.includes(user.role)) {
    throw new Response('Für diese Seite fehlt Ihnen die Berechtigung.', { status: 403 });
  }
  return user;
}

/** An applicant with their organisation id (narrowed to a number). */
export async function requireApplicant(request: Request): Promise<CurrentUser & { organisation_id: number }> {
  const user = await requireRole(request, ['applicant']);
  if (user.organisation_id === null) throw new Response('Ihrem Konto ist keine Organisation zugeordnet.', { status: 403 });
  return user as CurrentUser & { organisation_id: number };
}

export async function startUserSession(request: Request, userId: number): Promise<string> {
  const db = await getDb();
  const session = await createSession(db, userId, policy, {
    userAgent: request.headers.get('User-Agent'),
    ip: clientIp(request),
  });
  return sessionCookie.serialize(session.id);
}

export async function endUserSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await revokeSession(await getDb(), id);
  return sessionCookie.serialize('', { maxAge: 0 });
}

export const homeByRole: Record<Role, string> = {
  applicant: '/antraege',
  advisor: '/beratung',
  ministry: '/regelwerk',
  admin: '/verwaltung',
};
