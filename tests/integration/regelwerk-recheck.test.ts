import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unreadableDraftsNote } from '../../app/components/regelwerk/changes';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import { createParameterChange, findParameterChange } from '../../db/repositories/regelwerk';
import { findUserByEmail } from '../../db/repositories/users';
import { evaluateData, freshSnapshot, metaFor, persistedSnapshot } from '../../machines/frl/application/snapshot';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { appDatabase } from '../support/app-database';
import { sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

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

const server = () => import('../../app/regelwerk.server');

/** Stores a draft as the wizard saves it today with the rules in force: snapshot and derived columns. */
async function storeDraft(data: ApplicationData, title: string, memberEmail = 'kommune@demo.example'): Promise<number> {
  const { rulesOptions, todayInSaxony } = await import('../../app/rules.server');
  const rules = await rulesOptions();
  const context = { table: rules.parameters, date: todayInSaxony(), attachmentTypes: [] };
  data.project.title = title;
  const snapshot = freshSnapshot(data, context);
  const meta = metaFor(snapshot, evaluateData(data, context, rules), context);
  const member = (await findUserByEmail(db, memberEmail))!;
  const row = await createApplication(db, { organisationId: member.organisation_id!, userId: member.id, snapshot: persistedSnapshot(snapshot), meta });
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
    await overwriteSnapshot(notJson, () => '{"context": {"data": {');

    const { drafts, unreadable } = await draftsForPreview(db);
    expect(drafts.map((d) => d.id)).toEqual([readable, older]);
    expect(drafts[1]!.data.project.title).toBe('Aus einer älteren Fassung');
    expect(unreadable).toBe(2);

    // A lower cap for A1.1 changes both readable Gemeinde drafts; the preview says what it could not read.
    const created = await createParameterChange(db, { parameterId: 'grant.cap.A1.1', value: 500_000, effectiveFrom: '2099-01-01', reference: 'Test', note: undefined, assumption: undefined }, await ministryId());
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
