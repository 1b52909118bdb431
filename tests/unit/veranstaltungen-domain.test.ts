import { describe, expect, it } from 'vitest';
import {
  capacityError,
  eventFormSchema,
  eventTimes,
  registrationClosedReason,
  registrationFormSchema,
} from '../../machines/veranstaltungen/event';
import {
  nextRegistration,
  offerDeadline,
  releasesSeat,
  startRegistration,
  type RegistrationState,
} from '../../machines/veranstaltungen/registration';
import { seatLevel, seatLight } from '../../machines/veranstaltungen/seats';
import { berlinMonth, berlinToUtc, berlinWallClock, formatEventTime } from '../../machines/veranstaltungen/time';

describe('seat traffic light (issue 18 Nr. 2)', () => {
  it('is green while at least the threshold share of seats is free, yellow below it, red when full', () => {
    expect(seatLevel({ capacity: 20, confirmed: 10, held: 0 })).toBe('gruen');
    // 4 of 20 free is exactly 20 %: not below the threshold, still green.
    expect(seatLevel({ capacity: 20, confirmed: 16, held: 0 })).toBe('gruen');
    expect(seatLevel({ capacity: 20, confirmed: 16, held: 1 })).toBe('gelb');
    expect(seatLevel({ capacity: 20, confirmed: 19, held: 0 })).toBe('gelb');
    expect(seatLevel({ capacity: 20, confirmed: 19, held: 1 })).toBe('rot');
  });

  it('counts held seats as taken and never shows negative free seats', () => {
    expect(seatLight({ capacity: 5, confirmed: 3, held: 4 })).toMatchObject({ level: 'rot', free: 0 });
  });

  it('uses the threshold the organiser set', () => {
    const counts = { capacity: 10, confirmed: 6, held: 0 };
    expect(seatLevel(counts, 20)).toBe('gruen');
    expect(seatLevel(counts, 50)).toBe('gelb');
    // 40 % free, threshold 40 %: not below.
    expect(seatLevel(counts, 40)).toBe('gruen');
    expect(seatLevel(counts, 41)).toBe('gelb');
  });

  it('never relies on colour alone: every level has its own text', () => {
    expect(seatLight({ capacity: 20, confirmed: 0, held: 0 })).toMatchObject({
      label: 'Plätze frei',
      detail: 'Noch 20 Plätze von 20 frei.',
    });
    expect(seatLight({ capacity: 20, confirmed: 19, held: 0 })).toMatchObject({
      label: 'Nur noch wenige Plätze',
      detail: 'Noch 1 Platz von 20 frei.',
    });
    expect(seatLight({ capacity: 20, confirmed: 20, held: 0 }).label).toBe('Ausgebucht – Warteliste offen');
  });
});

