import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication, eventsSince, recordApplicationEvent } from '../../db/repositories/applications';
import { listAudit, recordAudit, searchAudit } from '../../db/repositories/audit';
import { listDraftsForRecheck, listRegelwerkAudit, listStoredCalls, rowToCall, saveCall } from '../../db/repositories/regelwerk';
import { changesSince } from '../../db/repositories/advice';
import { findUserByEmail } from '../../db/repositories/users';
import { demoCall, seedDemoData } from '../../db/seed';
import { testDialect } from '../support/postgres';
import { databaseForEachTest } from '../support/temp-db';

/*
 * Repositories return their JSON columns decoded (issue 15 Nr. 3): what each does with a stored
 * value it cannot read – refuse it or salvage it – on both dialects. Text that is no JSON at all
 * exists only on SQLite: PostgreSQL's jsonb columns refuse it when it is written.
 */
const storesAnyText = testDialect === 'sqlite';

let db: DB;
databaseForEachTest(
  async (fresh) => {
    db = fresh.db;
    await seedDemoData(db);
  },
  { seeded: true },
);

async function draft(meta: { verdict: string | null; ruleVersion: string | null; unmetCriteria: string[] }) {
  const member = (await findUserByEmail(db, 'kommune@demo.example'))!;
  const row = await createApplication(db, {
    organisationId: member.organisation_id!,
    userId: member.id,
    snapshot: { context: { data: {} } },
    meta: { title: 'Bürgerrat', route: null, view: 'A', requestedGrantCents: 1_000, totalCents: 2_000, ...meta },
  });
  return { id: row.id, userId: member.id };
}

const setColumn = (id: number, column: 'unmet_criteria', value: string) =>
  db
    .updateTable('applications')
    .set({ [column]: value })
    .where('id', '=', id)
    .execute();

describe('the drafts a rule change re-checks', () => {
  it('come with the rule columns of their last check, decoded', async () => {
    const { id } = await draft({ verdict: 'nicht_foerderfaehig', ruleVersion: 'frl-2024', unmetCriteria: ['A-1', 'B-2'] });
    const found = (await listDraftsForRecheck(db)).find((d) => d.id === id)!;
    expect(found.stored).toEqual({
      verdict: 'nicht_foerderfaehig',
      ruleVersion: 'frl-2024',
      unmetCriteria: ['A-1', 'B-2'],
      requestedGrantCents: 1_000,
      totalCents: 2_000,
    });
  });

  it('never checked: no rule columns', async () => {
    const { id } = await draft({ verdict: null, ruleVersion: null, unmetCriteria: [] });
    expect((await listDraftsForRecheck(db)).find((d) => d.id === id)!.stored).toBeNull();
  });

  it('salvage unmet criteria they cannot read as none, and take ids as text', async () => {
    const { id } = await draft({ verdict: 'foerderfaehig', ruleVersion: 'frl-2024', unmetCriteria: [] });
    const unmet = async () => (await listDraftsForRecheck(db)).find((d) => d.id === id)!.stored!.unmetCriteria;
    if (storesAnyText) {
      await setColumn(id, 'unmet_criteria', 'kein JSON');
      expect(await unmet()).toEqual([]);
    }
    await setColumn(id, 'unmet_criteria', '{"A-1":true}');
    expect(await unmet()).toEqual([]);
    await setColumn(id, 'unmet_criteria', '["A-1",7]');
    expect(await unmet()).toEqual(['A-1', '7']);
  });
});

