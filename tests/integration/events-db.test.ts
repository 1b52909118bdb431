import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import {
  applicationsOf,
  cancelEvent,
  changeRegistration,
  completeSelection,
  createEvent,
  deleteOldRegistrations,
  eventStatistics,
  expireAllDue,
  findEvent,
  messageRecipients,
  participants,
  recordAttendance,
  register,
  resendAccessLinks,
  saveSelectionDecisions,
  seatCountsFor,
  updateEvent,
  waitlistRank,
  type EventValues,
} from '../../db/repositories/events';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const now = new Date('2026-06-01T10:00:00.000Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const event: EventValues = {
  title: 'Antragswerkstatt',
  description: 'Wie man einen Antrag stellt.',
  topic: 'antragstellung',
  audience: 'Kommunen',
  format: 'praesenz',
  venue: 'Rathaus',
  address: 'Am Markt 1, 01067 Dresden',
  landkreis: 'Dresden',
  onlineLink: null,
  technicalRequirements: '',
  organiser: 'EBBS',
  language: 'Deutsch',
  venueAccessibility: 'Barrierefrei',
  capacity: 2,
  yellowBelowPercent: 20,
  admission: 'reihenfolge',
  startsAt: '2026-06-20T08:00:00.000Z',
  endsAt: '2026-06-20T10:00:00.000Z',
  registrationClosesAt: '2026-06-20T08:00:00.000Z',
};
const person = (email: string) => ({ name: email, email, organisation: '', accessibilityNeeds: '', dietaryNeeds: '', userId: null });

async function signUp(id: number, email: string, at = now) {
  const result = await db.transaction().execute((trx) => register(trx, id, person(email), at));
  if (result.kind !== 'registered') throw new Error(result.kind);
  return result;
}

/** The stored counter agrees with the registrations that occupy a seat, and never exceeds the capacity. */
async function expectConsistent(id: number) {
  const row = (await findEvent(db, id))!;
  const seats = (await participants(db, id)).filter((p) => ['held', 'confirmed', 'promoted', 'selected'].includes(p.status)).length;
  expect(row.seats_taken).toBe(seats);
  expect(seats).toBeLessThanOrEqual(row.capacity);
}

