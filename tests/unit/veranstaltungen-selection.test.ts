import { describe, expect, it } from 'vitest';
import { eventFormSchema } from '../../machines/veranstaltungen/event';
import { nextRegistration, startRegistration } from '../../machines/veranstaltungen/registration';
import {
  applicationFormSchema,
  countDecisions,
  selectionEarly,
  selectionLight,
  selectionPhase,
  selectionProblem,
} from '../../machines/veranstaltungen/selection';

// Issue 18 Nr. 9: events with selection (ADR 0062).

const at = '2026-06-11T08:00:00.000Z';
const startsAt = '2026-06-20T08:00:00.000Z';

describe('an application in the registration chart', () => {
  it('starts as an application without a seat or deadline, whatever seats are free', () => {
    expect(startRegistration({ seatAvailable: true, at, selection: true })).toEqual({ status: 'applied', pendingUntil: null });
    expect(startRegistration({ seatAvailable: false, at, selection: true })).toEqual({ status: 'applied', pendingUntil: null });
    // Without selection nothing changes: a free seat is held.
    expect(startRegistration({ seatAvailable: true, at }).status).toBe('held');
  });

  it('is selected (a seat to confirm within 48 hours), put on the reserve list, declined or withdrawn', () => {
    const applied = { status: 'applied', pendingUntil: null } as const;
    expect(nextRegistration(applied, { type: 'registration.select', at, startsAt })).toEqual({
      status: 'selected',
      pendingUntil: '2026-06-13T08:00:00.000Z',
    });
    expect(nextRegistration(applied, { type: 'registration.reserve', at })).toEqual({ status: 'waitlisted', pendingUntil: null });
    expect(nextRegistration(applied, { type: 'registration.decline', at })).toEqual({ status: 'declined', pendingUntil: null });
    expect(nextRegistration(applied, { type: 'registration.cancel', at })?.status).toBe('cancelled');
    // An application is not confirmed by its applicant, nor promoted from a waitlist.
    expect(nextRegistration(applied, { type: 'registration.confirm', at })).toBeNull();
    expect(nextRegistration(applied, { type: 'registration.promote', at, startsAt })).toBeNull();
  });

  it('a selected person confirms before the deadline; after it the seat expires; a refusal is final', () => {
    const selected = { status: 'selected', pendingUntil: '2026-06-13T08:00:00.000Z' } as const;
    expect(nextRegistration(selected, { type: 'registration.confirm', at })?.status).toBe('confirmed');
    expect(nextRegistration(selected, { type: 'registration.confirm', at: '2026-06-13T08:00:00.000Z' })).toBeNull();
    expect(nextRegistration(selected, { type: 'registration.expire', at: '2026-06-13T08:00:00.000Z' })?.status).toBe('expired');
    expect(nextRegistration({ status: 'declined', pendingUntil: null }, { type: 'registration.select', at, startsAt })).toBeNull();
    // Only applications are decided on: a waiting person cannot be "selected" past the queue.
    expect(nextRegistration({ status: 'waitlisted', pendingUntil: null }, { type: 'registration.select', at, startsAt })).toBeNull();
  });
});

describe('phase and light', () => {
  const closes = '2026-06-10T22:00:00.000Z';
  it('applications run until the deadline, then the organisers choose, then it is done', () => {
    expect(selectionPhase({ applicationsCloseAt: closes, selectionCompletedAt: null }, '2026-06-10T21:59:59.000Z')).toBe('bewerbung');
    expect(selectionPhase({ applicationsCloseAt: closes, selectionCompletedAt: null }, closes)).toBe('auswahl');
    expect(selectionPhase({ applicationsCloseAt: closes, selectionCompletedAt: at }, '2026-06-01T00:00:00.000Z')).toBe('abgeschlossen');
  });

  it('says so in words, with the seats and the deadline in de-DE', () => {
    expect(selectionLight('bewerbung', 12, closes)).toEqual({
      level: 'bewerbung',
      label: 'Bewerbung läuft',
      detail: '12 Plätze, vergeben nach Auswahl. Bewerbungen bis 11.06.2026, 00:00 Uhr.',
    });
    expect(selectionLight('abgeschlossen', 1, closes).label).toBe('Auswahl abgeschlossen');
    expect(selectionLight('auswahl', 1, closes).detail).toMatch(/^1 Platz\. /);
  });
});

