import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { jsonColumn, parseLooseJson } from '../json';
import type { ApplicationEventRow, ApplicationRow, AttachmentRow, Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** Columns kept beside the snapshot so lists and filters never parse JSON. */
export interface ApplicationMeta {
  title: string;
  route: string | null;
  view: string;
  requestedGrantCents: number | null;
  totalCents: number | null;
  verdict: string | null;
  ruleVersion: string | null;
  unmetCriteria: string[];
}

function metaColumns(meta: ApplicationMeta) {
  return {
    title: meta.title,
    route: meta.route,
    view: meta.view,
    requested_grant_cents: meta.requestedGrantCents,
    total_cents: meta.totalCents,
    verdict: meta.verdict,
    rule_version: meta.ruleVersion,
    unmet_criteria: JSON.stringify(meta.unmetCriteria),
  };
}

export interface EventInput {
  userId: number | null;
  type: string;
  step?: string | null;
  changes?: unknown[];
  details?: Record<string, unknown>;
}

export async function recordApplicationEvent(db: Executor, applicationId: number, version: number, event: EventInput, now = new Date()) {
  await db
    .insertInto('application_events')
    .values({
      application_id: applicationId,
      at: now.toISOString(),
      user_id: event.userId,
      type: event.type,
      step: event.step ?? null,
      version,
      changes: JSON.stringify(event.changes ?? []),
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export async function createApplication(
  db: Executor,
  input: { organisationId: number; userId: number; snapshot: unknown; meta: ApplicationMeta; sourceCheckId?: string | null },
  now = new Date(),
): Promise<ApplicationRow> {
  const at = now.toISOString();
  const row = await db
    .insertInto('applications')
    .values({
      organisation_id: input.organisationId,
      snapshot: JSON.stringify(input.snapshot),
      ...metaColumns(input.meta),
      source_check_id: input.sourceCheckId ?? null,
      created_at: at,
      created_by: input.userId,
      updated_at: at,
      updated_by: input.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordApplicationEvent(
    db,
    row.id,
    row.version,
    { userId: input.userId, type: 'created', details: { sourceCheckId: input.sourceCheckId ?? null } },
    now,
  );
  return row;
}

export async function findApplication(
  db: Executor,
  id: number,
  options: { includeDeleted?: boolean } = {},
): Promise<ApplicationRow | undefined> {
  let query = db.selectFrom('applications').selectAll().where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  return query.executeTakeFirst();
}

export type SaveResult = { ok: true; version: number } | { ok: false; reason: 'conflict'; current: ApplicationRow | undefined };

/**
 * Saves a new snapshot if nobody saved since `expectedVersion` was read (optimistic locking in
 * one UPDATE … WHERE version = ?), and records the event. Call inside a transaction.
 */
export async function saveApplication(
  db: Executor,
  input: { id: number; expectedVersion: number; snapshot: unknown; meta: ApplicationMeta; event: EventInput },
  now = new Date(),
): Promise<SaveResult> {
  const result = await db
    .updateTable('applications')
    .set((eb) => ({
      snapshot: JSON.stringify(input.snapshot),
      ...metaColumns(input.meta),
      version: eb('version', '+', 1),
      updated_at: now.toISOString(),
      updated_by: input.event.userId,
    }))
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict', current: await findApplication(db, input.id) };
  const version = input.expectedVersion + 1;
  await recordApplicationEvent(db, input.id, version, input.event, now);
  return { ok: true, version };
}

export interface ApplicationListItem {
  id: number;
  title: string;
  route: string | null;
  status: string;
  requested_grant_cents: number | null;
  verdict: string | null;
  updated_at: string;
  updated_by_name: string | null;
  deleted_at: string | null;
}

export async function listApplications(
  db: Executor,
  organisationId: number,
  options: { deleted: boolean; limit?: number; offset?: number },
): Promise<ApplicationListItem[]> {
  return db
    .selectFrom('applications')
    .leftJoin('users', 'users.id', 'applications.updated_by')
    .select([
      'applications.id',
      'applications.title',
      'applications.route',
      'applications.status',
      'applications.requested_grant_cents',
      'applications.verdict',
      'applications.updated_at',
      'applications.deleted_at',
      'users.name as updated_by_name',
    ])
    .where('applications.organisation_id', '=', organisationId)
    .where('applications.deleted_at', options.deleted ? 'is not' : 'is', null)
    .orderBy('applications.updated_at', 'desc')
    .limit(options.limit ?? 200)
    .offset(options.offset ?? 0)
    .execute();
}

export async function countApplications(db: Executor, organisationId: number): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function softDeleteApplication(db: Executor, id: number, userId: number, now = new Date()): Promise<void> {
  const row = await db
    .updateTable('applications')
    .set((eb) => ({ deleted_at: now.toISOString(), deleted_by: userId, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning('version')
    .executeTakeFirst();
  if (row) await recordApplicationEvent(db, id, row.version, { userId, type: 'deleted' }, now);
}

export async function restoreApplication(db: Executor, id: number, userId: number, now = new Date()): Promise<boolean> {
  const row = await db
    .updateTable('applications')
    .set((eb) => ({
      deleted_at: null,
      deleted_by: null,
      version: eb('version', '+', 1),
      updated_at: now.toISOString(),
      updated_by: userId,
    }))
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .returning('version')
    .executeTakeFirst();
  if (row) await recordApplicationEvent(db, id, row.version, { userId, type: 'restored' }, now);
  return row !== undefined;
}

/**
 * The events that raised the version from `afterVersion` to `upToVersion`, one per version (step
 * and changed paths). Events that change nothing (comments, downloads) carry the version they saw;
 * the first event of each version is the one that wrote it.
 */
export async function eventsSince(db: Executor, applicationId: number, afterVersion: number, upToVersion: number) {
  const rows = await db
    .selectFrom('application_events')
    .select(['version', 'type', 'step', 'changes'])
    .where('application_id', '=', applicationId)
    .where('version', '>', afterVersion)
    .where('version', '<=', upToVersion)
    .orderBy('id')
    .execute();
  const writers = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!writers.has(row.version)) writers.set(row.version, row);
  return [...writers.values()].map((r) => ({
    version: r.version,
    type: r.type,
    step: r.step,
    paths: eventChangesColumn.parse(r.changes).map((c) => c.path),
  }));
}

/** Events that change what "Angaben prüfen" shows: saves that changed a field, attachments, an import. */
const answerChangingEvents = ['attachment.uploaded', 'attachment.removed', 'imported'];

/**
 * When the applicant last opened "Angaben prüfen" (the `answers.checked` event), and whether any
 * answer or attachment changed after that; null if it was never opened.
 */
export async function answersCheckOf(db: Executor, applicationId: number): Promise<{ checkedAt: string; changedSince: boolean } | null> {
  const checked = await db
    .selectFrom('application_events')
    .select(['id', 'at'])
    .where('application_id', '=', applicationId)
    .where('type', '=', 'answers.checked')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!checked) return null;
  const changed = await db
    .selectFrom('application_events')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('id', '>', checked.id)
    .where((eb) =>
      eb.or([
        eb('type', 'in', answerChangingEvents),
        eb.and([eb('type', 'in', ['step.save', 'step.autosave']), eb('changes', '!=', '[]')]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return { checkedAt: checked.at, changedSince: changed !== undefined };
}

/**
 * An application's stored snapshot, decoded from its JSON column: null when unreadable. Its shape
 * is the statechart's and is checked (and salvaged) when the wizard is restored (app/antrag).
 */
export const decodeSnapshot = (row: Pick<ApplicationRow, 'snapshot'>): unknown => parseLooseJson(row.snapshot);

/** An event's JSON columns as written by `recordApplicationEvent`. */
const eventDetails = z.record(z.string(), z.unknown());
const eventChanges = z.array(z.looseObject({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }));
/**
 * Decoders of those columns. They throw on a value they cannot read: the log is written only by
 * `recordApplicationEvent`, and a conflict check or a history that skipped an entry would be wrong.
 */
export const eventDetailsColumn = jsonColumn(eventDetails);
export const eventChangesColumn = jsonColumn(eventChanges);

export type ApplicationEventChange = z.output<typeof eventChanges>[number];
export type ApplicationEventListItem = Omit<ApplicationEventRow, 'details' | 'changes'> & {
  user_name: string | null;
  user_role: string | null;
  details: Record<string, unknown>;
  changes: ApplicationEventChange[];
};

/** Events of an application, newest first, their JSON columns decoded; `beforeId` pages back through older ones. */
export async function listApplicationEvents(
  db: Executor,
  applicationId: number,
  options: { beforeId?: number; limit?: number } = {},
): Promise<ApplicationEventListItem[]> {
  let query = db
    .selectFrom('application_events')
    .leftJoin('users', 'users.id', 'application_events.user_id')
    .selectAll('application_events')
    .select(['users.name as user_name', 'users.role as user_role'])
    .where('application_id', '=', applicationId);
  if (options.beforeId) query = query.where('application_events.id', '<', options.beforeId);
  const rows = await query
    .orderBy('application_events.id', 'desc')
    .limit(options.limit ?? 500)
    .execute();
  return rows.map((row) => ({ ...row, details: eventDetailsColumn.parse(row.details), changes: eventChangesColumn.parse(row.changes) }));
}

// ---- attachments ----------------------------------------------------------------------------

export async function addAttachment(
  db: Executor,
  input: Omit<AttachmentRow, 'id' | 'deleted_at' | 'uploaded_at'>,
  now = new Date(),
): Promise<AttachmentRow> {
  return db
    .insertInto('attachments')
    .values({ ...input, uploaded_at: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listAttachments(
  db: Executor,
  applicationId: number,
): Promise<Array<AttachmentRow & { uploaded_by_name: string | null }>> {
  return db
    .selectFrom('attachments')
    .leftJoin('users', 'users.id', 'attachments.uploaded_by')
    .selectAll('attachments')
    .select('users.name as uploaded_by_name')
    .where('application_id', '=', applicationId)
    .where('attachments.deleted_at', 'is', null)
    .orderBy('attachments.id')
    .execute();
}

export async function findAttachment(db: Executor, applicationId: number, id: number): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('application_id', '=', applicationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function removeAttachment(db: Executor, applicationId: number, id: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('attachments')
    .set({ deleted_at: now.toISOString() })
    .where('id', '=', id)
    .where('application_id', '=', applicationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function attachmentTypesOf(db: Executor, applicationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('attachments')
    .select('doc_type')
    .distinct()
    .where('application_id', '=', applicationId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.doc_type);
}

// ---- input kept across an expired session --------------------------------------------------

export async function keepPendingSubmission(
  db: Executor,
  input: { id: string; userId: number; path: string; form: Record<string, unknown> },
  now = new Date(),
) {
  await db
    .insertInto('pending_submissions')
    .values({ id: input.id, user_id: input.userId, path: input.path, form: JSON.stringify(input.form), created_at: now.toISOString() })
    .execute();
}

/** The kept form as `keepPendingSubmission` wrote it: the posted entries and the version they were typed on. */
const pendingFormColumn = jsonColumn(
  z.object({ entries: z.array(z.tuple([z.string(), z.string()])).catch([]), version: z.string().catch('') }),
);

/** The input kept for its user; it stays until `dropPendingSubmission` (after it was saved). */
export async function findPendingSubmission(db: Executor, id: string, userId: number) {
  const row = await db.selectFrom('pending_submissions').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row ? { path: row.path, form: pendingFormColumn.parse(row.form) } : undefined;
}

export async function dropPendingSubmission(db: Executor, id: string, userId: number) {
  await db.deleteFrom('pending_submissions').where('id', '=', id).where('user_id', '=', userId).execute();
}
