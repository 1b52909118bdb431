import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { seedDemoApplications } from '../../db/demo/seed-applications';
import { createApplication } from '../../db/repositories/applications';
import {
  addComment,
  listComments,
  listOutbox,
  listQueue,
  notify,
  saveAdviceStatus,
  unreadNotificationCount,
} from '../../db/repositories/advice';
import { createUser, findUserByEmail } from '../../db/repositories/users';
import { seedDemoData } from '../../db/seed';
import {
  advisorMayRead,
  applyAdviceEvent,
  startAdvice,
  statusOf,
  type Actor,
  type AdviceEvent,
  type AdviceSnapshot,
} from '../../machines/frl/advice/machine';
import { databaseForEachTest } from '../support/temp-db';
import { bescheidSchema } from '../../machines/umsetzung/bescheid';

let db: DB;
databaseForEachTest(
  async (fresh) => {
    db = fresh.db;
    await seedDemoData(db);
  },
  { seeded: true },
);

const at = '2026-11-20T10:00:00.000Z';
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

async function users() {
  const kommune = (await findUserByEmail(db, 'kommune@demo.example'))!;
  const advisor = (await findUserByEmail(db, 'beratung@demo.example'))!;
  return { kommune, advisor };
}

/** Stores a draft whose review went through the events (as the app does, one save per event). */
async function draftWith(events: AdviceEvent[], title: string) {
  const { kommune } = await users();
  const row = await createApplication(db, {
    organisationId: kommune.organisation_id!,
    userId: kommune.id,
    snapshot: {},
    meta: { ...meta, title },
  });
  let snapshot: AdviceSnapshot = startAdvice();
  let version = 0;
  for (const event of events) {
    const next = applyAdviceEvent(snapshot, event);
    expect(next.accepted).toBe(true);
    snapshot = next.snapshot;
    const saved = await saveAdviceStatus(db, {
      applicationId: row.id,
      expectedReviewVersion: version++,
      applicationVersion: row.version,
      status: statusOf(snapshot),
      snapshot: next.persisted,
      requestedAt: snapshot.context.requestedAt,
      requestedAdvisorId: snapshot.context.requestedAdvisor,
      advisors: snapshot.context.advisors,
      userId: event.actor.userId,
      eventType: `status.${event.type}`,
      details: {},
    });
    expect(saved).toBe(true);
  }
  return { id: row.id, snapshot };
}