describe('completing the selection', () => {
  const counts = (ausgewaehlt: number, nachrueckliste: number, absage: number, offen: number) => ({
    ausgewaehlt,
    nachrueckliste,
    absage,
    offen,
  });
  it('counts the decisions, open ones included', () => {
    expect(countDecisions(['ausgewaehlt', null, 'absage', 'ausgewaehlt', null])).toEqual(counts(2, 0, 1, 2));
  });

  it('needs a decision on every application, at most as many selected as seats, no reserve list beside free seats', () => {
    expect(selectionProblem(counts(0, 0, 0, 0), 5)).toMatch(/keine Bewerbungen/);
    expect(selectionProblem(counts(3, 0, 0, 2), 5)).toMatch(/^Über 2 Bewerbungen ist noch nicht entschieden/);
    expect(selectionProblem(counts(6, 0, 1, 0), 5)).toBe(
      'Sie haben 6 Bewerbungen ausgewählt, es gibt aber nur 5 Plätze. Bitte setzen Sie 1 auf die Nachrückliste oder sagen Sie ab.',
    );
    expect(selectionProblem(counts(3, 1, 0, 0), 5)).toMatch(/^Es sind noch 2 Plätze frei/);
    expect(selectionProblem(counts(4, 1, 0, 0), 5)).toMatch(/^Es ist noch 1 Platz frei/);
    // Fewer applicants than seats, nobody on the reserve list: fine; so is a full selection with reserve and refusals.
    expect(selectionProblem(counts(3, 0, 0, 0), 5)).toBeNull();
    expect(selectionProblem(counts(5, 2, 7, 0), 5)).toBeNull();
  });

  it('not before the application deadline', () => {
    expect(selectionEarly('2026-06-10T22:00:00.000Z', '2026-06-10T21:00:00.000Z')).toMatch(/läuft noch bis 11\.06\.2026, 00:00 Uhr/);
    expect(selectionEarly('2026-06-10T22:00:00.000Z', '2026-06-10T22:00:00.000Z')).toBeNull();
  });
});

describe('forms', () => {
  it('an application needs a motivation of at most 1.500 characters', () => {
    const base = { name: 'Eva Berg', email: 'eva@example.de', privacyConsent: 'on' };
    expect(applicationFormSchema.safeParse(base).error?.issues.map((i) => i.message)).toEqual([
      'Bitte schreiben Sie kurz, warum Sie teilnehmen möchten; danach wählen die Veranstalter aus.',
    ]);
    expect(applicationFormSchema.safeParse({ ...base, motivation: 'x'.repeat(1501) }).success).toBe(false);
    expect(applicationFormSchema.parse({ ...base, motivation: ' Wir planen einen Bürgerrat. ' }).motivation).toBe(
      'Wir planen einen Bürgerrat.',
    );
  });

  it('an event with selection needs an application deadline; without selection it stays optional', () => {
    const base = {
      title: 'Pilotphase',
      description: 'Werkstatt',
      topic: 'methoden',
      audience: 'Kommunen',
      format: 'online',
      onlineLink: 'https://meet.example/abc',
      date: '20.06.2026',
      startTime: '10:00',
      endTime: '12:00',
      organiser: 'EBBS',
      language: 'Deutsch',
      capacity: '4',
    };
    expect(eventFormSchema.safeParse({ ...base, admission: 'auswahl' }).error?.issues.map((i) => i.path[0])).toEqual([
      'registrationDeadline',
    ]);
    expect(eventFormSchema.parse({ ...base, admission: 'auswahl', registrationDeadline: '10.06.2026' }).admission).toBe('auswahl');
    expect(eventFormSchema.parse(base).admission).toBe('reihenfolge');
  });
});
