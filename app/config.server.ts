import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { databaseFileFromEnv, describeDatabase, uploadDirFromEnv } from '../db/client';
import { fileStoreFromEnv } from '../db/file-store';

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * The secret that signs cookies: SESSION_SECRET (comma-separated for rotation, newest first), or a
 * random one generated once and kept beside the database file, so a fresh demo needs no setup.
 */
function sessionSecrets(): string[] {
  const fromEnv = process.env.SESSION_SECRET?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (fromEnv?.length) return fromEnv;
  const file = join(dirname(databaseFileFromEnv()), 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return [readFileSync(file, 'utf8').trim()];
}

export const config = {
  databaseFile: databaseFileFromEnv(),
  /** The database for messages: the PostgreSQL URL without its password, or the SQLite file. */
  database: describeDatabase(),
  secrets: sessionSecrets(),
  session: {
    idleMinutes: positiveNumber(process.env.SESSION_IDLE_MINUTES, 30),
    absoluteHours: positiveNumber(process.env.SESSION_ABSOLUTE_HOURS, 12),
    /** Minutes before the idle end at which the page warns. */
    warnMinutes: 5,
  },
  /** Cookies need the Secure flag behind HTTPS; set COOKIE_SECURE=true in production. */
  secureCookies: process.env.COOKIE_SECURE === 'true',
  /** Where uploaded attachments are stored (outside any public path). */
  uploadDir: uploadDirFromEnv(),
  /** The store of uploaded files: the folder uploadDir, or an S3-compatible object store (FILE_STORE=s3, ADR 0055). */
  fileStore: fileStoreFromEnv(),
  /** The YAML rule cases the Regelwerk test bench runs (the suite of `npm run rules -- test`). */
  ruleCasesDir: process.env.RULE_CASES_DIR || 'tests/cases',
  /** Shows the development mailbox (the outbox table) in the UI. */
  showDevMailbox: process.env.DEV_MAILBOX !== 'false',
  /**
   * Four-eyes principle in the Regelwerk: a parameter value or funding call one ministry account
   * proposes is published only after a second ministry account approves it. Installations with a
   * single ministry account switch it off with RULES_FOUR_EYES=false (docs/decisions/0024).
   */
  fourEyes: process.env.RULES_FOUR_EYES !== 'false',
  /** How long a link to set a new password stays valid. */
  passwordResetMinutes: positiveNumber(process.env.PASSWORD_RESET_MINUTES, 60),
  /**
   * Days after an event's end at which the participants' personal data is deleted (issue 18 Nr. 7;
   * the privacy statement names the default of 90). EVENT_DATA_RETENTION_DAYS changes it.
   */
  eventDataRetentionDays: positiveNumber(process.env.EVENT_DATA_RETENTION_DAYS, 90),
  /** The public address of the app, for links in e-mails. */
  publicUrl: (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, ''),
};