describe('times in Saxony across the change of summer time', () => {
  it('reads winter and summer times with their own offsets', () => {
    expect(berlinToUtc('2026-01-15', '10:00')).toEqual({ ok: true, iso: '2026-01-15T09:00:00.000Z' });
    expect(berlinToUtc('2026-07-15', '10:00')).toEqual({ ok: true, iso: '2026-07-15T08:00:00.000Z' });
  });

  it('on the day of the change to summer time (29.03.2026) refuses 02:30 and knows 01:59 and 03:00', () => {
    expect(berlinToUtc('2026-03-29', '01:59')).toEqual({ ok: true, iso: '2026-03-29T00:59:00.000Z' });
    expect(berlinToUtc('2026-03-29', '02:30')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(berlinToUtc('2026-03-29', '03:00')).toEqual({ ok: true, iso: '2026-03-29T01:00:00.000Z' });
  });

  it('on the day of the change back (25.10.2026) reads the doubled 02:30 as the first (summer time)', () => {
    expect(berlinToUtc('2026-10-25', '02:30')).toEqual({ ok: true, iso: '2026-10-25T00:30:00.000Z' });
    expect(berlinToUtc('2026-10-25', '03:30')).toEqual({ ok: true, iso: '2026-10-25T02:30:00.000Z' });
    expect(berlinWallClock('2026-10-25T01:30:00.000Z')).toEqual({ date: '2026-10-25', time: '02:30' });
  });

  it('an event over the night of the change lasts an hour more or less than the clock suggests', () => {
    const times = eventTimes({ date: '2026-10-24', startTime: '20:00', endTime: '23:00', registrationDeadline: undefined });
    expect(times.ok).toBe(true);
    const spring = eventTimes({ date: '2026-03-29', startTime: '01:00', endTime: '04:00', registrationDeadline: undefined });
    expect(spring.ok && (Date.parse(spring.times.endsAt) - Date.parse(spring.times.startsAt)) / 3_600_000).toBe(2);
    const autumn = eventTimes({ date: '2026-10-25', startTime: '01:00', endTime: '04:00', registrationDeadline: undefined });
    expect(autumn.ok && (Date.parse(autumn.times.endsAt) - Date.parse(autumn.times.startsAt)) / 3_600_000).toBe(4);
  });

  it('shows the month and the time as people in Saxony see them', () => {
    // 31.03. 23:30 UTC is already 1 April in Saxony.
    expect(berlinMonth('2026-03-31T22:30:00.000Z')).toBe('2026-04');
    expect(formatEventTime('2026-03-29T08:00:00.000Z', '2026-03-29T10:30:00.000Z')).toBe('Sonntag, 29. März 2026, 10:00–12:30 Uhr');
    expect(formatEventTime('2026-03-28T09:00:00.000Z', '2026-03-28T11:30:00.000Z')).toBe('Samstag, 28. März 2026, 10:00–12:30 Uhr');
  });

  it('refuses a skipped start time with a German message, an end before the start, and a deadline after the day', () => {
    const skipped = eventTimes({ date: '2026-03-29', startTime: '02:15', endTime: '04:00', registrationDeadline: undefined });
    expect(skipped.ok ? null : skipped.errors.startTime).toMatch(/Sommerzeit/);
    const backwards = eventTimes({ date: '2026-05-05', startTime: '14:00', endTime: '13:00', registrationDeadline: undefined });
    expect(backwards.ok ? null : backwards.errors.endTime).toBe('Das Ende muss nach dem Beginn liegen.');
    const late = eventTimes({ date: '2026-05-05', startTime: '14:00', endTime: '16:00', registrationDeadline: '2026-05-06' });
    expect(late.ok ? null : late.errors.registrationDeadline).toMatch(/nicht nach dem Tag/);
  });

  it('closes registration at the end of the deadline day in Saxony, at the latest at the start', () => {
    const summer = eventTimes({ date: '2026-06-10', startTime: '10:00', endTime: '12:00', registrationDeadline: '2026-06-08' });
    expect(summer.ok && summer.times.registrationClosesAt).toBe('2026-06-08T22:00:00.000Z');
    const sameDay = eventTimes({ date: '2026-06-10', startTime: '10:00', endTime: '12:00', registrationDeadline: '2026-06-10' });
    expect(sameDay.ok && sameDay.times.registrationClosesAt).toBe('2026-06-10T08:00:00.000Z');
  });
});

describe('registration statechart (issue 18 Nr. 3 and 4)', () => {
  const at = '2026-06-01T10:00:00.000Z';
  const plus = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

  it('holds a free seat for 30 minutes, or puts the person on the waitlist', () => {
    expect(startRegistration({ seatAvailable: true, at })).toEqual({ status: 'held', pendingUntil: plus(30) });
    expect(startRegistration({ seatAvailable: false, at })).toEqual({ status: 'waitlisted', pendingUntil: null });
  });

  it('confirms a hold before its deadline, not at or after it; an expired hold frees the seat', () => {
    const held = startRegistration({ seatAvailable: true, at });
    expect(nextRegistration(held, { type: 'registration.confirm', at: plus(29) })).toEqual({ status: 'confirmed', pendingUntil: null });
    expect(nextRegistration(held, { type: 'registration.confirm', at: plus(30) })).toBeNull();
    expect(nextRegistration(held, { type: 'registration.expire', at: plus(29) })).toBeNull();
    const expired = nextRegistration(held, { type: 'registration.expire', at: plus(30) });
    expect(expired).toEqual({ status: 'expired', pendingUntil: null });
    expect(releasesSeat('held', 'expired')).toBe(true);
  });

  it('promotes from the waitlist with a deadline; the offer is confirmed or expires', () => {
    const waiting = startRegistration({ seatAvailable: false, at });
    const promoted = nextRegistration(waiting, {
      type: 'registration.promote',
      at,
      startsAt: '2026-06-20T08:00:00.000Z',
    }) as RegistrationState;
    expect(promoted).toEqual({ status: 'promoted', pendingUntil: '2026-06-03T10:00:00.000Z' });
    expect(nextRegistration(promoted, { type: 'registration.confirm', at: plus(60) })?.status).toBe('confirmed');
    expect(nextRegistration(promoted, { type: 'registration.expire', at: '2026-06-03T10:00:00.000Z' })?.status).toBe('expired');
    expect(releasesSeat('waitlisted', 'promoted')).toBe(false);
    expect(releasesSeat('promoted', 'expired')).toBe(true);
  });

  it('gives an offer at most until the start, and never less than 30 minutes', () => {
    expect(offerDeadline(at, plus(120))).toBe(plus(120));
    expect(offerDeadline(at, plus(10))).toBe(plus(30));
  });

  it('cancels from every open status, once; a confirmed seat cannot be confirmed again', () => {
    for (const start of [
      startRegistration({ seatAvailable: true, at }),
      startRegistration({ seatAvailable: false, at }),
      { status: 'confirmed' as const, pendingUntil: null },
    ]) {
      const cancelled = nextRegistration(start, { type: 'registration.cancel', at });
      expect(cancelled?.status).toBe('cancelled');
      expect(nextRegistration(cancelled!, { type: 'registration.cancel', at })).toBeNull();
    }
    expect(nextRegistration({ status: 'confirmed', pendingUntil: null }, { type: 'registration.confirm', at })).toBeNull();
    expect(
      nextRegistration({ status: 'held', pendingUntil: plus(30) }, { type: 'registration.promote', at, startsAt: plus(600) }),
    ).toBeNull();
  });
});

describe('when registration is open', () => {
  const event = { status: 'published' as const, startsAt: '2026-06-10T08:00:00.000Z', registrationClosesAt: '2026-06-08T22:00:00.000Z' };
  it('closes after the deadline, at the start and for a cancelled event', () => {
    expect(registrationClosedReason(event, '2026-06-08T21:59:59.000Z')).toBeNull();
    expect(registrationClosedReason(event, '2026-06-08T22:00:00.000Z')).toBe('frist_abgelaufen');
    expect(registrationClosedReason(event, '2026-06-10T08:00:00.000Z')).toBe('vergangen');
    expect(registrationClosedReason({ ...event, status: 'cancelled' }, '2026-06-01T00:00:00.000Z')).toBe('abgesagt');
  });

  it('refuses a capacity below the seats already taken', () => {
    expect(capacityError(10, 10)).toBeNull();
    expect(capacityError(9, 10)).toMatch(/bereits 10 Plätze/);
  });
});

describe('forms', () => {
  it('needs name, a valid e-mail and the privacy consent; keeps the optional needs', () => {
    const bad = registrationFormSchema.safeParse({ name: '', email: 'keine-adresse', privacyConsent: undefined });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain('Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@gemeinde.de.');
    expect(messages).toContain('Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.');
    const good = registrationFormSchema.parse({ name: 'Eva Berg', email: ' Eva@Example.DE ', privacyConsent: 'on', dietaryNeeds: 'vegan' });
    expect(good).toMatchObject({ email: 'eva@example.de', dietaryNeeds: 'vegan' });
  });

  it('asks for place and Landkreis in person, for an https link online', () => {
    const base = {
      title: 'Antragswerkstatt',
      description: 'Wie stelle ich einen Antrag?',
      topic: 'antragstellung',
      audience: 'Kommunen',
      date: '10.06.2026',
      startTime: '10:00',
      endTime: '12:00',
      organiser: 'EBBS',
      language: 'Deutsch',
      capacity: '20',
    };
    const inPerson = eventFormSchema.safeParse({ ...base, format: 'praesenz' });
    expect(inPerson.error?.issues.map((i) => i.path[0])).toEqual(['venue', 'address', 'landkreis']);
    const online = eventFormSchema.safeParse({ ...base, format: 'online', onlineLink: 'http://unsicher.example' });
    expect(online.error?.issues.map((i) => i.message)).toEqual(['Der Zugangslink muss mit https:// beginnen.']);
    expect(eventFormSchema.parse({ ...base, format: 'online', onlineLink: 'https://meet.example/abc', startTime: '9:30' }).startTime).toBe(
      '09:30',
    );
  });
});
