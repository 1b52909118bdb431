import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { jsonColumn, jsonOr } from '../json';
import type { AuditEvent, Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number | null;
  details?: Record<string, unknown>;
}

const auditDetailsColumn = jsonColumn(z.record(z.string(), z.unknown()));

/**
 * The `details` column of an audit entry as the object recordAudit stored; empty when it cannot be
 * read (the entry still shows who did what and when).
 */
export function auditDetails(row: Pick<AuditEvent, 'details'>): Record<string, unknown> {
  return jsonOr(auditDetailsColumn, row.details, {});
}

/** An audit entry with its details decoded. */
export type AuditEntry = Omit<AuditEvent, 'details'> & { details: Record<string, unknown> };

const decoded = <T extends AuditEvent>(row: T): Omit<T, 'details'> & { details: Record<string, unknown> } => ({
  ...row,
  details: auditDetails(row),
});

export async function recordAudit(db: Executor, event: AuditInput, now = new Date()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: now.toISOString(),
      actor_user_id: event.actorUserId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId === null ? null : String(event.subjectId),
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export async function listAudit(
  db: Executor,
  subjectType: string,
  subjectId: string | number,
): Promise<Array<AuditEntry & { actor_name: string | null }>> {
  const rows = await db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .selectAll('audit_events')
    .select('users.name as actor_name')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', String(subjectId))
    .orderBy('audit_events.id', 'desc')
    .execute();
  return rows.map(decoded);
}

export interface AuditSearch {
  /** Action prefix, e.g. "user." or "regelwerk." (the area of the audit view). */
  actionPrefix?: string;
  /** Entries this person did. */
  actorId?: number;
  /** Entries by or about this account (actor, or the account as subject). */
  concerningUserId?: number;
  /** ISO timestamps (UTC): from inclusive, until exclusive. */
  from?: string;
  until?: string;
}

function searchQuery(db: Executor, search: AuditSearch) {
  let query = db.selectFrom('audit_events');
  if (search.actionPrefix) query = query.where('audit_events.action', 'like', `${search.actionPrefix.replace(/[%_]/g, '')}%`);
  if (search.actorId !== undefined) query = query.where('audit_events.actor_user_id', '=', search.actorId);
  if (search.concerningUserId !== undefined) {
    const id = search.concerningUserId;
    query = query.where((eb) =>
      eb.or([
        eb('audit_events.actor_user_id', '=', id),
        eb.and([eb('audit_events.subject_type', '=', 'user'), eb('audit_events.subject_id', '=', String(id))]),
      ]),
    );
  }
  if (search.from) query = query.where('audit_events.at', '>=', search.from);
  if (search.until) query = query.where('audit_events.at', '<', search.until);
  return query;
}

/** One page of the audit log, newest first, with the total for the pagination. */
export async function searchAudit(
  db: Executor,
  search: AuditSearch,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: Array<AuditEntry & { actor_name: string | null; actor_email: string | null }> }> {
  const total = await searchQuery(db, search)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await searchQuery(db, search)
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .selectAll('audit_events')
    .select(['users.name as actor_name', 'users.email as actor_email'])
    .orderBy('audit_events.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), rows: rows.map(decoded) };
}

/** When the account last signed in (from the audit), or null. */
export async function lastSignIn(db: Executor, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('action', '=', 'session.signed_in')
    .where('actor_user_id', '=', userId)
    .executeTakeFirst();
  return row?.at ?? null;
}
