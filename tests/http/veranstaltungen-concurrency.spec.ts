import { expect, test } from '@playwright/test';
import { closeApplications, createTestEvent, eventSeatState, mailCount } from '../support/e2e-database';
import { clientFor } from '../support/http';

/**
 * Issue 18, the core: seats are never overbooked. 200 people register at the same moment for an
 * event with 20 seats, through HTTP against the running server. Exactly 20 hold a seat, 180 wait
 * with distinct consecutive positions, nobody is registered twice, no answer is a 5xx; then two
 * cancellations at the same moment promote exactly the first two on the waitlist, once each.
 * Checks outcomes, never timings. Runs on SQLite and on the PostgreSQL pair (two instances).
 */
const people = 200;
const seats = 20;

test('200 simultaneous registrations for 20 seats: 20 seats, 180 on the waitlist in order, none twice', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const eventId = await createTestEvent({
    capacity: seats,
    format: 'praesenz',
    venue: 'Saal',
    address: 'Am Markt 1, 01067 Dresden',
    landkreis: 'Dresden',
    onlineLink: null,
  });
  const client = await clientFor(baseURL!, 'anonymous');
  const emails = Array.from({ length: people }, (_, i) => `ansturm-${eventId}-${i}@test.example`);
  // Everyone twice: a double click must not give anyone a second registration.
  const sent = [...emails, ...emails.slice(0, 20)];
  const responses = await Promise.all(
    sent.map((email, i) => client.post(`/veranstaltungen/${eventId}`, { name: `Person ${i}`, email, privacyConsent: 'on' })),
  );
  const statuses = responses.map((r) => r.status());
  expect(
    statuses.filter((s) => s >= 500),
    'no server errors',
  ).toEqual([]);
  // Whichever of a person's requests came first was accepted, the other refused with a message.
  const accepted = new Map<string, number>();
  sent.forEach((email, i) => accepted.set(email, (accepted.get(email) ?? 0) + (statuses[i] === 302 ? 1 : 0)));
  expect(
    [...accepted.values()].every((n) => n === 1),
    'exactly one accepted registration per person',
  ).toBe(true);
  expect(statuses.filter((s) => s === 409)).toHaveLength(20);

  const waitlistShown = responses
    .filter((r) => r.status() === 302)
    .map((r) => /[?&]warteliste=(\d+)/.exec(r.headers().location ?? '')?.[1])
    .filter((p): p is string => p !== undefined)
    .map(Number);
  const state = await eventSeatState(eventId);
  const held = state.registrations.filter((r) => r.status === 'held');
  const waiting = state.registrations.filter((r) => r.status === 'waitlisted');
  expect(state.registrations).toHaveLength(people);
  expect(new Set(state.registrations.map((r) => r.email)).size).toBe(people);
  expect(held).toHaveLength(seats);
  expect(state.seatsTaken).toBe(seats);
  expect(waiting).toHaveLength(people - seats);
  const positions = waiting.map((r) => r.waitlist_position!).sort((a, b) => a - b);
  expect(positions).toEqual(Array.from({ length: people - seats }, (_, i) => i + 1));
  // What each person was told is their stored place: the answers are the same set of positions.
  expect([...waitlistShown].sort((a, b) => a - b)).toEqual(positions);

  // Two seat holders cancel at the same moment: the first two on the waitlist move up, once each.
  const [a, b] = held;
  const cancelled = await Promise.all([a!, b!].map((r) => client.post(`/veranstaltungen/anmeldung/${r.token}`, { intent: 'cancel' })));
  expect(cancelled.map((r) => r.status())).toEqual([302, 302]);
  const after = await eventSeatState(eventId);
  const promoted = after.registrations
    .filter((r) => r.status === 'promoted')
    .map((r) => r.waitlist_position)
    .sort();
  expect(promoted).toEqual([1, 2]);
  expect(after.registrations.filter((r) => ['held', 'confirmed', 'promoted'].includes(r.status))).toHaveLength(seats);
  expect(after.seatsTaken).toBe(seats);
  await client.dispose();
});

