import type { Kysely, Transaction } from 'kysely';
import type { AuditEvent, Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number | null;
  details?: Record<string, unknown>;
}

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
): Promise<Array<AuditEvent & { actor_name: string | null }>> {
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .selectAll('audit_events')
    .select('users.name as actor_name')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', String(subjectId))
    .orderBy('audit_events.id', 'desc')
    .execute();
}
