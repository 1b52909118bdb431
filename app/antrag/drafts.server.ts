import {
  countApplications,
  createApplication,
  findApplication,
  listApplications,
  recordApplicationEvent,
  restoreApplication,
  softDeleteApplication,
  type ApplicationListItem,
} from '../../db/repositories/applications';
import { RETENTION_DAYS } from '../../db/repositories/housekeeping';
import { listImplementationsOfOrganisation } from '../../db/repositories/implementations';
import { findOrganisation, organisationToData } from '../../db/repositories/organisations';
import type { ApplicationRow } from '../../db/schema';
import { exportApplication } from '../../forms/antrag/json';
import { applicationFromCheck, applicationFromOrganisation } from '../../machines/frl/application/prefill';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { organisationSchema, type OrganisationData } from '../../machines/shared/organisation';
import type { ApplicationAccess } from '../access.server';
import { getDb } from '../db.server';
import type { LoadedCheck } from '../foerdercheck/eligibility-check.server';
import type { CurrentUser } from '../session.server';
import {
  evaluateApplication,
  freshSnapshot,
  metaFor,
  persisted,
  restoreSnapshot,
  stepContextFor,
  type LoadedApplication,
} from './application.server';
import { storedAttachmentsOf } from './attachments.server';

/**
 * An organisation's drafts as a whole: the list ("Meine Anträge"), a new draft (empty, from the
 * Förder-Check, from a JSON file, as a copy), the JSON export, the trash. One function per use case.
 */

type Applicant = CurrentUser & { organisation_id: number };

/** Days a deleted draft stays in the trash. */
export { RETENTION_DAYS };

async function masterDataOf(organisationId: number): Promise<OrganisationData> {
  const organisation = await findOrganisation(await getDb(), organisationId);
  if (!organisation) throw new Response('Nicht gefunden', { status: 404 });
  return organisationToData(organisation);
}

/** Stores a new draft of the user's organisation with its first snapshot and rule result. */
async function createDraft(user: Applicant, data: ApplicationData, sourceCheckId: string | null): Promise<ApplicationRow> {
  const db = await getDb();
  const context = await stepContextFor(db, null);
  const snapshot = freshSnapshot(data, context);
  const eligibility = await evaluateApplication(data, context);
  return db.transaction().execute((trx) =>
    createApplication(trx, {
      organisationId: user.organisation_id,
      userId: user.id,
      snapshot: persisted(snapshot),
      meta: metaFor(snapshot, eligibility, context),
      sourceCheckId,
    }),
  );
}

/** "Meine Anträge": one page of the organisation's drafts and what the page says around them. */
export async function draftsOverview(user: Applicant, requestedPage: number, pageSize: number) {
  const db = await getDb();
  const organisation = await findOrganisation(db, user.organisation_id);
  if (!organisation) throw new Response('Nicht gefunden', { status: 404 });
  const total = await countApplications(db, user.organisation_id);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pages, Math.max(1, requestedPage || 1));
  const [drafts, deleted] = await Promise.all([
    listApplications(db, user.organisation_id, { deleted: false, limit: pageSize, offset: (page - 1) * pageSize }),
    listApplications(db, user.organisation_id, { deleted: true, limit: 1 }),
  ]);
  const inImplementation = (await listImplementationsOfOrganisation(db, user.organisation_id)).length;
  return {
    organisationName: organisation.name,
    masterDataComplete: organisationSchema.safeParse(organisationToData(organisation)).success,
    total,
    pages,
    page,
    drafts,
    hasDeleted: deleted.length > 0,
    inImplementation,
  };
}

/** A new draft with the organisation's master data, and the Förder-Check's answers when one is given. */
export async function startDraft(user: Applicant, check: LoadedCheck | null): Promise<ApplicationRow> {
  const master = await masterDataOf(user.organisation_id);
  const data = check ? applicationFromCheck(master, check.snapshot.context.answers) : applicationFromOrganisation(master);
  return createDraft(user, data, check?.id ?? null);
}

/**
 * A new draft from an imported file. The draft belongs to the importing organisation: its master
 * data replaces a foreign snapshot (`foreign` says so).
 */
export async function importDraft(user: Applicant, applicationData: ApplicationData): Promise<{ id: number; foreign: boolean }> {
  const master = await masterDataOf(user.organisation_id);
  const foreign =
    applicationData.applicant.organisation !== undefined &&
    JSON.stringify(applicationData.applicant.organisation) !== JSON.stringify(master);
  if (foreign || !applicationData.applicant.organisation) applicationData.applicant.organisation = master;
  const row = await createDraft(user, applicationData, null);
  return { id: row.id, foreign };
}

/** A copy of one of the organisation's drafts ("Kopie von …"); 404 for others. */
export async function duplicateDraft(user: Applicant, sourceId: number): Promise<ApplicationRow> {
  const db = await getDb();
  const source = await findApplication(db, sourceId);
  if (!source || source.organisation_id !== user.organisation_id) throw new Response('Nicht gefunden', { status: 404 });
  const context = await stepContextFor(db, null);
  const original = restoreSnapshot(source, context).context.data;
  const data = structuredClone(original);
  data.project.title = `Kopie von ${original.project.title?.trim() || 'Antrag ohne Titel'}`.slice(0, 200);
  return createDraft(user, data, null);
}

/** The application as JSON (with its schema's address), logged as exported. */
export async function exportDraft(access: ApplicationAccess, schemaUrl: string): Promise<string> {
  const { row, data } = access.loaded;
  // The stored documents are listed (not included), so the PDF made from this file lists them too.
  const body = exportApplication(data, { schemaUrl, attachments: await storedAttachmentsOf(row.id) });
  await recordApplicationEvent(await getDb(), row.id, row.version, {
    userId: access.user.id,
    type: 'json.exported',
    details: { as: access.as },
  });
  return body;
}

/** Moves a draft to the trash (the caller has checked that it may be deleted). */
export async function deleteDraft(loaded: LoadedApplication, userId: number): Promise<void> {
  const db = await getDb();
  await db.transaction().execute((trx) => softDeleteApplication(trx, loaded.row.id, userId));
}

const retentionMs = RETENTION_DAYS * 86_400_000;

/**
 * The organisation's deleted drafts still in the trash. What is past its 30 days is gone for the
 * user now, though the housekeeping (once per round across all instances, ADR 0036) deletes it
 * only at its next run.
 */
export async function trashOf(organisationId: number): Promise<Array<ApplicationListItem & { deleted_at: string }>> {
  const cutoff = Date.now() - retentionMs;
  const deleted = await listApplications(await getDb(), organisationId, { deleted: true });
  return deleted.filter(
    (d): d is ApplicationListItem & { deleted_at: string } => d.deleted_at !== null && new Date(d.deleted_at).getTime() > cutoff,
  );
}

/** Takes a draft of the organisation back out of the trash; 404 when it is not there (any more). */
export async function restoreDraft(user: Applicant, id: number): Promise<void> {
  const db = await getDb();
  const row = await findApplication(db, id, { includeDeleted: true });
  const expired = row?.deleted_at ? new Date(row.deleted_at).getTime() <= Date.now() - retentionMs : false;
  if (!row || row.organisation_id !== user.organisation_id || !row.deleted_at || expired)
    throw new Response('Nicht gefunden', { status: 404 });
  await db.transaction().execute((trx) => restoreApplication(trx, row.id, user.id));
}