test('two organisers cancel the same event at once: one cancels, the other is told so; each participant gets one notice', async ({
  baseURL,
}) => {
  const eventId = await createTestEvent({ capacity: 5 });
  const anonymous = await clientFor(baseURL!, 'anonymous');
  const emails = [0, 1, 2].map((i) => `absage-${eventId}-${i}@test.example`);
  for (const [i, email] of emails.entries())
    expect((await anonymous.post(`/veranstaltungen/${eventId}`, { name: `Person ${i}`, email, privacyConsent: 'on' })).status()).toBe(302);
  const organisers = await Promise.all([clientFor(baseURL!, 'beratung'), clientFor(baseURL!, 'beratung')]);
  const path = `/veranstaltungen/verwalten/${eventId}`;
  // A reason too short once its spaces are gone: refused, and shown again exactly as typed.
  const tooShort = await organisers[0]!.post(path, { intent: 'cancelEvent', reason: '  Nö  ' });
  expect(tooShort.status()).toBe(400);
  expect(await tooShort.text()).toMatch(/<textarea[^>]*name="reason"[^>]*> {2}Nö {2}<\/textarea>/);
  const answers = await Promise.all(
    organisers.map((c, i) => c.post(path, { intent: 'cancelEvent', reason: `Die Referentin ist erkrankt (${i}).` })),
  );
  expect(answers.map((r) => r.status()).sort()).toEqual([302, 409]);
  const refused = await answers.find((r) => r.status() === 409)!.text();
  expect(refused).toMatch(/role="alert"[^>]*>\s*<p>Diese Veranstaltung ist bereits abgesagt/);
  const state = await eventSeatState(eventId);
  expect(state.registrations.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  expect(await Promise.all(emails.map((e) => mailCount(e, 'Abgesagt')))).toEqual([1, 1, 1]);
  // Later, from a page still open in another tab: the same message, nothing sent again.
  const late = await organisers[0]!.post(path, {
    intent: 'message',
    subject: 'Hinweis',
    body: 'Bitte beachten Sie die Absage.',
    audience: 'confirmed',
  });
  expect(late.status()).toBe(409);
  expect(await late.text()).toContain('bereits abgesagt');
  await Promise.all([anonymous, ...organisers].map((c) => c.dispose()));
});

test('an event with selection: 50 simultaneous applications take no seat; four organisers complete at once, one does, everyone is told once', async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const eventId = await createTestEvent({
    capacity: 5,
    admission: 'auswahl',
    registrationClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  const anonymous = await clientFor(baseURL!, 'anonymous');
  const emails = Array.from({ length: 50 }, (_, i) => `bewerbung-${eventId}-${i}@test.example`);
  const applied = await Promise.all(
    emails.map((email, i) =>
      anonymous.post(`/veranstaltungen/${eventId}`, { name: `Person ${i}`, email, privacyConsent: 'on', motivation: `Begründung ${i}` }),
    ),
  );
  expect(applied.map((r) => r.status()).filter((s) => s !== 302)).toEqual([]);
  let state = await eventSeatState(eventId);
  expect(state.registrations.map((r) => r.status)).toEqual(emails.map(() => 'applied'));
  expect(state.seatsTaken).toBe(0);

  await closeApplications(eventId);
  // In order of application: 5 selected, 10 on the reserve list, the rest declined.
  const decisions = Object.fromEntries(
    state.registrations.map((r, i) => [`entscheidung-${r.id}`, i < 5 ? 'ausgewaehlt' : i < 15 ? 'nachrueckliste' : 'absage']),
  );
  const organisers = await Promise.all([
    clientFor(baseURL!, 'beratung'),
    clientFor(baseURL!, 'beratung'),
    clientFor(baseURL!, 'ministerium'),
    clientFor(baseURL!, 'ministerium'),
  ]);
  const path = `/veranstaltungen/verwalten/${eventId}/auswahl`;
  const answers = await Promise.all(organisers.map((c) => c.post(path, { ...decisions, intent: 'complete' })));
  expect(answers.map((r) => r.status()).sort()).toEqual([302, 409, 409, 409]);
  expect(await answers.find((r) => r.status() === 409)!.text()).toContain('Die Auswahl ist bereits abgeschlossen');

  state = await eventSeatState(eventId);
  const byStatus = (status: string) => state.registrations.filter((r) => r.status === status);
  expect(byStatus('selected')).toHaveLength(5);
  expect(state.seatsTaken).toBe(5);
  // Distinct consecutive positions (their order follows the time of application, tested in tests/integration/events-db.test.ts).
  expect(
    byStatus('waitlisted')
      .map((r) => r.waitlist_position!)
      .sort((a, b) => a - b),
  ).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  expect(byStatus('declined')).toHaveLength(35);
  const told = await Promise.all(
    state.registrations.map(async (r) =>
      [
        await mailCount(r.email, 'Sie sind ausgewählt'),
        await mailCount(r.email, 'Sie stehen auf der Nachrückliste'),
        await mailCount(r.email, 'Ergebnis der Auswahl'),
      ].reduce((a, b) => a + b, 0),
    ),
  );
  expect(told).toEqual(emails.map(() => 1));
  await Promise.all([anonymous, ...organisers].map((c) => c.dispose()));
});
