import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** How long what the privacy statement promises to delete is kept (Datenschutzerklärung, Nr. 6). */
export const RETENTION_DAYS = 30;

export interface HousekeepingResult {
  /** Drafts deleted more than 30 days ago, removed for good (with their events, comments, annex rows). */
  applications: number;
  /** Storage keys of the annex files of those drafts, for the caller to remove from disk. */
  attachmentFiles: string[];
  loginAttempts: number;
  /** Förder-Checks and QualitätsChecks started without an account and untouched for 30 days. */
  anonymousEligibilityChecks: number;
  anonymousQualityChecks: number;
  expiredSessions: number;
  /** Input kept over an expired session that nobody came back to sign in for. */
  keptInputs: number;
}

/**
 * Deletes what the privacy statement says is deleted: drafts in the bin after 30 days, failed and
 * successful sign-in attempts after 30 days, checks of browsers without an account after 30 days
 * without a change, sessions past their end, and input kept over an expired session after 30 days. One transaction; safe to run at any time.
 */
export async function housekeeping(db: Executor, now = new Date(), days = RETENTION_DAYS): Promise<HousekeepingResult> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const files = await db
    .selectFrom('attachments')
    .innerJoin('applications', 'applications.id', 'attachments.application_id')
    .select('attachments.storage_key')
    .where('applications.deleted_at', '<', before)
    .execute();
  const applications = await db.deleteFrom('applications').where('deleted_at', '<', before).executeTakeFirst();
  const loginAttempts = await db.deleteFrom('login_attempts').where('attempted_at', '<', before).executeTakeFirst();
  const eligibility = await db.deleteFrom('eligibility_checks').where('user_id', 'is', null).where('updated_at', '<', before).executeTakeFirst();
  const quality = await db
    .deleteFrom('quality_checks')
    .where('organisation_id', 'is', null)
    .where('updated_at', '<', before)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('quality_check_applications').select('check_id').whereRef('quality_check_applications.check_id', '=', 'quality_checks.id'))))
    .executeTakeFirst();
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  const keptInputs = await db.deleteFrom('pending_submissions').where('created_at', '<', before).executeTakeFirst();
  return {
    applications: Number(applications.numDeletedRows),
    attachmentFiles: files.map((f) => f.storage_key),
    loginAttempts: Number(loginAttempts.numDeletedRows),
    anonymousEligibilityChecks: Number(eligibility.numDeletedRows),
    anonymousQualityChecks: Number(quality.numDeletedRows),
    expiredSessions: Number(sessions.numDeletedRows),
    keptInputs: Number(keptInputs.numDeletedRows),
  };
}

/**
 * Runs `housekeeping` in one transaction, then removes the annex files of the purged drafts from
 * `uploadDir` (after the commit, so a failed transaction never leaves rows without their files).
 */
export async function runHousekeeping(db: Kysely<Database>, uploadDir: string, now = new Date()): Promise<HousekeepingResult> {
  const result = await db.transaction().execute((trx) => housekeeping(trx, now));
  for (const key of result.attachmentFiles) {
    // Storage keys are random base64url; anything else is not ours to delete.
    if (/^[A-Za-z0-9_-]+$/.test(key)) await rm(join(uploadDir, key), { force: true });
  }
  return result;
}
