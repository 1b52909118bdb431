import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unreadableDraftsNote } from '../../app/components/regelwerk/changes';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import { createParameterChange, findParameterChange } from '../../db/repositories/regelwerk';
import { findUserByEmail } from '../../db/repositories/users';
import {
  evaluateData,
  freshSnapshot,
  metaFor,
  persistedSnapshot,
  readStoredApplication,
  ruleColumnsFor,
} from '../../machines/frl/application/snapshot';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { appDatabase, TEST_PUBLIC_URL } from '../support/app-database';
import { sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';
import { testDialect } from '../support/postgres';

/*
 * The re-check of stored drafts after a rule change, run through the server modules of app/ on a
 * database of its own (see tests/support/app-database.ts): app modules are imported dynamically.
 */

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await appDatabase());
});
afterEach(async () => {
  await cleanup();
});

const server = () => import('../../app/regelwerk/workbench.server');

/** Stores a draft as the wizard saves it today with the rules in force: snapshot and derived columns. */
async function storeDraft(data: ApplicationData, title: string, memberEmail = 'kommune@demo.example'): Promise<number> {
  const { rulesOptions, todayInSaxony } = await import('../../app/rules.server');
  const rules = await rulesOptions();
  const context = { table: rules.parameters, date: todayInSaxony(), attachmentTypes: [] };
  data.project.title = title;
  const snapshot = freshSnapshot(data, context);
  const meta = metaFor(snapshot, evaluateData(data, context, rules), context);
  const member = (await findUserByEmail(db, memberEmail))!;
  const row = await createApplication(db, {
    organisationId: member.organisation_id!,
    userId: member.id,
    snapshot: persistedSnapshot(snapshot),
    meta,
  });
  return row.id;
}

async function overwriteSnapshot(id: number, change: (snapshot: { context: { data: Record<string, any> } }) => unknown) {
  const row = await db.selectFrom('applications').select('snapshot').where('id', '=', id).executeTakeFirstOrThrow();
  const next = change(JSON.parse(row.snapshot));
  await db
    .updateTable('applications')
    .set({ snapshot: typeof next === 'string' ? next : JSON.stringify(next) })
    .where('id', '=', id)
    .execute();
}

async function ministryId() {
  return (await findUserByEmail(db, 'ministerium@demo.example'))!.id;
}

/** The second ministry account, which approves what the first proposed (four-eyes principle). */
async function approverId() {
  return (await findUserByEmail(db, 'ministerium2@demo.example'))!.id;
}

describe('drafts for the preview of a rule change', () => {
  it('salvages data stored by another release as the wizard does, and counts the drafts it cannot read at all', async () => {
    const { draftsForPreview, previewChange } = await server();
    const readable = await storeDraft(sampleGemeindeApplication(), 'Lesbar');
    const older = await storeDraft(sampleGemeindeApplication(), 'Aus einer älteren Fassung');
    // A field the current schema does not know: the strict schema refuses the whole draft, the salvage drops the field.
    await overwriteSnapshot(older, (s) => {
      s.context.data.project.renamedField = 'aus einer älteren Fassung';
      return s;
    });
    const noData = await storeDraft(sampleVereinApplication(), 'Ohne lesbare Daten', 'verein@demo.example');
    await overwriteSnapshot(noData, (s) => {
      s.context.data = 'kaputt' as unknown as Record<string, any>;
      return s;
    });
    const notJson = await storeDraft(sampleVereinApplication(), 'Kein JSON', 'verein@demo.example');
    if (testDialect === 'postgres') {
      // jsonb refuses what is not JSON at all; valid JSON that is no snapshot is the nearest case.
      await expect(overwriteSnapshot(notJson, () => '{"context": {"data": {')).rejects.toThrow(/invalid input syntax for type json/);
      await overwriteSnapshot(notJson, () => '[]');
    } else {
      await overwriteSnapshot(notJson, () => '{"context": {"data": {');
    }

    const { drafts, unreadable } = await draftsForPreview(db);
    expect(drafts.map((d) => d.id)).toEqual([readable, older]);
    expect(drafts[1]!.data.project.title).toBe('Aus einer älteren Fassung');
    expect(unreadable).toBe(2);

    // A lower cap for A1.1 changes both readable Gemeinde drafts; the preview says what it could not read.
    const created = await createParameterChange(
      db,
      {
        parameterId: 'grant.cap.A1.1',
        value: 500_000,
        effectiveFrom: '2099-01-01',
        reference: 'Test',
        note: undefined,
        assumption: undefined,
      },
      await ministryId(),
    );
    const preview = await previewChange((await findParameterChange(db, created.id))!);
    expect(preview.checkedDrafts).toBe(2);
    expect(preview.unreadableDrafts).toBe(2);
    expect(preview.drafts.map((d) => d.id)).toEqual([readable, older]);
  });

  it('the preview page says how many drafts could not be read', () => {
    expect(unreadableDraftsNote(0)).toBeNull();
    expect(unreadableDraftsNote(1)).toBe('1 Entwurf konnte nicht gelesen werden; er ist in der Prüfung nicht enthalten.');
    expect(unreadableDraftsNote(2)).toBe('2 Entwürfe konnten nicht gelesen werden; sie sind in der Prüfung nicht enthalten.');
  });
});