describe('the advisor queue', () => {
  it('lists exactly the drafts the advisor may read (same rule as the statechart)', async () => {
    const { kommune, advisor } = await users();
    const other = { role: 'advisor', userId: 999_999, member: false } as Actor;
    const member: Actor = { role: 'applicant', userId: kommune.id, member: true };
    const me: Actor = { role: 'advisor', userId: advisor.id, member: false };
    const ask = (advisorId: number | null): AdviceEvent => ({ type: 'beratung.anfragen', advisorId, actor: member, at });
    const drafts = [
      await draftWith([], 'privat'),
      await draftWith([ask(null)], 'Pool'),
      await draftWith([ask(advisor.id)], 'an mich'),
      await draftWith([ask(other.userId)], 'an andere'),
      await draftWith([ask(null), { type: 'beratung.uebernehmen', actor: me, at }], 'meins'),
      await draftWith(
        [
          ask(null),
          { type: 'beratung.uebernehmen', actor: me, at },
          { type: 'beratung.zurueckgeben', reason: 'Bitte Zeitplan prüfen.', actor: me, at },
        ],
        'zurückgegeben',
      ),
      await draftWith([ask(null), { type: 'beratung.beenden', actor: member, at }], 'zurückgenommen'),
    ];
    const queue = await listQueue(db, advisor.id, {});
    const expected = drafts.filter((d) => advisorMayRead(me, d.snapshot)).map((d) => d.id);
    expect(queue.map((q) => q.id).sort()).toEqual(expected.sort());
    expect(queue.map((q) => q.title).sort()).toEqual(['Pool', 'an mich', 'meins', 'zurückgegeben'].sort());
    expect((await listQueue(db, advisor.id, { mine: true })).map((q) => q.title).sort()).toEqual(['meins', 'zurückgegeben']);
    expect((await listQueue(db, advisor.id, { status: 'zur_ueberarbeitung' })).map((q) => q.title)).toEqual(['zurückgegeben']);
    expect(await listQueue(db, advisor.id, { minDays: 3 }, new Date(Date.parse(at) + 2 * 86_400_000))).toEqual([]);
    // Waiting means waiting for the advice: the returned draft is not, though asked for as long ago.
    expect((await listQueue(db, advisor.id, { minDays: 3 }, new Date(Date.parse(at) + 4 * 86_400_000))).map((q) => q.title).sort()).toEqual(
      ['Pool', 'an mich', 'meins'].sort(),
    );
  });

  it('the waiting time counts for drafts in advice only, from the latest request', async () => {
    const { kommune, advisor } = await users();
    const member: Actor = { role: 'applicant', userId: kommune.id, member: true };
    const me: Actor = { role: 'advisor', userId: advisor.id, member: false };
    const day = (n: number) => new Date(Date.parse(at) + n * 86_400_000).toISOString();
    const ask = (n: number): AdviceEvent => ({ type: 'beratung.anfragen', advisorId: advisor.id, actor: member, at: day(n) });
    const take = (n: number): AdviceEvent => ({ type: 'beratung.uebernehmen', actor: me, at: day(n) });
    const back = (n: number): AdviceEvent => ({ type: 'beratung.zurueckgeben', reason: 'Bitte Zeitplan prüfen.', actor: me, at: day(n) });
    await draftWith([ask(0)], 'im Pool seit Tag 0');
    await draftWith([ask(0), take(1)], 'in Beratung seit Tag 0');
    await draftWith([ask(0), take(1), back(2)], 'zurückgegeben');
    const complete: AdviceEvent = { type: 'beratung.abschliessen', readyForSubmission: true, version: 1, actor: me, at: day(2) };
    await draftWith([ask(0), take(1), complete], 'abgeschlossen');
    await draftWith([ask(0), take(1), back(2), ask(8)], 'erneut gefragt an Tag 8');
    await draftWith(
      [ask(0), take(1), complete, { type: 'einreichung.erfassen', date: '2026-11-23', reference: 'SAB-1', actor: member, at: day(3) }],
      'eingereicht',
    );
    const titles = async (minDays: number, now: number) =>
      (await listQueue(db, advisor.id, { minDays }, new Date(Date.parse(day(now))))).map((q) => q.title).sort();
    expect(await titles(7, 10)).toEqual(['im Pool seit Tag 0', 'in Beratung seit Tag 0']);
    expect(await titles(2, 10)).toEqual(['erneut gefragt an Tag 8', 'im Pool seit Tag 0', 'in Beratung seit Tag 0']);
    expect(await titles(3, 10)).toEqual(['im Pool seit Tag 0', 'in Beratung seit Tag 0']);
    // Without the filter, every draft the advisor may read is listed.
    expect((await listQueue(db, advisor.id, {})).map((q) => q.title).sort()).toEqual([
      'abgeschlossen',
      'eingereicht',
      'erneut gefragt an Tag 8',
      'im Pool seit Tag 0',
      'in Beratung seit Tag 0',
      'zurückgegeben',
    ]);
  });

  it('ending the advice revokes the advisor: gone from the queue and the advisor table; asked again, it can be taken again', async () => {
    const { kommune, advisor } = await users();
    const member: Actor = { role: 'applicant', userId: kommune.id, member: true };
    const me: Actor = { role: 'advisor', userId: advisor.id, member: false };
    const ask: AdviceEvent = { type: 'beratung.anfragen', advisorId: null, actor: member, at };
    const take: AdviceEvent = { type: 'beratung.uebernehmen', actor: me, at };
    const end: AdviceEvent = { type: 'beratung.beenden', actor: member, at };
    const ended = await draftWith([ask, take, end], 'beendet');
    expect(advisorMayRead(me, ended.snapshot)).toBe(false);
    expect(await listQueue(db, advisor.id, {})).toEqual([]);
    expect(await db.selectFrom('application_advisors').selectAll().where('application_id', '=', ended.id).execute()).toEqual([]);

    const again = await draftWith([ask, take, end, ask], 'erneut');
    expect((await listQueue(db, advisor.id, {})).map((q) => [q.title, q.advisor_ids])).toEqual([['erneut', null]]);
    const retaken = await draftWith([ask, take, end, ask, take], 'wieder übernommen');
    expect(advisorMayRead(me, retaken.snapshot)).toBe(true);
    expect((await listQueue(db, advisor.id, { mine: true })).map((q) => q.title)).toEqual(['wieder übernommen']);
    expect(again.snapshot.context.formerAdvisors).toEqual([advisor.id]);
  });

  it('a repeated request to advisor B hands the draft to B; A can no longer read it', async () => {
    const { kommune, advisor } = await users();
    const second = await createUser(db, {
      email: 'zweite@demo.example',
      name: 'Zweite Beraterin',
      password: 'Testkonto-Passwort 2026',
      role: 'advisor',
      organisationId: null,
    });
    const member: Actor = { role: 'applicant', userId: kommune.id, member: true };
    const a: Actor = { role: 'advisor', userId: advisor.id, member: false };
    const b: Actor = { role: 'advisor', userId: second.id, member: false };
    const events: AdviceEvent[] = [
      { type: 'beratung.anfragen', advisorId: null, actor: member, at },
      { type: 'beratung.uebernehmen', actor: a, at },
      { type: 'beratung.zurueckgeben', reason: 'Bitte Zeitplan prüfen.', actor: a, at },
      { type: 'beratung.anfragen', advisorId: second.id, actor: member, at },
    ];
    const { id, snapshot } = await draftWith(events, 'an B');
    expect(advisorMayRead(a, snapshot)).toBe(false);
    expect(await listQueue(db, advisor.id, {})).toEqual([]);
    expect((await listQueue(db, second.id, {})).map((q) => q.id)).toEqual([id]);
    const taken = await draftWith([...events, { type: 'beratung.uebernehmen', actor: b, at }], 'von B übernommen');
    expect(taken.snapshot.context.advisors).toEqual([second.id]);
    expect(
      (await db.selectFrom('application_advisors').select('advisor_id').where('application_id', '=', taken.id).execute()).map(
        (r) => r.advisor_id,
      ),
    ).toEqual([second.id]);
    // Naming A again keeps A.
    const same = await draftWith(
      [...events.slice(0, 3), { type: 'beratung.anfragen', advisorId: advisor.id, actor: member, at }],
      'wieder an A',
    );
    expect(advisorMayRead(a, same.snapshot)).toBe(true);
    expect((await listQueue(db, advisor.id, { mine: true })).map((q) => q.title)).toEqual(['wieder an A']);
  });

  it('a status save with a stale version changes nothing (two advisors at once)', async () => {
    const { kommune, advisor } = await users();
    const { id } = await draftWith(
      [{ type: 'beratung.anfragen', advisorId: null, actor: { role: 'applicant', userId: kommune.id, member: true }, at }],
      'Pool',
    );
    const take = {
      applicationId: id,
      applicationVersion: 1,
      status: 'in_beratung',
      snapshot: {},
      requestedAt: at,
      requestedAdvisorId: null,
      userId: advisor.id,
      eventType: 'status.beratung.uebernehmen',
      details: {},
    };
    expect(await saveAdviceStatus(db, { ...take, expectedReviewVersion: 1, advisors: [advisor.id] })).toBe(true);
    expect(await saveAdviceStatus(db, { ...take, expectedReviewVersion: 1, advisors: [advisor.id + 1] })).toBe(false);
    const advisors = await db.selectFrom('application_advisors').select('advisor_id').where('application_id', '=', id).execute();
    expect(advisors).toEqual([{ advisor_id: advisor.id }]);
  });
});

