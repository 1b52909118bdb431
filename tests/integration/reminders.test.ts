import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import { createImplementation, updateImplementation } from '../../db/repositories/implementations';
import { findUserByEmail } from '../../db/repositories/users';
import { appDatabase } from '../support/app-database';
import { storedBescheid } from '../support/umsetzung';

/*
 * Deadline reminders (issue 19 Nr. 6, ADR 0067) through the server module on a database of its own,
 * SQLite and PostgreSQL: each reminder once, also when several runs (instances) overlap.
 */

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await appDatabase());
});
afterEach(async () => {
  await cleanup();
});

const server = () => import('../../app/antrag/deadlines.server');

async function project() {
  const member = (await findUserByEmail(db, 'verein@demo.example'))!;
  const meta = {
    title: 'Erinnerungstest',
    route: null,
    view: 'uebersicht',
    requestedGrantCents: null,
    totalCents: null,
    verdict: null,
    ruleVersion: null,
    unmetCriteria: [],
  };
  const row = await createApplication(db, {
    organisationId: member.organisation_id!,
    userId: member.id,
    snapshot: {},
    meta,
  });
  const implementation = (await createImplementation(db, {
    applicationId: row.id,
    organisationId: member.organisation_id!,
    bescheid: storedBescheid('B'),
    userId: member.id,
  }))!;
  // Begun: only the end of the period (31.03.2027) and the Verwendungsnachweis remain to remind.
  expect(
    await updateImplementation(db, implementation.id, implementation.version, { milestones: { startedOn: '2026-04-02' } }, member.id),
  ).toBe(true);
  return { member, implementation };
}

const reminders = (implementationId: number) =>
  db
    .selectFrom('deadline_reminders')
    .select(['deadline_key', 'deadline_on', 'kind'])
    .where('implementation_id', '=', implementationId)
    .orderBy('id')
    .execute();
const notes = (userId: number) =>
  db
    .selectFrom('notifications')
    .select(['text', 'kind'])
    .where('user_id', '=', userId)
    .where('kind', 'like', 'frist.%')
    .orderBy('id')
    .execute();
const mails = (userId: number) =>
  db.selectFrom('outbox').select('subject').where('to_user_id', '=', userId).where('subject', 'like', 'Frist:%').execute();

describe('deadline reminders', () => {
  it('sends each reminder once, in-app and by e-mail, however often and however concurrently the job runs', async () => {
    const { member, implementation } = await project();
    const { sendDeadlineReminders } = await server();
    // Eleven days before the end of the approval period.
    const before = new Date('2027-03-20T07:00:00Z');
    const first = await Promise.all([sendDeadlineReminders(before), sendDeadlineReminders(before), sendDeadlineReminders(before)]);
    expect(await reminders(implementation.id)).toEqual([{ deadline_key: 'ende', deadline_on: '2027-03-31', kind: 'vorher' }]);
    const ours = (await notes(member.id)).filter((n) => n.text.includes('Erinnerungstest'));
    expect(ours).toEqual([
      {
        kind: 'frist.vorher',
        text: '„Erinnerungstest“: Ende des Bewilligungszeitraums (Zuwendungsbescheid (VwV zu § 44 SäHO Nr. 4.2.5)) in 11 Tagen, am 31.03.2027',
      },
    ]);
    expect((await mails(member.id)).filter((m) => m.subject.includes('Erinnerungstest'))).toHaveLength(1);
    expect(first.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await sendDeadlineReminders(before)).toBe(0);

    // On the day: two runs at once, one reminder.
    await Promise.all([sendDeadlineReminders(new Date('2027-03-31T07:00:00Z')), sendDeadlineReminders(new Date('2027-03-31T08:00:00Z'))]);
    const kinds = (await reminders(implementation.id)).map((r) => `${r.deadline_key} ${r.kind}`);
    expect(kinds).toEqual(['ende vorher', 'ende am-tag']);
  });

  it('reminds again when the date moves (a new Bescheid with a longer period), and not late for the old one', async () => {
    const { member, implementation } = await project();
    const { sendDeadlineReminders } = await server();
    await sendDeadlineReminders(new Date('2027-03-31T07:00:00Z'));
    const version = (await db.selectFrom('implementations').select('version').where('id', '=', implementation.id).executeTakeFirstOrThrow())
      .version;
    // The SAB extends the period to 30.04.2027: on 16.04. the new end is 14 days away.
    expect(
      await updateImplementation(
        db,
        implementation.id,
        version,
        { bescheid: { ...storedBescheid('B'), periodEnd: '2027-04-30' } },
        member.id,
      ),
    ).toBe(true);
    await sendDeadlineReminders(new Date('2027-04-16T07:00:00Z'));
    expect((await reminders(implementation.id)).filter((r) => r.deadline_key === 'ende')).toEqual([
      { deadline_key: 'ende', deadline_on: '2027-03-31', kind: 'am-tag' },
      { deadline_key: 'ende', deadline_on: '2027-04-30', kind: 'vorher' },
    ]);
  });

  it('reminds of the Verwendungsnachweis on its day and stops once it is submitted', async () => {
    const { member, implementation } = await project();
    const { sendDeadlineReminders } = await server();
    const version = async () =>
      (await db.selectFrom('implementations').select('version').where('id', '=', implementation.id).executeTakeFirstOrThrow()).version;
    // The purpose fulfilled on 31.03.2027: the Verwendungsnachweis is due six months later (ANBest-P Nr. 6.1).
    const milestones = {
      startedOn: '2026-04-02',
      purposeFulfilledOn: '2027-03-31',
    };
    await updateImplementation(db, implementation.id, await version(), { milestones }, member.id);
    await sendDeadlineReminders(new Date('2027-09-30T07:00:00Z'));
    expect((await reminders(implementation.id)).filter((r) => r.deadline_key === 'nachweis')).toEqual([
      { deadline_key: 'nachweis', deadline_on: '2027-09-30', kind: 'am-tag' },
    ]);
    // Submitted that day: no "overdue" the day after.
    await updateImplementation(
      db,
      implementation.id,
      await version(),
      { milestones: { ...milestones, proofSubmittedOn: '2027-09-30' } },
      member.id,
    );
    await sendDeadlineReminders(new Date('2027-10-01T07:00:00Z'));
    expect((await reminders(implementation.id)).filter((r) => r.deadline_key === 'nachweis')).toHaveLength(1);
  });
});