describe('stored funding calls', () => {
  it('read a list column they cannot read as empty, the others as stored', async () => {
    await saveCall(
      db,
      { ...demoCall(), id: 'aufruf-test', focusTopics: ['Bürgerräte'], requiredDocuments: ['Vorhabenbeschreibung'] },
      null,
      null,
    );
    const read = async () => rowToCall((await listStoredCalls(db)).find((c) => c.id === 'aufruf-test')!);
    expect((await read()).focusTopics).toEqual(['Bürgerräte']);
    await db
      .updateTable('funding_calls')
      .set({ focus_topics: '"Bürgerräte"', required_documents: '[1, 2]' })
      .where('id', '=', 'aufruf-test')
      .execute();
    const call = await read();
    expect(call.focusTopics).toEqual([]);
    expect(call.requiredDocuments).toEqual([]);
    expect(call.title).toBe(demoCall().title);
    if (storesAnyText) {
      await db.updateTable('funding_calls').set({ focus_topics: 'kaputt' }).where('id', '=', 'aufruf-test').execute();
      expect((await read()).focusTopics).toEqual([]);
    }
  });
});

describe('audit entries', () => {
  it('come with their details decoded; details that cannot be read are empty', async () => {
    await recordAudit(db, {
      actorUserId: null,
      action: 'regelwerk.test',
      subjectType: 'funding_call',
      subjectId: 'x',
      details: { summary: 'Lesbar' },
    });
    await recordAudit(db, { actorUserId: null, action: 'regelwerk.test', subjectType: 'funding_call', subjectId: 'x' });
    const [broken] = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'regelwerk.test')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    await db.updateTable('audit_events').set({ details: '["summary"]' }).where('id', '=', broken!.id).execute();

    const expected = [{}, { summary: 'Lesbar' }];
    expect((await listAudit(db, 'funding_call', 'x')).map((e) => e.details)).toEqual(expected);
    const regelwerk = (await listRegelwerkAudit(db)).filter((e) => e.action === 'regelwerk.test');
    expect(regelwerk.map((e) => e.details)).toEqual(expected);
    const searched = (await searchAudit(db, { actionPrefix: 'regelwerk.test' }, { limit: 10, offset: 0 })).rows;
    expect(searched.map((e) => e.details)).toEqual(expected);

    if (storesAnyText) {
      await db.updateTable('audit_events').set({ details: 'kein JSON' }).where('id', '=', broken!.id).execute();
      expect((await listAudit(db, 'funding_call', 'x'))[0]!.details).toEqual({});
    }
  });
});

describe('application events', () => {
  it('give the changed paths and changes decoded', async () => {
    const { id, userId } = await draft({ verdict: null, ruleVersion: null, unmetCriteria: [] });
    await recordApplicationEvent(db, id, 2, {
      userId,
      type: 'step.save',
      step: 'vorhaben',
      changes: [{ path: 'project.title', before: 'a', after: 'b' }],
      details: { note: 1 },
    });
    expect((await eventsSince(db, id, 1, 2)).map((e) => e.paths)).toEqual([['project.title']]);
    const [change] = await changesSince(db, id, 1);
    expect(change!.changes).toEqual([{ path: 'project.title', before: 'a', after: 'b' }]);
    expect(change!.details).toEqual({ note: 1 });
  });

  it('refuse an entry they cannot read rather than skip a change', async () => {
    const { id, userId } = await draft({ verdict: null, ruleVersion: null, unmetCriteria: [] });
    await recordApplicationEvent(db, id, 2, { userId, type: 'step.save', step: 'vorhaben', changes: [{ path: 'project.title' }] });
    await db
      .updateTable('application_events')
      .set({ changes: '[{"pfad":"project.title"}]' })
      .where('application_id', '=', id)
      .where('version', '=', 2)
      .execute();
    await expect(eventsSince(db, id, 1, 2)).rejects.toThrow();
    await expect(changesSince(db, id, 1)).rejects.toThrow();
    if (!storesAnyText) return;
    await db
      .updateTable('application_events')
      .set({ changes: 'kein JSON' })
      .where('application_id', '=', id)
      .where('version', '=', 2)
      .execute();
    await expect(eventsSince(db, id, 1, 2)).rejects.toThrow();
    await expect(changesSince(db, id, 1)).rejects.toThrow();
  });
});