describe('comments and notifications', () => {
  it('internal notes are left out unless asked for', async () => {
    const { id } = await draftWith([], 'x');
    const { advisor } = await users();
    await addComment(db, {
      application_id: id,
      parent_id: null,
      author_id: advisor.id,
      step: 'vorhaben',
      field: null,
      body: 'öffentlich',
      internal: 0,
      version: 1,
    });
    await addComment(db, {
      application_id: id,
      parent_id: null,
      author_id: advisor.id,
      step: 'vorhaben',
      field: null,
      body: 'intern',
      internal: 1,
      version: 1,
    });
    expect((await listComments(db, id, { includeInternal: false })).map((c) => c.body)).toEqual(['öffentlich']);
    expect((await listComments(db, id, { includeInternal: true })).map((c) => c.body)).toEqual(['öffentlich', 'intern']);
  });

  it('notify writes one notification per user and an e-mail to the outbox when asked', async () => {
    const { kommune, advisor } = await users();
    await notify(db, {
      userIds: [kommune.id, kommune.id, advisor.id],
      applicationId: null,
      kind: 'status',
      text: 'Hallo',
      link: '/',
      email: { subject: 'Betreff', body: 'Text' },
    });
    expect(await unreadNotificationCount(db, kommune.id)).toBe(1);
    expect(await unreadNotificationCount(db, advisor.id)).toBe(1);
    const mails = await listOutbox(db, kommune.id);
    expect(mails.map((m) => [m.to_address, m.subject, m.sent_at])).toEqual([['kommune@demo.example', 'Betreff', null]]);
  });
});

