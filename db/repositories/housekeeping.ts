import { asFileStore, type FileStore } from '../file-store';
import type { Kysely, Transaction } from 'kysely';
import { lockSection } from '../dialect';
import type { Database } from '../schema';
import { deleteExpiredRequests } from './newsletter';

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
  /** Password links expired or used 30 days ago, and "Passwort vergessen?" requests older than a day. */
  passwordResets: number;
  /** Newsletter requests whose confirmation link expired unused (Datenschutzerklärung, Nr. 9). */
  newsletterRequests: number;
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
  const eligibility = await db
    .deleteFrom('eligibility_checks')
    .where('user_id', 'is', null)
    .where('updated_at', '<', before)
    .executeTakeFirst();
  const quality = await db
    .deleteFrom('quality_checks')
    .where('organisation_id', 'is', null)
    .where('updated_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('quality_check_applications')
            .select('check_id')
            .whereRef('quality_check_applications.check_id', '=', 'quality_checks.id'),
        ),
      ),
    )
    .executeTakeFirst();
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  const keptInputs = await db.deleteFrom('pending_submissions').where('created_at', '<', before).executeTakeFirst();
  const resetTokens = await db.deleteFrom('password_reset_tokens').where('expires_at', '<', before).executeTakeFirst();
  // Requests only count towards the hourly limit; a day is plenty.
  const dayBefore = new Date(now.getTime() - 86_400_000).toISOString();
  const resetRequests = await db.deleteFrom('password_reset_requests').where('requested_at', '<', dayBefore).executeTakeFirst();
  const newsletterRequests = await deleteExpiredRequests(db, now);
  return {
    applications: Number(applications.numDeletedRows),
    attachmentFiles: files.map((f) => f.storage_key),
    loginAttempts: Number(loginAttempts.numDeletedRows),
    anonymousEligibilityChecks: Number(eligibility.numDeletedRows),
    anonymousQualityChecks: Number(quality.numDeletedRows),
    expiredSessions: Number(sessions.numDeletedRows),
    keptInputs: Number(keptInputs.numDeletedRows),
    passwordResets: Number(resetTokens.numDeletedRows) + Number(resetRequests.numDeletedRows),
    newsletterRequests,
  };
}

/**
 * Runs `housekeeping` in one transaction, then removes the annex files of the purged drafts from
 * `uploadDir` (after the commit, so a failed transaction never leaves rows without their files).
 */
export async function runHousekeeping(db: Kysely<Database>, uploadDir: FileStore | string, now = new Date()): Promise<HousekeepingResult> {
  const result = await db.transaction().execute((trx) => housekeeping(trx, now));
  const files = asFileStore(uploadDir);
  for (const key of result.attachmentFiles) {
    // Storage keys are random base64url; anything else is not ours to delete.
    if (/^[A-Za-z0-9_-]+$/.test(key)) await files.remove(key);
  }
  return result;
}

/**
 * Claims the periodic job `name` for this instance if no instance started it within `intervalMs`
 * (less a tenth, so timers drifting apart do not skip a round): with several app instances on one
 * database the job runs once per interval, not once per instance. The check and the claim are
 * one transaction under a lock of the job's name.
 */
export async function claimJobRun(db: Kysely<Database>, name: string, intervalMs: number, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockSection(trx, `job:${name}`);
    const last = await trx.selectFrom('job_runs').select('started_at').where('name', '=', name).executeTakeFirst();
    if (last && now.getTime() - Date.parse(last.started_at) < intervalMs * 0.9) return false;
    await trx
      .insertInto('job_runs')
      .values({ name, started_at: now.toISOString() })
      .onConflict((oc) => oc.column('name').doUpdateSet({ started_at: now.toISOString() }))
      .execute();
    return true;
  });
}
