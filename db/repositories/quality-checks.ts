import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { parseQualityCheckContent, type QualityCheckContent } from '../../machines/qualitaetscheck/schema';
import { contentArchive, publishProblems } from '../../machines/qualitaetscheck/versions';
import type { Database, QualityCheckContentRow, QualityCheckGuestLinkRow, QualityCheckParticipantRow, QualityCheckRow } from '../schema';
import { parseLooseJson } from '../json';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A respondent's stored snapshot, decoded from its JSON column: null when there is none (only
 * invited) or it is unreadable. Its shape is the check's and is checked and salvaged by the caller
 * (`restoreCheck`, `salvage` in machines/qualitaetscheck), so a bad value costs answers, not the page.
 */
export const participantSnapshotOf = (row: Pick<QualityCheckParticipantRow, 'snapshot'>): unknown => parseLooseJson(row.snapshot);

// ---- rounds ----------------------------------------------------------------------------------

export interface NewQualityCheck {
  organisationId: number | null;
  createdBy: number | null;
  title: string;
  contentVersion: string;
}

export async function createQualityCheck(db: Executor, input: NewQualityCheck, now = new Date()): Promise<QualityCheckRow> {
  const at = now.toISOString();
  return db
    .insertInto('quality_checks')
    .values({
      id: randomBytes(18).toString('base64url'),
      organisation_id: input.organisationId,
      created_by: input.createdBy,
      title: input.title,
      content_version: input.contentVersion,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findQualityCheck(db: Executor, id: string): Promise<QualityCheckRow | undefined> {
  return db.selectFrom('quality_checks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchQualityCheck(
  db: Executor,
  id: string,
  changes: { contentVersion?: string } = {},
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('quality_checks')
    .set({ updated_at: now.toISOString(), ...(changes.contentVersion ? { content_version: changes.contentVersion } : {}) })
    .where('id', '=', id)
    .execute();
}

/**
 * Moves a check started without signing in into an organisation; its anonymous respondent becomes
 * the user. Only a check without owner can be claimed (returns false otherwise).
 */
export async function claimQualityCheck(
  db: Executor,
  id: string,
  owner: { organisationId: number; userId: number },
  now = new Date(),
): Promise<boolean> {
  const claimed = await db
    .updateTable('quality_checks')
    .set({ organisation_id: owner.organisationId, created_by: owner.userId, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('organisation_id', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('quality_check_participants')
    .set({ user_id: owner.userId, updated_at: now.toISOString() })
    .where('check_id', '=', id)
    .where('user_id', 'is', null)
    .where('guest_key', 'is', null)
    .execute();
  return true;
}

export interface QualityCheckListItem {
  id: string;
  title: string;
  content_version: string;
  updated_at: string;
  created_by_name: string | null;
  respondents: number;
  /** This user's own row: null when not taking part, snapshot null when only invited. */
  own: { perspective: string | null; started: boolean } | null;
}

export async function listQualityChecksOfOrganisation(
  db: Executor,
  organisationId: number,
  userId: number,
): Promise<QualityCheckListItem[]> {
  const rows = await db
    .selectFrom('quality_checks')
    .leftJoin('users', 'users.id', 'quality_checks.created_by')
    .select([
      'quality_checks.id',
      'quality_checks.title',
      'quality_checks.content_version',
      'quality_checks.updated_at',
      'users.name as created_by_name',
      (eb) =>
        eb
          .selectFrom('quality_check_participants')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('quality_check_participants.check_id', '=', 'quality_checks.id')
          .where('quality_check_participants.snapshot', 'is not', null)
          .as('respondents'),
    ])
    .where('quality_checks.organisation_id', '=', organisationId)
    .orderBy('quality_checks.updated_at', 'desc')
    .limit(200)
    .execute();
  const own = rows.length
    ? await db
        .selectFrom('quality_check_participants')
        .select(['check_id', 'perspective', 'snapshot'])
        .where('user_id', '=', userId)
        .where(
          'check_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const ownByCheck = new Map(own.map((o) => [o.check_id, { perspective: o.perspective, started: o.snapshot !== null }]));
  return rows.map((r) => ({ ...r, respondents: Number(r.respondents ?? 0), own: ownByCheck.get(r.id) ?? null }));
}

// ---- respondents -------------------------------------------------------------------------------

export type ParticipantWithName = QualityCheckParticipantRow & { user_name: string | null };

export async function listParticipants(db: Executor, checkId: string): Promise<ParticipantWithName[]> {
  return db
    .selectFrom('quality_check_participants')
    .leftJoin('users', 'users.id', 'quality_check_participants.user_id')
    .selectAll('quality_check_participants')
    .select('users.name as user_name')
    .where('check_id', '=', checkId)
    .orderBy('quality_check_participants.id')
    .execute();
}

/** The respondent row of a user (or, with null, the anonymous respondent – never a guest). */
export async function findParticipant(
  db: Executor,
  checkId: string,
  userId: number | null,
): Promise<QualityCheckParticipantRow | undefined> {
  return db
    .selectFrom('quality_check_participants')
    .selectAll()
    .where('check_id', '=', checkId)
    .where('user_id', userId === null ? 'is' : '=', userId)
    .where('guest_key', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Adds a respondent, or starts the answers of one who was only invited. An existing started row
 * is left as it is (answers are never overwritten by joining twice). Returns the row.
 */
export async function addParticipant(
  db: Executor,
  input: { checkId: string; userId: number | null; snapshot: unknown | null; invitedBy?: number | null },
  now = new Date(),
): Promise<QualityCheckParticipantRow> {
  const at = now.toISOString();
  const existing = await findParticipant(db, input.checkId, input.userId);
  if (existing) {
    if (existing.snapshot !== null || input.snapshot === null) return existing;
    return db
      .updateTable('quality_check_participants')
      .set({ snapshot: JSON.stringify(input.snapshot), updated_at: at })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return db
    .insertInto('quality_check_participants')
    .values({
      check_id: input.checkId,
      user_id: input.userId,
      perspective: null,
      snapshot: input.snapshot === null ? null : JSON.stringify(input.snapshot),
      invited_by: input.invitedBy ?? null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function saveParticipant(
  db: Executor,
  id: number,
  input: { snapshot: unknown; perspective: string | null },
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  const row = await db
    .updateTable('quality_check_participants')
    .set({ snapshot: JSON.stringify(input.snapshot), perspective: input.perspective, updated_at: at })
    .where('id', '=', id)
    .returning('check_id')
    .executeTakeFirst();
  if (row) await db.updateTable('quality_checks').set({ updated_at: at }).where('id', '=', row.check_id).execute();
}

export interface OpenInvitation {
  check_id: string;
  title: string;
  invited_by_name: string | null;
  created_at: string;
}

/** Rounds the user was invited to but has not started answering. */
export async function openInvitations(db: Executor, userId: number, organisationId: number): Promise<OpenInvitation[]> {
  return db
    .selectFrom('quality_check_participants')
    .innerJoin('quality_checks', 'quality_checks.id', 'quality_check_participants.check_id')
    .leftJoin('users', 'users.id', 'quality_check_participants.invited_by')
    .select([
      'quality_check_participants.check_id',
      'quality_checks.title',
      'users.name as invited_by_name',
      'quality_check_participants.created_at',
    ])
    .where('quality_check_participants.user_id', '=', userId)
    .where('quality_check_participants.snapshot', 'is', null)
    .where('quality_checks.organisation_id', '=', organisationId)
    .orderBy('quality_check_participants.created_at', 'desc')
    .execute();
}

// ---- guests (people outside the organisation, through a link) -----------------------------------

export async function createGuestLink(
  db: Executor,
  input: { checkId: string; label: string; createdBy: number; expiresAt: string },
  now = new Date(),
): Promise<QualityCheckGuestLinkRow> {
  return db
    .insertInto('quality_check_guest_links')
    .values({
      check_id: input.checkId,
      token: randomBytes(24).toString('base64url'),
      label: input.label,
      created_by: input.createdBy,
      created_at: now.toISOString(),
      expires_at: input.expiresAt,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A round's links, newest first, each with how many guests started answering through it. */
export async function listGuestLinks(db: Executor, checkId: string): Promise<Array<QualityCheckGuestLinkRow & { guests: number }>> {
  const rows = await db
    .selectFrom('quality_check_guest_links')
    .selectAll('quality_check_guest_links')
    .select((eb) =>
      eb
        .selectFrom('quality_check_participants')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('quality_check_participants.guest_link_id', '=', 'quality_check_guest_links.id')
        .where('quality_check_participants.snapshot', 'is not', null)
        .as('guests'),
    )
    .where('check_id', '=', checkId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, guests: Number(r.guests ?? 0) }));
}

export async function findGuestLinkByToken(db: Executor, token: string): Promise<QualityCheckGuestLinkRow | undefined> {
  return db.selectFrom('quality_check_guest_links').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function findGuestLink(db: Executor, id: number): Promise<QualityCheckGuestLinkRow | undefined> {
  return db.selectFrom('quality_check_guest_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ends a link of this round (no one new gets in, guests already in lose access). */
export async function revokeGuestLink(db: Executor, checkId: string, id: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('quality_check_guest_links')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('check_id', '=', checkId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The guest respondent a browser (by its key) is in this round. */
export async function findGuestParticipant(
  db: Executor,
  checkId: string,
  guestKey: string,
): Promise<QualityCheckParticipantRow | undefined> {
  return db
    .selectFrom('quality_check_participants')
    .selectAll()
    .where('check_id', '=', checkId)
    .where('guest_key', '=', guestKey)
    .executeTakeFirst();
}

export async function addGuestParticipant(
  db: Executor,
  input: { checkId: string; guestKey: string; name: string; linkId: number; snapshot: unknown; perspective: string },
  now = new Date(),
): Promise<QualityCheckParticipantRow> {
  const at = now.toISOString();
  return db
    .insertInto('quality_check_participants')
    .values({
      check_id: input.checkId,
      user_id: null,
      perspective: input.perspective,
      snapshot: JSON.stringify(input.snapshot),
      invited_by: null,
      guest_key: input.guestKey,
      guest_name: input.name,
      guest_link_id: input.linkId,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- drafts the check is attached to ---------------------------------------------------------------

export async function attachQualityCheck(
  db: Executor,
  checkId: string,
  applicationId: number,
  userId: number | null,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('quality_check_applications')
    .values({ check_id: checkId, application_id: applicationId, attached_at: now.toISOString(), attached_by: userId })
    .onConflict((oc) => oc.columns(['check_id', 'application_id']).doNothing())
    .execute();
}

export async function detachQualityCheck(db: Executor, checkId: string, applicationId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('quality_check_applications')
    .where('check_id', '=', checkId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Drafts (not in the bin) a check is attached to. */
export async function applicationsOfQualityCheck(
  db: Executor,
  checkId: string,
): Promise<Array<{ id: number; title: string; organisation_id: number; attached_at: string }>> {
  return db
    .selectFrom('quality_check_applications')
    .innerJoin('applications', 'applications.id', 'quality_check_applications.application_id')
    .select(['applications.id', 'applications.title', 'applications.organisation_id', 'quality_check_applications.attached_at'])
    .where('quality_check_applications.check_id', '=', checkId)
    .where('applications.deleted_at', 'is', null)
    .orderBy('quality_check_applications.attached_at')
    .execute();
}

/** Checks attached to a draft, oldest attachment first. */
export async function qualityChecksOfApplicationRows(
  db: Executor,
  applicationId: number,
): Promise<Array<QualityCheckRow & { attached_at: string; attached_by_name: string | null }>> {
  return db
    .selectFrom('quality_check_applications')
    .innerJoin('quality_checks', 'quality_checks.id', 'quality_check_applications.check_id')
    .leftJoin('users', 'users.id', 'quality_check_applications.attached_by')
    .selectAll('quality_checks')
    .select(['quality_check_applications.attached_at', 'users.name as attached_by_name'])
    .where('quality_check_applications.application_id', '=', applicationId)
    .orderBy('quality_check_applications.attached_at')
    .execute();
}

// ---- content versions ----------------------------------------------------------------------------

export async function listContentVersions(db: Executor): Promise<Array<QualityCheckContentRow & { published_by_name: string | null }>> {
  return db
    .selectFrom('quality_check_contents')
    .leftJoin('users', 'users.id', 'quality_check_contents.published_by')
    .selectAll('quality_check_contents')
    .select('users.name as published_by_name')
    .orderBy('quality_check_contents.id')
    .execute();
}

/** Changes whenever a content version is published (they are never changed or deleted). */
export async function contentRevision(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('quality_check_contents')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('last')])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}|${row.last ?? 0}`;
}

/**
 * Every content version, oldest first: the code's, then the published ones. A stored version that
 * no longer passes the schema is skipped and named in `skipped` (it was checked when published,
 * so this means the schema became stricter since).
 */
export async function loadContentArchive(
  db: Executor,
): Promise<{ archive: QualityCheckContent[]; skipped: Array<{ version: string; errors: string[] }> }> {
  const rows = await db.selectFrom('quality_check_contents').select(['version', 'content']).orderBy('id').execute();
  const published: QualityCheckContent[] = [];
  const skipped: Array<{ version: string; errors: string[] }> = [];
  for (const row of rows) {
    const parsed = parseQualityCheckContent(row.content);
    if (parsed.ok) published.push(parsed.content);
    else skipped.push({ version: row.version, errors: parsed.errors });
  }
  return { archive: contentArchive(published), skipped };
}

export type PublishResult = { ok: true; content: QualityCheckContent } | { ok: false; errors: string[] };

/** Checks a new version (schema, label newer than every existing one) and stores it. */
export async function publishContentVersion(
  db: Executor,
  input: { json: unknown; note: string; userId: number | null },
  now = new Date(),
): Promise<PublishResult> {
  const parsed = parseQualityCheckContent(input.json);
  if (!parsed.ok) return parsed;
  const { archive } = await loadContentArchive(db);
  const problems = publishProblems(parsed.content, archive);
  if (problems.length) return { ok: false, errors: problems };
  await db
    .insertInto('quality_check_contents')
    .values({
      version: parsed.content.version,
      content: JSON.stringify(parsed.content),
      note: input.note,
      published_at: now.toISOString(),
      published_by: input.userId,
    })
    .execute();
  return { ok: true, content: parsed.content };
}

/** How many checks use each content version. */
export async function countChecksByContentVersion(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('quality_checks')
    .select(['content_version', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('content_version')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.content_version, Number(r.n)]));
}