describe('demo drafts', () => {
  it('seeds the Gemeinde draft in advice with comments, the Verein’s approved application in implementation and its draft, complete with their annexes, once', async () => {
    const uploads = mkdtempSync(join(tmpdir(), 'demo-uploads-'));
    const first = await seedDemoApplications(db, uploads, new Date('2026-11-22T09:00:00Z'));
    expect(first).toHaveLength(3);
    expect(await seedDemoApplications(db, uploads)).toEqual([]);
    const files = await db
      .selectFrom('attachments')
      .innerJoin('applications', 'applications.id', 'attachments.application_id')
      .select(['applications.route', 'doc_type', 'storage_key', 'sha256'])
      .orderBy('attachments.id')
      .execute();
    // Einzelvorhaben in a Verbund: the Verbundvereinbarung; Zivilgesellschaft: support letter and Freistellungsbescheid.
    expect(files.map((f) => [f.route, f.doc_type])).toEqual([
      ['A1.1', 'verbundvereinbarung'],
      ['B', 'unterstuetzungsschreiben'],
      ['B', 'freistellungsbescheid'],
      ['B', 'unterstuetzungsschreiben'],
      ['B', 'freistellungsbescheid'],
    ]);
    for (const f of files) {
      const bytes = readFileSync(join(uploads, f.storage_key));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const snapshots = await db.selectFrom('applications').select('snapshot').orderBy('id').execute();
    for (const s of snapshots)
      expect((JSON.parse(s.snapshot) as { context: { complete: string[] } }).context.complete).toEqual(
        expect.arrayContaining(['anlagen', 'kosten', 'erklaerungen']),
      );
    rmSync(uploads, { recursive: true, force: true });
    const rows = await db.selectFrom('applications').select(['id', 'title', 'status', 'verdict']).orderBy('id').execute();
    expect(rows.map((r) => [r.status, r.verdict])).toEqual([
      ['in_beratung', 'foerderfaehig'],
      ['bewilligt', expect.any(String)],
      ['entwurf', expect.any(String)],
    ]);
    // The approved one is in implementation: Bescheid, receipts (one invoice open), payouts, start reported.
    const implementation = await db.selectFrom('implementations').selectAll().executeTakeFirstOrThrow();
    expect(implementation.application_id).toBe(rows[1]!.id);
    expect(bescheidSchema.parse(JSON.parse(implementation.bescheid)).periodStart).toBe('2026-03-01');
    const receipts = await db.selectFrom('implementation_receipts').select(['paid_on', 'invoiced_on']).execute();
    expect(receipts).toHaveLength(11);
    expect(receipts.filter((r) => r.paid_on === null)).toHaveLength(1);
    // Every receipt lies in the approval period and none is paid after the seeding day.
    for (const r of receipts) expect(r.invoiced_on >= '2026-03-01' && (r.paid_on ?? '') <= '2026-11-22').toBe(true);
    expect(JSON.parse(implementation.milestones)).toEqual({ startedOn: '2026-03-02', startReportedOn: '2026-03-05' });
    const { advisor } = await users();
    expect((await listQueue(db, advisor.id, { mine: true })).map((q) => q.id)).toEqual([rows[0]!.id]);
    const comments = await listComments(db, rows[0]!.id, { includeInternal: false });
    expect(comments.map((c) => c.field)).toEqual(['lines[id=c6]', 'lines[id=c6]', 'whyFunding']);
  });
});