/** The stored derived columns of a draft. */
async function columnsOf(id: number) {
  const row = await db
    .selectFrom('applications')
    .select(['verdict', 'rule_version', 'unmet_criteria', 'requested_grant_cents', 'total_cents'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    verdict: row.verdict,
    ruleVersion: row.rule_version,
    unmetCriteria: JSON.parse(row.unmet_criteria) as string[],
    requestedGrantCents: row.requested_grant_cents,
    totalCents: row.total_cents,
  };
}

/** What the wizard would store for the draft if it were saved on `date` with the rules in force. */
async function columnsAsTheWizardWould(id: number, date: string) {
  const { rulesOptions } = await import('../../app/rules.server');
  const rules = await rulesOptions();
  const row = await db.selectFrom('applications').select('snapshot').where('id', '=', id).executeTakeFirstOrThrow();
  const { data } = readStoredApplication(row.snapshot)!;
  const context = { table: rules.parameters, date, attachmentTypes: [] };
  return ruleColumnsFor(data, evaluateData(data, context, rules), context);
}

const notificationsOf = (applicationId: number) =>
  db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.email', 'notifications.text', 'notifications.link'])
    .where('application_id', '=', applicationId)
    .orderBy('notifications.id')
    .execute();

/** Three drafts a lower cap for A1.1 (5.000 €) affects differently. */
async function threeDrafts() {
  // The grant is proposed up to the cap, so a lower cap leaves the financing plan unbalanced: not eligible any more.
  const affected = await storeDraft(sampleGemeindeApplication(), 'Betroffen');
  // Not eligible already (no FDGO declaration): the verdict stays, the proposed grant and the unmet criteria change.
  const alreadyExcluded = sampleGemeindeApplication();
  alreadyExcluded.declarations.fdgo = false;
  const excluded = await storeDraft(alreadyExcluded, 'Schon ausgeschlossen');
  // Route B does not read the A1.1 cap: only the rule version moves on.
  const other = await storeDraft(sampleVereinApplication(), 'Anderer Förderweg', 'verein@demo.example');
  return { affected, excluded, other };
}

const lowerCap = (effectiveFrom: string) => ({
  parameterId: 'grant.cap.A1.1' as const,
  value: 500_000,
  effectiveFrom,
  reference: 'Änderungsrichtlinie (Test)',
  note: undefined,
  assumption: undefined,
});

describe('publishing a value that applies today', () => {
  it('stores every derived column that changed for each draft, and notifies only where the verdict changed', async () => {
    const { publishChange } = await server();
    const { todayInSaxony } = await import('../../app/rules.server');
    const today = todayInSaxony();
    const { affected, excluded, other } = await threeDrafts();
    const before = { affected: await columnsOf(affected), excluded: await columnsOf(excluded), other: await columnsOf(other) };
    expect(before.affected.verdict).toBe('foerderfaehig');
    expect(before.excluded.verdict).toBe('nicht_foerderfaehig');

    const created = await createParameterChange(db, lowerCap(today), await ministryId());
    const outcome = await publishChange(created.id, await approverId());
    expect(outcome).toMatchObject({ ok: true, publication: 1, changedDrafts: 1, updatedDrafts: 3 });

    const after = { affected: await columnsOf(affected), excluded: await columnsOf(excluded), other: await columnsOf(other) };
    // Each draft's columns are now what the wizard would store today.
    for (const id of [affected, excluded, other]) expect(await columnsOf(id)).toEqual(await columnsAsTheWizardWould(id, today));
    for (const columns of Object.values(after)) expect(columns.ruleVersion).toMatch(/\/v1$/);

    expect(after.affected.verdict).toBe('nicht_foerderfaehig');
    expect(after.affected.requestedGrantCents).toBe(500_000);
    // The verdict stayed, the rest did not: the proposed grant, the unmet criteria and the rule version.
    expect(after.excluded.verdict).toBe('nicht_foerderfaehig');
    expect(after.excluded.requestedGrantCents).toBe(500_000);
    expect(before.excluded.requestedGrantCents).not.toBe(500_000);
    expect(after.excluded.unmetCriteria).toContain('finanzen.ausgeglichen');
    expect(before.excluded.unmetCriteria).not.toContain('finanzen.ausgeglichen');
    expect(after.other).toEqual({ ...before.other, ruleVersion: after.other.ruleVersion });
    expect(after.other.ruleVersion).not.toBe(before.other.ruleVersion);

    expect((await notificationsOf(affected)).length).toBeGreaterThan(0);
    expect(await notificationsOf(excluded)).toEqual([]);
    expect(await notificationsOf(other)).toEqual([]);
  });
});

describe('notices after a publication', () => {
  it('advisors get their own text with a link to the advice page; every e-mail links with the public address', async () => {
    const { publishChange } = await server();
    const { todayInSaxony } = await import('../../app/rules.server');
    const { affected } = await threeDrafts();
    const advisor = (await findUserByEmail(db, 'beratung@demo.example'))!;
    await db
      .insertInto('application_advisors')
      .values({ application_id: affected, advisor_id: advisor.id, since: new Date().toISOString() })
      .execute();

    const created = await createParameterChange(db, lowerCap(todayInSaxony()), await ministryId());
    expect(await publishChange(created.id, await approverId())).toMatchObject({ ok: true, changedDrafts: 1 });

    const notices = await notificationsOf(affected);
    const forAdvisor = notices.filter((n) => n.email === advisor.email);
    expect(forAdvisor).toHaveLength(1);
    expect(forAdvisor[0]!.text).toContain('Der Antrag „Betroffen“, den Sie beraten, wäre dann „Nicht förderfähig“ statt „Förderfähig“.');
    expect(forAdvisor[0]!.link).toBe(`/beratung/${affected}`);
    const forMembers = notices.filter((n) => n.email !== advisor.email);
    expect(forMembers.map((n) => n.email).sort()).toEqual(['kommune2@demo.example', 'kommune@demo.example']);
    for (const notice of forMembers) {
      expect(notice.text).toContain('Ihr Antrag „Betroffen“ wäre dann „Nicht förderfähig“');
      expect(notice.link).toBe(`/antraege/${affected}`);
    }

    const mails = await db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'body'])
      .where('subject', 'like', 'Geänderte Förderregeln%')
      .execute();
    expect(mails).toHaveLength(3);
    const advisorMail = mails.find((m) => m.to_address === advisor.email)!;
    expect(advisorMail.subject).toBe('Geänderte Förderregeln betreffen den Antrag „Betroffen“, den Sie beraten');
    expect(advisorMail.body).toContain(`Zum Antrag in der Beratung: ${TEST_PUBLIC_URL}/beratung/${affected}`);
    for (const mail of mails.filter((m) => m !== advisorMail)) expect(mail.body).toContain(`${TEST_PUBLIC_URL}/antraege/${affected}`);
  });
});