describe('event registrations in the database (ADR 0050)', () => {
  it('holds free seats, then fills the waitlist in order; one registration per e-mail', async () => {
    const id = await createEvent(db, event, null, now);
    const statuses = [];
    for (const email of ['a@x.de', 'b@x.de', 'c@x.de', 'd@x.de']) statuses.push((await signUp(id, email)).registration);
    expect(statuses.map((r) => [r.status, r.waitlist_position])).toEqual([
      ['held', null],
      ['held', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(await waitlistRank(db, statuses[3]!)).toBe(2);
    const again = await db.transaction().execute((trx) => register(trx, id, person('c@x.de'), now));
    expect(again.kind).toBe('duplicate');
    expect((await seatCountsFor(db, [id], now)).get(id)).toEqual({ confirmed: 0, held: 2, waitlisted: 2, applied: 0 });
    await expectConsistent(id);
  });

  it('confirms within 30 minutes; a cancellation promotes the first on the waitlist exactly once', async () => {
    const id = await createEvent(db, event, null, now);
    const a = await signUp(id, 'a@x.de');
    await signUp(id, 'b@x.de');
    const c = await signUp(id, 'c@x.de');
    const d = await signUp(id, 'd@x.de');
    const confirmed = await db
      .transaction()
      .execute((trx) => changeRegistration(trx, a.registration.token, 'registration.confirm', later(10)));
    expect(confirmed.kind === 'changed' && confirmed.row.status).toBe('confirmed');
    const cancelled = await db
      .transaction()
      .execute((trx) => changeRegistration(trx, a.registration.token, 'registration.cancel', later(20)));
    expect(cancelled.kind === 'changed' && cancelled.promoted.map((p) => [p.email, p.status])).toEqual([['c@x.de', 'promoted']]);
    const twice = await db.transaction().execute((trx) => changeRegistration(trx, a.registration.token, 'registration.cancel', later(21)));
    expect(twice.kind).toBe('refused');
    expect(await waitlistRank(db, (await participants(db, id)).find((p) => p.id === d.registration.id)!)).toBe(1);
    expect(c.registration.status).toBe('waitlisted');
    await expectConsistent(id);
  });

  it('expires an unconfirmed hold after 30 minutes and gives the seat to the waitlist', async () => {
    const id = await createEvent(db, event, null, now);
    const a = await signUp(id, 'a@x.de');
    await signUp(id, 'b@x.de', later(5));
    await signUp(id, 'c@x.de', later(6));
    expect(await expireAllDue(db, later(29))).toEqual([]);
    const swept = await expireAllDue(db, later(30));
    expect(swept.flatMap((s) => s.promoted.map((p) => p.email))).toEqual(['c@x.de']);
    const late = await db.transaction().execute((trx) => changeRegistration(trx, a.registration.token, 'registration.confirm', later(31)));
    expect(late.kind === 'refused' && late.row.status).toBe('expired');
    await expectConsistent(id);
  });

  it('refuses a capacity below the seats taken; a larger one promotes from the waitlist', async () => {
    const id = await createEvent(db, event, null, now);
    for (const email of ['a@x.de', 'b@x.de', 'c@x.de']) await signUp(id, email);
    const smaller = await db.transaction().execute((trx) => updateEvent(trx, id, { ...event, capacity: 1 }, now));
    expect(smaller).toEqual({ kind: 'capacity', seatsTaken: 2 });
    const larger = await db.transaction().execute((trx) => updateEvent(trx, id, { ...event, capacity: 5 }, now));
    expect(larger.kind === 'updated' && larger.promoted.map((p) => p.email)).toEqual(['c@x.de']);
    await expectConsistent(id);
  });

  it('cancelling the event cancels every open registration and takes no more', async () => {
    const id = await createEvent(db, event, null, now);
    for (const email of ['a@x.de', 'b@x.de', 'c@x.de']) await signUp(id, email);
    const told = await db.transaction().execute((trx) => cancelEvent(trx, id, 'Krankheit', now));
    expect(told.kind === 'cancelled' && told.told.map((r) => r.email).sort()).toEqual(['a@x.de', 'b@x.de', 'c@x.de']);
    // A second cancellation changes nothing and tells nobody again.
    expect(await db.transaction().execute((trx) => cancelEvent(trx, id, 'Nochmal', now))).toEqual({ kind: 'already' });
    expect(await db.transaction().execute((trx) => cancelEvent(trx, 999_999, 'Nochmal', now))).toEqual({ kind: 'missing' });
    const after = await db.transaction().execute((trx) => register(trx, id, person('e@x.de'), now));
    expect(after.kind).toBe('closed');
    await expectConsistent(id);
  });
});

describe('events with selection (issue 18 Nr. 9, ADR 0062)', () => {
  // Applications close on 10 June; the event is on 20 June.
  const selectionEvent: EventValues = { ...event, capacity: 2, admission: 'auswahl', registrationClosesAt: '2026-06-10T22:00:00.000Z' };
  const afterDeadline = new Date('2026-06-11T08:00:00.000Z');

  async function apply(id: number, email: string, at = now) {
    const result = await db
      .transaction()
      .execute((trx) => register(trx, id, { ...person(email), motivation: `Warum ${email} teilnehmen möchte.` }, at));
    if (result.kind !== 'registered') throw new Error(result.kind);
    return result.registration;
  }
  const decide = (id: number, decisions: Array<[number, 'ausgewaehlt' | 'nachrueckliste' | 'absage' | null]>, at = now) =>
    db.transaction().execute((trx) =>
      saveSelectionDecisions(
        trx,
        id,
        decisions.map(([rid, decision]) => ({ id: rid, decision })),
        at,
      ),
    );
  const complete = (id: number, at = afterDeadline) => db.transaction().execute((trx) => completeSelection(trx, id, at));

  it('an application takes no seat and keeps its motivation; more applications than seats are fine', async () => {
    const id = await createEvent(db, selectionEvent, null, now);
    const rows = [];
    for (const email of ['a@x.de', 'b@x.de', 'c@x.de']) rows.push(await apply(id, email));
    expect(rows.map((r) => [r.status, r.pending_until, r.waitlist_position])).toEqual([
      ['applied', null, null],
      ['applied', null, null],
      ['applied', null, null],
    ]);
    expect(rows[0]!.motivation).toBe('Warum a@x.de teilnehmen möchte.');
    expect((await findEvent(db, id))!.seats_taken).toBe(0);
    expect((await seatCountsFor(db, [id], now)).get(id)).toEqual({ confirmed: 0, held: 0, waitlisted: 0, applied: 3 });
    const again = await db.transaction().execute((trx) => register(trx, id, { ...person('a@x.de'), motivation: 'noch einmal' }, now));
    expect(again.kind).toBe('duplicate');
    // After the deadline nobody applies any more.
    const late = await db.transaction().execute((trx) => register(trx, id, { ...person('z@x.de'), motivation: 'zu spät' }, afterDeadline));
    expect(late.kind).toBe('closed');
  });

  it('completes once: selected get a seat to confirm, the reserve list positions in order of application, the rest a refusal', async () => {
    const id = await createEvent(db, selectionEvent, null, now);
    const [a, b, c, d, e] = [
      await apply(id, 'a@x.de', later(1)),
      await apply(id, 'b@x.de', later(2)),
      await apply(id, 'c@x.de', later(3)),
      await apply(id, 'd@x.de', later(4)),
      await apply(id, 'e@x.de', later(5)),
    ];
    await decide(id, [
      [a!.id, 'nachrueckliste'],
      [b!.id, 'ausgewaehlt'],
      [c!.id, 'absage'],
      [d!.id, 'ausgewaehlt'],
      [e!.id, 'nachrueckliste'],
    ]);
    const result = await complete(id);
    if (result.kind !== 'completed') throw new Error(result.kind);
    expect(result.selected.map((r) => r.email)).toEqual(['b@x.de', 'd@x.de']);
    expect(result.reserve.map((r) => [r.email, r.waitlist_position])).toEqual([
      ['a@x.de', 1],
      ['e@x.de', 2],
    ]);
    expect(result.declined.map((r) => [r.email, r.status])).toEqual([['c@x.de', 'declined']]);
    // A selected person has 48 hours to confirm (the event is further away than that).
    expect(result.selected[0]!.status).toBe('selected');
    expect(result.selected[0]!.pending_until).toBe('2026-06-13T08:00:00.000Z');
    expect((await findEvent(db, id))!.selection_completed_at).toBe(afterDeadline.toISOString());
    await expectConsistent(id);
    expect((await complete(id)).kind).toBe('already');
    // Decisions no longer change anything.
    expect((await decide(id, [[a!.id, 'ausgewaehlt']], afterDeadline)).kind).toBe('done');
  });

  it('a selected person who declines or lets the deadline pass frees the seat for the first on the reserve list', async () => {
    const id = await createEvent(db, { ...selectionEvent, capacity: 1 }, null, now);
    const a = await apply(id, 'a@x.de', later(1));
    const b = await apply(id, 'b@x.de', later(2));
    const c = await apply(id, 'c@x.de', later(3));
    await decide(id, [
      [a.id, 'ausgewaehlt'],
      [b.id, 'nachrueckliste'],
      [c.id, 'nachrueckliste'],
    ]);
    expect((await complete(id)).kind).toBe('completed');
    const declined = await db.transaction().execute((trx) => changeRegistration(trx, a.token, 'registration.cancel', afterDeadline));
    if (declined.kind !== 'changed') throw new Error(declined.kind);
    expect(declined.promoted.map((r) => [r.email, r.status])).toEqual([['b@x.de', 'promoted']]);
    // b does not confirm within 48 hours: c is asked.
    const swept = await expireAllDue(db, new Date(afterDeadline.getTime() + 49 * 3_600_000));
    expect(swept.flatMap((s) => s.promoted.map((r) => r.email))).toEqual(['c@x.de']);
    await expectConsistent(id);
  });

  it('refuses to complete before the deadline, with an undecided application, with too many selected, or a reserve list beside free seats', async () => {
    const id = await createEvent(db, selectionEvent, null, now);
    const a = await apply(id, 'a@x.de');
    const b = await apply(id, 'b@x.de');
    const c = await apply(id, 'c@x.de');
    const refusal = async (at = afterDeadline) => {
      const result = await complete(id, at);
      return result.kind === 'refused' ? result.message : result.kind;
    };
    expect(await refusal(now)).toMatch(/Bewerbungsfrist läuft noch bis 11\.06\.2026, 00:00 Uhr/);
    await decide(id, [
      [a.id, 'ausgewaehlt'],
      [b.id, 'ausgewaehlt'],
    ]);
    expect(await refusal()).toMatch(/Über 1 Bewerbung ist noch nicht entschieden/);
    await decide(id, [[c.id, 'ausgewaehlt']]);
    expect(await refusal()).toMatch(/3 Bewerbungen ausgewählt, es gibt aber nur 2 Plätze/);
    await decide(id, [
      [b.id, 'nachrueckliste'],
      [c.id, 'nachrueckliste'],
    ]);
    expect(await refusal()).toMatch(/noch 1 Platz frei/);
    // Nothing was changed by the refusals: everyone still waits for the decision.
    expect((await applicationsOf(db, id)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await decide(id, [[b.id, 'ausgewaehlt']]);
    expect(await refusal()).toBe('completed');
  });

  it('two organisers completing at the same moment: exactly one completes, every applicant is decided once', async () => {
    const id = await createEvent(db, selectionEvent, null, now);
    const rows = [];
    for (const email of ['a@x.de', 'b@x.de', 'c@x.de', 'd@x.de']) rows.push(await apply(id, email));
    await decide(id, [
      [rows[0]!.id, 'ausgewaehlt'],
      [rows[1]!.id, 'ausgewaehlt'],
      [rows[2]!.id, 'nachrueckliste'],
      [rows[3]!.id, 'absage'],
    ]);
    const results = await Promise.all(Array.from({ length: 6 }, () => complete(id)));
    expect(results.map((r) => r.kind).sort()).toEqual(['already', 'already', 'already', 'already', 'already', 'completed']);
    expect((await participants(db, id)).map((r) => r.status).sort()).toEqual(['declined', 'selected', 'selected', 'waitlisted']);
    expect((await findEvent(db, id))!).toMatchObject({ seats_taken: 2, waitlist_last: 1 });
  });

  it('an applicant may withdraw before the selection; the way seats are given cannot change once someone applied', async () => {
    const id = await createEvent(db, selectionEvent, null, now);
    const a = await apply(id, 'a@x.de');
    const withdrawn = await db.transaction().execute((trx) => changeRegistration(trx, a.token, 'registration.cancel', later(5)));
    expect(withdrawn.kind === 'changed' && withdrawn.row.status).toBe('cancelled');
    // A confirmation makes no sense for an application.
    const b = await apply(id, 'b@x.de');
    const confirm = await db.transaction().execute((trx) => changeRegistration(trx, b.token, 'registration.confirm', later(5)));
    expect(confirm.kind).toBe('refused');
    const changed = await db
      .transaction()
      .execute((trx) => updateEvent(trx, id, { ...selectionEvent, admission: 'reihenfolge' }, later(6)));
    expect(changed.kind).toBe('admission');
    const empty = await createEvent(db, event, null, now);
    const switched = await db.transaction().execute((trx) => updateEvent(trx, empty, { ...event, admission: 'auswahl' }, later(6)));
    expect(switched.kind).toBe('updated');
  });
});

describe('privacy (issue 18 Nr. 7)', () => {
  it('deletes the registrations 90 days after the end of the event, not before, and keeps anonymous counts', async () => {
    const id = await createEvent(db, { ...event, capacity: 1 }, null, now);
    const a = await signUp(id, 'a@x.de');
    await db.transaction().execute((trx) => changeRegistration(trx, a.registration.token, 'registration.confirm', later(1)));
    await signUp(id, 'b@x.de');
    await db.transaction().execute((trx) => recordAttendance(trx, id, [a.registration.id], new Date(event.startsAt)));
    const end = Date.parse(event.endsAt);
    expect(await deleteOldRegistrations(db, new Date(end + 89 * 86_400_000))).toBe(0);
    expect(await deleteOldRegistrations(db, new Date(end + 91 * 86_400_000))).toBe(2);
    expect(await participants(db, id)).toEqual([]);
    const row = (await findEvent(db, id))!;
    expect(row.personal_data_deleted_at).not.toBeNull();
    expect(await eventStatistics(db, row)).toEqual({ registered: 2, confirmed: 1, attended: 1, waitlisted: 1 });
    // A second run (or a second instance) counts nothing twice.
    expect(await deleteOldRegistrations(db, new Date(end + 92 * 86_400_000))).toBe(0);
    expect(await eventStatistics(db, (await findEvent(db, id))!)).toEqual({ registered: 2, confirmed: 1, attended: 1, waitlisted: 1 });
  });

  it('takes the configured number of days', async () => {
    const id = await createEvent(db, event, null, now);
    await signUp(id, 'a@x.de');
    const end = Date.parse(event.endsAt);
    expect(await deleteOldRegistrations(db, new Date(end + 8 * 86_400_000), 7)).toBe(1);
  });

  it('two runs at the same moment delete and count once', async () => {
    const id = await createEvent(db, event, null, now);
    await signUp(id, 'a@x.de');
    await signUp(id, 'b@x.de');
    const at = new Date(Date.parse(event.endsAt) + 91 * 86_400_000);
    const [x, y] = await Promise.all([deleteOldRegistrations(db, at), deleteOldRegistrations(db, at)]);
    expect(x + y).toBe(2);
    expect((await eventStatistics(db, (await findEvent(db, id))!)).registered).toBe(2);
  });
});

describe('organisers: messages and attendance (issue 18 Nr. 5)', () => {
  it('messages go to the confirmed participants, optionally also to the waitlist', async () => {
    const id = await createEvent(db, { ...event, capacity: 2 }, null, now);
    const a = await signUp(id, 'a@x.de');
    await db.transaction().execute((trx) => changeRegistration(trx, a.registration.token, 'registration.confirm', later(1)));
    await signUp(id, 'held@x.de');
    await signUp(id, 'wait@x.de');
    expect((await messageRecipients(db, id, 'confirmed')).map((r) => r.email)).toEqual(['a@x.de']);
    expect((await messageRecipients(db, id, 'confirmedAndWaitlist')).map((r) => r.email).sort()).toEqual(['a@x.de', 'wait@x.de']);
  });

  it('attendance only from the start, only for confirmed participants of this event', async () => {
    const id = await createEvent(db, event, null, now);
    const other = await createEvent(db, event, null, now);
    const a = await signUp(id, 'a@x.de');
    const b = await signUp(id, 'b@x.de');
    const c = await signUp(other, 'c@x.de');
    for (const r of [a, b, c])
      await db.transaction().execute((trx) => changeRegistration(trx, r.registration.token, 'registration.confirm', later(1)));
    const early = await db.transaction().execute((trx) => recordAttendance(trx, id, [a.registration.id], later(2)));
    expect(early).toEqual({ kind: 'early' });
    const saved = await db
      .transaction()
      .execute((trx) => recordAttendance(trx, id, [a.registration.id, c.registration.id], new Date(event.startsAt)));
    expect(saved).toEqual({ kind: 'saved', present: 1, absent: 1 });
    const rows = await participants(db, id);
    expect(Object.fromEntries(rows.map((r) => [r.email, r.attendance]))).toEqual({ 'a@x.de': 'present', 'b@x.de': 'absent' });
    expect((await participants(db, other))[0]?.attendance).toBeNull();
  });
});

describe('online events: the access link on the morning of the event (issue 18 Nr. 8)', () => {
  // 20.06.2026 10:00 in Saxony (summer time, UTC+2).
  const online: EventValues = {
    ...event,
    format: 'online',
    venue: null,
    address: null,
    landkreis: null,
    onlineLink: 'https://konferenz.example/raum',
    technicalRequirements: 'Headset',
  };

  it('sends once per confirmed participant from 07:00 on the day, even when two instances run at the same moment', async () => {
    const id = await createEvent(db, online, null, now);
    const a = await signUp(id, 'a@x.de');
    const b = await signUp(id, 'b@x.de');
    await signUp(id, 'held@x.de');
    for (const r of [a, b])
      await db.transaction().execute((trx) => changeRegistration(trx, r.registration.token, 'registration.confirm', later(1)));
    const sent: string[] = [];
    const send = async (_trx: unknown, _e: unknown, r: { email: string }) => {
      sent.push(r.email);
    };
    // 06:59 local: too early; the evening before: too early.
    expect(await resendAccessLinks(db, new Date('2026-06-20T04:59:00.000Z'), send)).toBe(0);
    expect(await resendAccessLinks(db, new Date('2026-06-19T18:00:00.000Z'), send)).toBe(0);
    const morning = new Date('2026-06-20T05:00:00.000Z');
    const [x, y] = await Promise.all([resendAccessLinks(db, morning, send), resendAccessLinks(db, morning, send)]);
    expect(x + y).toBe(2);
    expect(await resendAccessLinks(db, new Date('2026-06-20T05:01:00.000Z'), send)).toBe(0);
    expect(sent.sort()).toEqual(['a@x.de', 'b@x.de']);
  });

  it('never for an event in person or after the start', async () => {
    const id = await createEvent(db, event, null, now);
    const a = await signUp(id, 'a@x.de');
    await db.transaction().execute((trx) => changeRegistration(trx, a.registration.token, 'registration.confirm', later(1)));
    const late = await createEvent(db, online, null, now);
    const b = await signUp(late, 'b@x.de');
    await db.transaction().execute((trx) => changeRegistration(trx, b.registration.token, 'registration.confirm', later(1)));
    const send = async () => {};
    expect(await resendAccessLinks(db, new Date('2026-06-20T08:00:00.000Z'), send)).toBe(0);
    expect(await resendAccessLinks(db, new Date('2026-06-20T06:00:00.000Z'), send)).toBe(1);
  });
});

describe('concurrent writers (ADR 0050; on PostgreSQL with a pool of connections, truly in parallel)', () => {
  it('60 simultaneous registrations for 5 seats: 5 seats, 55 consecutive waitlist positions; two simultaneous cancellations promote two, once each', async () => {
    const id = await createEvent(db, { ...event, capacity: 5 }, null, now);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => db.transaction().execute((trx) => register(trx, id, person(`p${i}@x.de`), now))),
    );
    expect(results.every((r) => r.kind === 'registered')).toBe(true);
    const rows = await participants(db, id);
    expect(rows.filter((r) => r.status === 'held')).toHaveLength(5);
    expect(
      rows
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.waitlist_position)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 55 }, (_, i) => i + 1));
    const [a, b] = rows.filter((r) => r.status === 'held');
    await Promise.all(
      [a!, b!].map((r) => db.transaction().execute((trx) => changeRegistration(trx, r.token, 'registration.cancel', later(1)))),
    );
    const after = await participants(db, id);
    expect(
      after
        .filter((r) => r.status === 'promoted')
        .map((r) => r.waitlist_position)
        .sort(),
    ).toEqual([1, 2]);
    await expectConsistent(id);
  });
});
