import type { Kysely, Transaction } from 'kysely';
import { groupConcat } from '../dialect';
import type { ApplicationRow, CommentRow, Database, NotificationRow } from '../schema';
import { parseLooseJson } from '../json';
import { eventChangesColumn, eventDetailsColumn, recordApplicationEvent } from './applications';

type Executor = Kysely<Database> | Transaction<Database>;

export interface StatusSave {
  applicationId: number;
  expectedReviewVersion: number;
  applicationVersion: number;
  status: string;
  snapshot: unknown;
  requestedAt: string | null;
  requestedAdvisorId: number | null;
  advisors: number[];
  userId: number;
  eventType: string;
  details: Record<string, unknown>;
}

/**
 * The stored advice snapshot, decoded from its JSON column: undefined when there is none or it is
 * unreadable (the advice then starts over; the status column and the event log keep the history).
 * Its shape is the statechart's and is checked when it is restored (`startAdvice`, app/beratung).
 */
export const adviceSnapshotOf = (row: Pick<ApplicationRow, 'review_snapshot'>): unknown => parseLooseJson(row.review_snapshot) ?? undefined;

/** Saves a status change if nobody changed the status since it was read; records the event. */
export async function saveAdviceStatus(db: Executor, input: StatusSave, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set((eb) => ({
      status: input.status,
      review_snapshot: JSON.stringify(input.snapshot),
      review_requested_at: input.requestedAt,
      review_requested_advisor_id: input.requestedAdvisorId,
      review_version: eb('review_version', '+', 1),
    }))
    .where('id', '=', input.applicationId)
    .where('review_version', '=', input.expectedReviewVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  // The table mirrors the statechart's advisors (the queue reads it): released advisors leave it.
  await db
    .deleteFrom('application_advisors')
    .where('application_id', '=', input.applicationId)
    .$if(input.advisors.length > 0, (q) => q.where('advisor_id', 'not in', input.advisors))
    .execute();
  const current = await db
    .selectFrom('application_advisors')
    .select('advisor_id')
    .where('application_id', '=', input.applicationId)
    .execute();
  for (const advisorId of input.advisors.filter((a) => !current.some((c) => c.advisor_id === a))) {
    await db
      .insertInto('application_advisors')
      .values({ application_id: input.applicationId, advisor_id: advisorId, since: now.toISOString() })
      .execute();
  }
  await recordApplicationEvent(
    db,
    input.applicationId,
    input.applicationVersion,
    { userId: input.userId, type: input.eventType, details: input.details },
    now,
  );
  return true;
}

export interface QueueFilters {
  route?: string;
  landkreis?: string;
  status?: string;
  /** Waiting for the advice ('in_beratung') at least this many days since the latest request. */
  minDays?: number;
  mine?: boolean;
}

export interface QueueItem {
  id: number;
  title: string;
  route: string | null;
  status: string;
  organisation_name: string;
  landkreis: string;
  review_requested_at: string | null;
  review_requested_advisor_id: number | null;
  updated_at: string;
  advisor_ids: string | null;
}

/** Drafts shared with the advice that this advisor may read, oldest request first. */
export async function listQueue(db: Executor, advisorId: number, filters: QueueFilters, now = new Date()): Promise<QueueItem[]> {
  let query = db
    .selectFrom('applications')
    .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
    .select((eb) => [
      'applications.id',
      'applications.title',
      'applications.route',
      'applications.status',
      'organisations.name as organisation_name',
      'organisations.landkreis',
      'applications.review_requested_at',
      'applications.review_requested_advisor_id',
      'applications.updated_at',
      eb
        .selectFrom('application_advisors')
        .select(groupConcat(db, 'application_advisors.advisor_id').as('ids'))
        .whereRef('application_advisors.application_id', '=', 'applications.id')
        .as('advisor_ids'),
    ])
    .where('applications.review_requested_at', 'is not', null)
    .where('applications.deleted_at', 'is', null)
    // Only what this advisor may read (machines/frl/advice/machine.ts advisorMayRead): drafts
    // they advise, and unassigned requests waiting in the pool or addressed to them by name.
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('application_advisors')
            .select('advisor_id')
            .whereRef('application_advisors.application_id', '=', 'applications.id')
            .where('application_advisors.advisor_id', '=', advisorId),
        ),
        eb.and([
          eb('applications.status', '=', 'in_beratung'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('application_advisors')
                .select('advisor_id')
                .whereRef('application_advisors.application_id', '=', 'applications.id'),
            ),
          ),
          eb.or([
            eb('applications.review_requested_advisor_id', 'is', null),
            eb('applications.review_requested_advisor_id', '=', advisorId),
          ]),
        ]),
      ]),
    );
  if (filters.route) query = query.where('applications.route', '=', filters.route);
  if (filters.landkreis) query = query.where('organisations.landkreis', '=', filters.landkreis as never);
  if (filters.status) query = query.where('applications.status', '=', filters.status);
  if (filters.minDays) {
    // Only drafts waiting for the advice (in the pool or with their advisors), counted from the
    // latest request; drafts returned, completed or submitted are not waiting.
    query = query
      .where('applications.status', '=', 'in_beratung')
      .where('applications.review_requested_at', '<=', new Date(now.getTime() - filters.minDays * 86_400_000).toISOString());
  }
  if (filters.mine) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('application_advisors')
          .select('advisor_id')
          .whereRef('application_advisors.application_id', '=', 'applications.id')
          .where('application_advisors.advisor_id', '=', advisorId),
      ),
    );
  }
  return query.orderBy('applications.review_requested_at', 'asc').limit(500).execute();
}

