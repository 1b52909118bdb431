import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import {
  addPayout,
  addReceipts,
  createImplementation,
  deleteReceipt,
  findImplementationByApplication,
  importReceipts,
  listPayouts,
  listReceipts,
  updateImplementation,
  updateReceipt,
} from '../../db/repositories/implementations';
import { createOrganisationStub } from '../../db/repositories/organisations';
import { createUser } from '../../db/repositories/users';
import { bescheidSchema } from '../../machines/umsetzung/bescheid';
import { emptyProof, proofFromJson } from '../../machines/umsetzung/verwendungsnachweis';
import { storedBescheid } from '../support/umsetzung';
import { databaseForEachTest } from '../support/temp-db';

/** The implementation repository on both dialects: one per application, versions, receipts as rows. */
let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

async function application() {
  const org = await createOrganisationStub(db, { kind: 'verein', name: 'Testverein', landkreis: 'Meißen' });
  const user = await createUser(db, { email: 'v@b.de', name: 'V', password: 'zwölf Zeichen!', role: 'applicant', organisationId: org.id });
  const meta = {
    title: 'T',
    route: null,
    view: 'uebersicht',
    requestedGrantCents: null,
    totalCents: null,
    verdict: null,
    ruleVersion: null,
    unmetCriteria: [],
  };
  const row = await createApplication(db, { organisationId: org.id, userId: user.id, snapshot: {}, meta });
  return { org, user, row };
}

describe('implementations', () => {
  it('keeps one per application, saves a version only once and reads the Bescheid back unchanged', async () => {
    const { org, user, row } = await application();
    const bescheid = storedBescheid('B');
    const created = await createImplementation(db, { applicationId: row.id, organisationId: org.id, bescheid, userId: user.id });
    expect(created?.version).toBe(1);
    expect(await createImplementation(db, { applicationId: row.id, organisationId: org.id, bescheid, userId: user.id })).toBeUndefined();
    expect(await updateImplementation(db, created!.id, 1, { milestones: { startedOn: '2026-04-15' } }, user.id)).toBe(true);
    expect(await updateImplementation(db, created!.id, 1, { milestones: { startedOn: '2026-04-16' } }, user.id)).toBe(false);
    const stored = (await findImplementationByApplication(db, row.id))!;
    expect(stored.version).toBe(2);
    expect(bescheidSchema.parse(JSON.parse(stored.bescheid))).toEqual(bescheid);
    expect(JSON.parse(stored.milestones)).toEqual({ startedOn: '2026-04-15' });
  });

  it('keeps the Verwendungsnachweis draft beside the Bescheid: none at first, then saved by version only (issue 19 Nr. 5)', async () => {
    const { org, user, row } = await application();
    const created = (await createImplementation(db, {
      applicationId: row.id,
      organisationId: org.id,
      bescheid: storedBescheid('B'),
      userId: user.id,
    }))!;
    expect(created.proof).toBeNull();
    expect(proofFromJson(created.proof)).toEqual(emptyProof());
    const draft = { ...emptyProof(), participants: 140, report: { ...emptyProof().report, bewertung: 'Gut – „sehr“ gut' } };
    const other = { ...draft, participants: 1 };
    const [a, b] = await Promise.all([
      updateImplementation(db, created.id, 1, { proof: draft }, user.id),
      updateImplementation(db, created.id, 1, { proof: other }, user.id),
    ]);
    expect([a, b].sort()).toEqual([false, true]);
    const stored = (await findImplementationByApplication(db, row.id))!;
    expect(proofFromJson(stored.proof)).toEqual(a ? draft : other);
    // Saving the draft leaves the Bescheid and the milestones as they were.
    expect(JSON.parse(stored.bescheid)).toEqual(storedBescheid('B'));
    expect(stored.version).toBe(2);
  });

  it('stores receipts and payouts with dates, cents and the asset flag as written', async () => {
    const { org, user, row } = await application();
    const impl = (await createImplementation(db, {
      applicationId: row.id,
      organisationId: org.id,
      bescheid: storedBescheid('B'),
      userId: user.id,
    }))!;
    const receipt = {
      lineId: 'honorare',
      orderedOn: null,
      invoicedOn: '2026-05-12',
      paidOn: '2026-05-20',
      payee: 'Meier',
      purpose: 'Werkstatt',
      netCents: 100_000_00,
      grossCents: 119_000_00,
      asset: true,
    };
    await addReceipts(db, impl.id, [receipt, { ...receipt, invoicedOn: '2026-05-01', paidOn: null, asset: false }], user.id);
    const [first, second] = await listReceipts(db, impl.id);
    expect([first!.invoiced_on, first!.paid_on, first!.asset, first!.gross_cents]).toEqual(['2026-05-01', null, 0, 119_000_00]);
    expect([second!.paid_on, second!.asset, second!.net_cents]).toEqual(['2026-05-20', 1, 100_000_00]);
    expect(await updateReceipt(db, impl.id, second!.id, { ...receipt, grossCents: 1 }, user.id)).toBe(true);
    expect(await deleteReceipt(db, impl.id + 1, first!.id)).toBe(false);
    expect(await deleteReceipt(db, impl.id, first!.id)).toBe(true);
    expect((await listReceipts(db, impl.id)).map((r) => r.gross_cents)).toEqual([1]);
    await addPayout(db, impl.id, { receivedOn: '2026-05-20', amountCents: 900_000, note: 'Erster Abruf', userId: user.id });
    expect((await listPayouts(db, impl.id)).map((p) => [p.received_on, p.amount_cents, p.note])).toEqual([
      ['2026-05-20', 900_000, 'Erster Abruf'],
    ]);
  });

  it('imports 450 receipts in chunks; the same file imported twice at the same moment is stored once (issue 19 Nr. 2)', async () => {
    const { org, user, row } = await application();
    const impl = (await createImplementation(db, {
      applicationId: row.id,
      organisationId: org.id,
      bescheid: storedBescheid('A'),
      userId: user.id,
    }))!;
    const receipts = Array.from({ length: 450 }, (_, i) => ({
      lineId: 'honorare',
      orderedOn: null,
      invoicedOn: '2026-05-12',
      paidOn: null,
      payee: `Empfänger ${i}`,
      purpose: 'Werkstatt',
      netCents: 1000 + i,
      grossCents: 1190 + i,
      asset: false,
    }));
    const results = await Promise.all([0, 1].map(() => db.transaction().execute((trx) => importReceipts(trx, impl.id, receipts, user.id))));
    expect(results.map((r) => r.added).sort((a, b) => a - b)).toEqual([0, 450]);
    expect(results.map((r) => r.duplicates).sort((a, b) => a - b)).toEqual([0, 450]);
    expect(await listReceipts(db, impl.id)).toHaveLength(450);
    // One new row beside the known ones: only it is added.
    const more = await db
      .transaction()
      .execute((trx) => importReceipts(trx, impl.id, [...receipts.slice(0, 3), { ...receipts[0]!, payee: 'Neu' }], user.id));
    expect(more).toEqual({ added: 1, duplicates: 3 });
  });
});
