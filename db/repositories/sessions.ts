import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Session } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface SessionPolicy {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
  /** Hours after sign-in after which a session ends regardless of activity. */
  absoluteHours: number;
}

export async function createSession(
  db: Executor,
  userId: number,
  policy: SessionPolicy,
  meta: { userAgent: string | null; ip: string | null },
  now = new Date(),
): Promise<Session> {
  const id = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  return db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type SessionState = { status: 'active' | 'expired'; session: Session } | { status: 'missing' };

/** Looks a session up and says whether it is still usable under the policy at `now`. */
export async function findActiveSession(db: Executor, id: string, policy: SessionPolicy, now = new Date()): Promise<SessionState> {
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session || session.revoked_at) return { status: 'missing' };
  const idleDeadline = new Date(session.last_seen_at).getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() >= idleDeadline || now.toISOString() >= session.expires_at) return { status: 'expired', session };
  return { status: 'active', session };
}

/** Records activity; skipped when the last record is under a minute old to spare the disk. */
export async function touchSession(db: Executor, session: Session, now = new Date()): Promise<string> {
  if (now.getTime() - new Date(session.last_seen_at).getTime() < 60_000) return session.last_seen_at;
  const at = now.toISOString();
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', session.id).execute();
  return at;
}

export async function forceTouchSession(db: Executor, id: string, now = new Date()): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function revokeSession(db: Executor, id: string, now = new Date()): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Revokes one of the user's own sessions; returns false if it is not theirs. */
export async function revokeUserSession(db: Executor, userId: number, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function revokeOtherSessions(db: Executor, userId: number, keepId: string | null, now = new Date()): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepId) query = query.where('id', '<>', keepId);
  await query.execute();
}

/** The user's sessions that are neither revoked nor past their absolute end, newest first. */
export async function listUserSessions(db: Executor, userId: number, now = new Date()): Promise<Session[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute();
}