describe('a value published for a later day', () => {
  it('leaves the stored columns until the day it takes effect; then the housekeeping re-checks the drafts', async () => {
    const { publishChange, recheckOutdatedDrafts } = await server();
    const { housekeepingOnce } = await import('../../app/housekeeping.server');
    const { todayInSaxony } = await import('../../app/rules.server');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const { affected, excluded, other } = await threeDrafts();
    const before = { affected: await columnsOf(affected), excluded: await columnsOf(excluded), other: await columnsOf(other) };

    const created = await createParameterChange(db, lowerCap(todayInSaxony(tomorrow)), await ministryId());
    expect(await publishChange(created.id, await approverId())).toMatchObject({ ok: true, changedDrafts: 1, updatedDrafts: 0 });
    // Today nothing changes for the drafts; the organisation of the affected one is told what will.
    expect({ affected: await columnsOf(affected), excluded: await columnsOf(excluded), other: await columnsOf(other) }).toEqual(before);
    expect((await notificationsOf(affected)).length).toBeGreaterThan(0);
    // A run today finds nothing to re-check.
    expect(await recheckOutdatedDrafts()).toEqual({ checked: 0, updated: 0, unreadable: 0 });

    await housekeepingOnce(tomorrow);
    for (const id of [affected, excluded, other])
      expect(await columnsOf(id)).toEqual(await columnsAsTheWizardWould(id, todayInSaxony(tomorrow)));
    expect((await columnsOf(affected)).verdict).toBe('nicht_foerderfaehig');
    expect((await columnsOf(excluded)).requestedGrantCents).toBe(500_000);
    expect((await columnsOf(other)).ruleVersion).toMatch(/\/v1$/);
    // The re-check tells nobody again, and a second run has nothing left to do.
    expect((await notificationsOf(excluded)).length + (await notificationsOf(other)).length).toBe(0);
    expect(await recheckOutdatedDrafts(tomorrow)).toEqual({ checked: 0, updated: 0, unreadable: 0 });
  });
});
