import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import {
  countDraftsBy,
  countDraftsByLandkreis,
  countUnmetCriteria,
  createParameterChange,
  discardParameterChange,
  listStoredCalls,
  publishParameterChange,
  publishedValues,
  rowToCall,
  rulesRevision,
  saveCall,
} from '../../db/repositories/regelwerk';
import { demoCall, demoCallId, seedDemoData } from '../../db/seed';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest(
  async (fresh) => {
    db = fresh.db;
    await seedDemoData(db);
  },
  { seeded: true },
);

const ministryId = async () => (await db.selectFrom('users').select('id').where('role', '=', 'ministry').executeTakeFirstOrThrow()).id;

const change = {
  parameterId: 'grant.cap.A1.1' as const,
  value: 900_000,
  effectiveFrom: '2027-01-01',
  reference: 'Erlass',
  note: undefined,
  assumption: undefined,
};

describe('parameter changes', () => {
  it('are published once, numbered in publication order, and change the rules revision', async () => {
    const user = await ministryId();
    const first = await createParameterChange(db, change, user);
    const second = await createParameterChange(db, { ...change, value: 950_000 }, user);
    const before = await rulesRevision(db);
    // Published in the opposite order of creation: the number follows the publication.
    expect(await publishParameterChange(db, second.id, user, {}, 'einzeln')).toBe(1);
    expect(await publishParameterChange(db, first.id, user, { drafts: [] }, 'einzeln')).toBe(2);
    expect(await publishParameterChange(db, first.id, user, {}, 'einzeln')).toBeNull();
    expect((await publishedValues(db)).map((p) => [p.publication, p.value])).toEqual([
      [1, 950_000],
      [2, 900_000],
    ]);
    expect(await rulesRevision(db)).not.toBe(before);
  });

  it('a discarded change is never published', async () => {
    const user = await ministryId();
    const draft = await createParameterChange(db, change, user);
    expect(await discardParameterChange(db, draft.id, user)).toBe(true);
    expect(await publishParameterChange(db, draft.id, user, {}, 'einzeln')).toBeNull();
    expect(await publishedValues(db)).toEqual([]);
  });
});

describe('funding calls', () => {
  it('the demo seed adds one clearly labelled call, once', async () => {
    const calls = (await listStoredCalls(db)).map(rowToCall);
    expect(calls.map((c) => c.id)).toEqual([demoCallId]);
    expect(calls[0]!.title).toContain('Demo');
    expect(calls[0]!.notes).toContain('kein amtlicher Förderaufruf');
    expect((await seedDemoData(db)).calls).toEqual([]);
  });

  it('an edit based on an old version is refused, so nothing is overwritten silently', async () => {
    const call = demoCall();
    expect(await saveCall(db, { ...call, notes: 'erste Änderung' }, null, 1)).toBe(true);
    const before = await rulesRevision(db);
    expect(await saveCall(db, { ...call, notes: 'veraltete Änderung' }, null, 1)).toBe(false);
    expect(await saveCall(db, { ...call, notes: 'zweite Änderung' }, null, 2)).toBe(true);
    expect(await rulesRevision(db)).not.toBe(before);
    expect(rowToCall((await listStoredCalls(db))[0]!).notes).toBe('zweite Änderung');
    // A second insert of the same id is refused too.
    expect(await saveCall(db, call, null, null)).toBe(false);
  });
});

describe('statistics', () => {
  const meta = {
    title: 'X',
    route: 'A1.1',
    view: 'uebersicht',
    requestedGrantCents: null,
    totalCents: null,
    verdict: 'unvollstaendig',
    ruleVersion: 'v',
    unmetCriteria: ['finanzen.mindestbetrag', 'verfahren.foerderaufruf'],
  };

  it('count drafts by route, status and Landkreis and unmet criteria, without names', async () => {
    const org = await db.selectFrom('organisations').select(['id', 'landkreis']).where('kind', '=', 'gemeinde').executeTakeFirstOrThrow();
    await createApplication(db, { organisationId: org.id, userId: 1, snapshot: {}, meta });
    await createApplication(db, {
      organisationId: org.id,
      userId: 1,
      snapshot: {},
      meta: { ...meta, route: null, unmetCriteria: ['finanzen.mindestbetrag', 'finanzen.hoechstbetrag'] },
    });
    expect(await countDraftsBy(db, 'route')).toEqual(
      expect.arrayContaining([
        { key: 'A1.1', count: 1 },
        { key: null, count: 1 },
      ]),
    );
    expect(await countDraftsBy(db, 'status')).toEqual([{ key: 'entwurf', count: 2 }]);
    expect(await countDraftsByLandkreis(db)).toEqual([{ key: org.landkreis, count: 2 }]);
    // An exclusion and a criterion that needs a justification count; the hint does not.
    expect(await countUnmetCriteria(db)).toEqual(
      expect.arrayContaining([
        { key: 'finanzen.mindestbetrag', count: 2 },
        { key: 'finanzen.hoechstbetrag', count: 1 },
      ]),
    );
    expect(await countUnmetCriteria(db)).toHaveLength(2);
  });

  it('leave out a draft that fails only a hint, such as the open funding call between two calls', async () => {
    const org = await db.selectFrom('organisations').select('id').where('kind', '=', 'gemeinde').executeTakeFirstOrThrow();
    await createApplication(db, {
      organisationId: org.id,
      userId: 1,
      snapshot: {},
      meta: { ...meta, verdict: 'foerderfaehig', unmetCriteria: ['verfahren.foerderaufruf'] },
    });
    expect(await countUnmetCriteria(db)).toEqual([]);
    // The hint is still stored beside the draft and can be counted on request.
    expect(await countUnmetCriteria(db, ['hinweis'])).toEqual([{ key: 'verfahren.foerderaufruf', count: 1 }]);
  });
});
