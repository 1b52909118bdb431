import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { addAttachment, createApplication, keepPendingSubmission, softDeleteApplication } from '../../db/repositories/applications';
import { createEligibilityCheck } from '../../db/repositories/eligibility-checks';
import { runExclusively } from '../../db/dialect';
import { claimJobRun, RETENTION_DAYS, runHousekeeping } from '../../db/repositories/housekeeping';
import { recordLoginAttempt } from '../../db/repositories/login-attempts';
import { attachQualityCheck, createQualityCheck } from '../../db/repositories/quality-checks';
import { createSession } from '../../db/repositories/sessions';
import { findUserByEmail } from '../../db/repositories/users';
import { seedDemoData } from '../../db/seed';
import { testDialect } from '../support/postgres';
import { tempDatabase } from '../support/temp-db';

let db: DB;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, dir, cleanup } = await tempDatabase({ seeded: true }));
  await seedDemoData(db);
});
afterEach(async () => {
  await cleanup();
});

const now = new Date('2026-11-22T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const meta = {
  title: 'T',
  route: 'A1.1',
  view: 'uebersicht',
  requestedGrantCents: null,
  totalCents: null,
  verdict: null,
  ruleVersion: null,
  unmetCriteria: [],
};

describe('housekeeping (what the privacy statement promises to delete)', () => {
  it(`removes drafts ${RETENTION_DAYS} days after deletion with their annex files, old sign-in attempts, stale anonymous checks and ended sessions; keeps everything else`, async () => {
    const kommune = (await findUserByEmail(db, 'kommune@demo.example'))!;
    const uploads = join(dir, 'uploads');
    mkdirSync(uploads);
    const draft = async (title: string, deletedDaysAgo: number | null) => {
      const row = await createApplication(
        db,
        { organisationId: kommune.organisation_id!, userId: kommune.id, snapshot: {}, meta: { ...meta, title } },
        daysAgo(60),
      );
      writeFileSync(join(uploads, `key${row.id}`), 'PDF');
      await addAttachment(db, {
        application_id: row.id,
        doc_type: 'sonstiges',
        file_name: 'a.pdf',
        mime_type: 'application/pdf',
        size_bytes: 3,
        sha256: 'x',
        storage_key: `key${row.id}`,
        uploaded_by: kommune.id,
      });
      if (deletedDaysAgo !== null) await softDeleteApplication(db, row.id, kommune.id, daysAgo(deletedDaysAgo));
      return row.id;
    };
    const expired = await draft('Seit 31 Tagen gelöscht', 31);
    const restorable = await draft('Seit 29 Tagen gelöscht', 29);
    const active = await draft('Nicht gelöscht', null);

    await recordLoginAttempt(db, { email: 'a@b.de', ip: null, succeeded: false }, daysAgo(31));
    await recordLoginAttempt(db, { email: 'a@b.de', ip: null, succeeded: false }, daysAgo(1));
    await createEligibilityCheck(db, {}, null, daysAgo(31));
    const freshAnonymous = await createEligibilityCheck(db, {}, null, daysAgo(2));
    const ownersCheck = await createEligibilityCheck(db, {}, kommune.id, daysAgo(90));
    const staleQc = await createQualityCheck(
      db,
      { organisationId: null, createdBy: null, title: '', contentVersion: '2026-1' },
      daysAgo(40),
    );
    const attachedQc = await createQualityCheck(
      db,
      { organisationId: null, createdBy: null, title: '', contentVersion: '2026-1' },
      daysAgo(40),
    );
    await attachQualityCheck(db, attachedQc.id, active, null, daysAgo(40));
    const organisationQc = await createQualityCheck(
      db,
      { organisationId: kommune.organisation_id!, createdBy: kommune.id, title: '', contentVersion: '2026-1' },
      daysAgo(400),
    );
    const ended = await createSession(db, kommune.id, { idleMinutes: 30, absoluteHours: 12 }, { userAgent: null, ip: null }, daysAgo(1));
    const running = await createSession(
      db,
      kommune.id,
      { idleMinutes: 30, absoluteHours: 12 },
      { userAgent: null, ip: null },
      new Date(now.getTime() - 60_000),
    );

    await keepPendingSubmission(
      db,
      { id: 'alt', userId: kommune.id, path: `/antraege/${active}/vorhaben`, form: { entries: [] } },
      daysAgo(31),
    );
    await keepPendingSubmission(
      db,
      { id: 'frisch', userId: kommune.id, path: `/antraege/${active}/vorhaben`, form: { entries: [] } },
      daysAgo(1),
    );

    const result = await runHousekeeping(db, uploads, now);
    expect(result).toMatchObject({
      applications: 1,
      attachmentFiles: [`key${expired}`],
      loginAttempts: 1,
      anonymousEligibilityChecks: 1,
      anonymousQualityChecks: 1,
      expiredSessions: 1,
      keptInputs: 1,
    });
    expect((await db.selectFrom('pending_submissions').select('id').execute()).map((r) => r.id)).toEqual(['frisch']);

    const ids = (await db.selectFrom('applications').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual([restorable, active]);
    expect(existsSync(join(uploads, `key${expired}`))).toBe(false);
    expect(existsSync(join(uploads, `key${restorable}`))).toBe(true);
    expect(await db.selectFrom('attachments').select('application_id').orderBy('application_id').execute()).toEqual([
      { application_id: restorable },
      { application_id: active },
    ]);
    expect((await db.selectFrom('eligibility_checks').select('id').execute()).map((r) => r.id).sort()).toEqual(
      [freshAnonymous.id, ownersCheck.id].sort(),
    );
    expect((await db.selectFrom('quality_checks').select('id').execute()).map((r) => r.id).sort()).toEqual(
      [attachedQc.id, organisationQc.id].sort(),
    );
    expect(staleQc.id).not.toBe(attachedQc.id);
    expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual([running.id]);
    expect(ended.id).not.toBe(running.id);
    expect(await db.selectFrom('login_attempts').select('attempted_at').execute()).toEqual([{ attempted_at: daysAgo(1).toISOString() }]);

    // Running again changes nothing.
    expect(await runHousekeeping(db, uploads, now)).toMatchObject({
      applications: 0,
      loginAttempts: 0,
      anonymousEligibilityChecks: 0,
      anonymousQualityChecks: 0,
      expiredSessions: 0,
      keptInputs: 0,
    });
  });
});

describe('periodic jobs with several app instances on one database', () => {
  const sixHours = 6 * 3_600_000;
  it('a round is claimed once however many instances ask at the same moment, and again after the interval', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimJobRun(db, 'housekeeping', sixHours, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimJobRun(db, 'housekeeping', sixHours, new Date(now.getTime() + 3_600_000))).toBe(false);
    expect(await claimJobRun(db, 'housekeeping', sixHours, new Date(now.getTime() + sixHours))).toBe(true);
    // Another job has its own rounds.
    expect(await claimJobRun(db, 'other', sixHours, now)).toBe(true);
  });

  it(
    testDialect === 'postgres'
      ? 'a job running in one process is skipped by the others (advisory lock)'
      : 'a job always runs in the single SQLite process',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = runExclusively(db, 'drafts.recheck', async () => {
        await held;
        return 'first';
      });
      // Let the first take its lock before the second asks.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = runExclusively(db, 'drafts.recheck', async () => 'second');
      if (testDialect === 'postgres') {
        expect(await second).toEqual({ ran: false });
        release();
        expect(await first).toEqual({ ran: true, result: 'first' });
        // Released: the next run goes ahead.
        expect(await runExclusively(db, 'drafts.recheck', async () => 'third')).toEqual({ ran: true, result: 'third' });
      } else {
        expect(await second).toEqual({ ran: true, result: 'second' });
        release();
        expect(await first).toEqual({ ran: true, result: 'first' });
      }
    },
  );

  it('a lock held in one installation (schema) does not stop the same job in another sharing the database', async () => {
    const other = await tempDatabase();
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = runExclusively(db, 'drafts.recheck', async () => {
        await held;
        return 'here';
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await runExclusively(other.db, 'drafts.recheck', async () => 'there')).toEqual({ ran: true, result: 'there' });
      release();
      expect(await first).toEqual({ ran: true, result: 'here' });
    } finally {
      await other.cleanup();
    }
  });
});