export async function advisorsOf(db: Executor, applicationId: number): Promise<Array<{ id: number; name: string; email: string }>> {
  return db
    .selectFrom('application_advisors')
    .innerJoin('users', 'users.id', 'application_advisors.advisor_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('application_id', '=', applicationId)
    .orderBy('since')
    .execute();
}

export async function listAdvisors(db: Executor): Promise<Array<{ id: number; name: string; email: string }>> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('role', '=', 'advisor')
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
}

// ---- comments -------------------------------------------------------------------------------

export async function addComment(
  db: Executor,
  input: Omit<CommentRow, 'id' | 'resolved_at' | 'resolved_by' | 'created_at'>,
  now = new Date(),
): Promise<CommentRow> {
  return db
    .insertInto('comments')
    .values({ ...input, created_at: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type CommentWithAuthor = CommentRow & { author_name: string | null; author_role: string | null };

export async function listComments(
  db: Executor,
  applicationId: number,
  options: { includeInternal: boolean },
): Promise<CommentWithAuthor[]> {
  let query = db
    .selectFrom('comments')
    .leftJoin('users', 'users.id', 'comments.author_id')
    .selectAll('comments')
    .select(['users.name as author_name', 'users.role as author_role'])
    .where('application_id', '=', applicationId);
  if (!options.includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('comments.id').execute();
}

export async function findComment(db: Executor, applicationId: number, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).where('application_id', '=', applicationId).executeTakeFirst();
}

export async function setCommentResolved(db: Executor, id: number, userId: number | null, now = new Date()): Promise<void> {
  await db
    .updateTable('comments')
    .set(userId === null ? { resolved_at: null, resolved_by: null } : { resolved_at: now.toISOString(), resolved_by: userId })
    .where('id', '=', id)
    .execute();
}

// ---- what the advisor has seen ---------------------------------------------------------------

export async function reviewMark(
  db: Executor,
  applicationId: number,
  advisorId: number,
): Promise<{ version: number; at: string } | undefined> {
  return db
    .selectFrom('review_marks')
    .select(['version', 'at'])
    .where('application_id', '=', applicationId)
    .where('advisor_id', '=', advisorId)
    .executeTakeFirst();
}

export async function setReviewMark(
  db: Executor,
  applicationId: number,
  advisorId: number,
  version: number,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('review_marks')
    .values({ application_id: applicationId, advisor_id: advisorId, version, at: now.toISOString() })
    .onConflict((oc) => oc.columns(['application_id', 'advisor_id']).doUpdateSet({ version, at: now.toISOString() }))
    .execute();
}

/** Field changes recorded after `sinceVersion` (oldest first), decoded (throws on an entry it cannot read, as the event list does). */
export async function changesSince(db: Executor, applicationId: number, sinceVersion: number) {
  const rows = await db
    .selectFrom('application_events')
    .leftJoin('users', 'users.id', 'application_events.user_id')
    .select([
      'application_events.version',
      'application_events.at',
      'application_events.type',
      'application_events.changes',
      'application_events.details',
      'application_events.step',
      'users.name as user_name',
    ])
    .where('application_id', '=', applicationId)
    .where('application_events.version', '>', sinceVersion)
    .where('application_events.type', 'in', ['step.save', 'step.autosave', 'imported', 'attachment.uploaded', 'attachment.removed'])
    .orderBy('application_events.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    changes: eventChangesColumn.parse(r.changes),
    details: eventDetailsColumn.parse(r.details),
  }));
}

// ---- notifications and outbox -----------------------------------------------------------------

export async function notify(
  db: Executor,
  input: {
    userIds: number[];
    applicationId: number | null;
    kind: string;
    text: string;
    link: string;
    email?: { subject: string; body: string };
  },
  now = new Date(),
): Promise<void> {
  const users = input.userIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'email'])
        .where('id', 'in', [...new Set(input.userIds)])
        .where('disabled_at', 'is', null)
        .execute()
    : [];
  for (const user of users) {
    await db
      .insertInto('notifications')
      .values({
        user_id: user.id,
        application_id: input.applicationId,
        kind: input.kind,
        text: input.text,
        link: input.link,
        created_at: now.toISOString(),
      })
      .execute();
    if (input.email) {
      await db
        .insertInto('outbox')
        .values({
          to_user_id: user.id,
          to_address: user.email,
          subject: input.email.subject,
          body: input.email.body,
          created_at: now.toISOString(),
        })
        .execute();
    }
  }
}

export async function unreadNotificationCount(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(db: Executor, userId: number): Promise<NotificationRow[]> {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(100).execute();
}

export async function markNotificationsRead(db: Executor, userId: number, ids: number[] | 'all', now = new Date()): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids.length ? ids : [-1]);
  await query.execute();
}

export async function listOutbox(db: Executor, userId: number | null) {
  let query = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(200);
  if (userId !== null) query = query.where('to_user_id', '=', userId);
  return query.execute();
}

/** The application version when advice was first requested (an advisor's start without a mark). */
export async function versionAtFirstRequest(db: Executor, applicationId: number): Promise<number | null> {
  const row = await db
    .selectFrom('application_events')
    .select('version')
    .where('application_id', '=', applicationId)
    .where('type', '=', 'status.beratung.anfragen')
    .orderBy('id', 'asc')
    .executeTakeFirst();
  return row?.version ?? null;
}
