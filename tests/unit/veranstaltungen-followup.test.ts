import { describe, expect, it } from 'vitest';
import { accessLinkMail, organiserMessageMail } from '../../app/veranstaltungen/mails';
import { accessLinkResendDue, checkMessage } from '../../machines/veranstaltungen/followup';

const event = {
  title: 'Online-Sprechstunde',
  startsAt: '2026-03-29T08:00:00.000Z',
  endsAt: '2026-03-29T09:00:00.000Z',
  format: 'online' as const,
  venue: null,
  address: null,
  onlineLink: 'https://konferenz.example/raum',
  technicalRequirements: 'Headset',
};

describe('access link on the morning of an online event (issue 18 Nr. 8)', () => {
  // 29.03.2026 is the switch to summer time: 07:00 in Saxony is 05:00 UTC.
  it('from 07:00 local time on the day until the start, on the day of the DST change too', () => {
    expect(accessLinkResendDue(new Date('2026-03-29T04:59:00.000Z'), event.startsAt, null)).toBe(false);
    expect(accessLinkResendDue(new Date('2026-03-29T05:00:00.000Z'), event.startsAt, null)).toBe(true);
    expect(accessLinkResendDue(new Date('2026-03-29T08:00:00.000Z'), event.startsAt, null)).toBe(false);
    expect(accessLinkResendDue(new Date('2026-03-28T10:00:00.000Z'), event.startsAt, null)).toBe(false);
  });
  it('not to someone who confirmed that same day (the confirmation carried the link)', () => {
    expect(accessLinkResendDue(new Date('2026-03-29T06:00:00.000Z'), event.startsAt, '2026-03-29T05:30:00.000Z')).toBe(false);
    expect(accessLinkResendDue(new Date('2026-03-29T06:00:00.000Z'), event.startsAt, '2026-03-20T05:30:00.000Z')).toBe(true);
  });
  it('the mail carries the access link and an absolute personal link', () => {
    const mail = accessLinkMail({ event, name: 'Gina', token: 'abc' }, 'https://foerderlotse.example');
    expect(mail.body).toContain('https://konferenz.example/raum');
    expect(mail.body).toContain('https://foerderlotse.example/veranstaltungen/anmeldung/abc');
  });
});

describe('messages of the organisers (issue 18 Nr. 5)', () => {
  it('German messages per field, input kept', () => {
    const bad = checkMessage({ subject: 'a', body: '', audience: 'alle' });
    expect(bad).toEqual({
      ok: false,
      errors: {
        subject: 'Bitte geben Sie einen Betreff ein (3 bis 200 Zeichen).',
        body: 'Bitte schreiben Sie eine Nachricht (10 bis 10.000 Zeichen).',
        audience: 'Bitte wählen Sie, wer die Nachricht bekommt.',
      },
      input: { subject: 'a', body: '', audience: 'alle' },
    });
    expect(checkMessage({ subject: 'Raumwechsel', body: 'Wir sind im Saal.', audience: 'confirmed' }).ok).toBe(true);
  });
  it('blank text counts as empty, yet comes back exactly as typed; a sent message is trimmed', () => {
    const blank = checkMessage({ subject: '  Raum  ', body: '\r\n\r\n', audience: 'confirmed' });
    expect(blank).toMatchObject({ ok: false, input: { subject: '  Raum  ', body: '\r\n\r\n' } });
    expect(blank.ok ? {} : blank.errors).toEqual({ body: 'Bitte schreiben Sie eine Nachricht (10 bis 10.000 Zeichen).' });
    expect(checkMessage({ subject: ' Raumwechsel ', body: ' Wir sind im Saal. \n', audience: 'confirmed' })).toEqual({
      ok: true,
      value: { subject: 'Raumwechsel', body: 'Wir sind im Saal.', audience: 'confirmed' },
    });
  });
  it('the mail has the text and an absolute personal link', () => {
    const mail = organiserMessageMail(
      { event, name: 'Gina', token: 'abc', subject: 'Raumwechsel', body: 'Wir sind im Saal.' },
      'https://foerderlotse.example',
    );
    expect(mail.subject).toBe('Raumwechsel – Online-Sprechstunde');
    expect(mail.body).toContain('Wir sind im Saal.');
    expect(mail.body).toContain('https://foerderlotse.example/veranstaltungen/anmeldung/abc');
  });
});
