import { describe, expect, it } from 'vitest';
import {
  canConfirm,
  confirmDays,
  confirmDeadline,
  decideSubscribe,
  issueSchema,
  maxSubjectLength,
  subscribeSchema,
} from '../../machines/newsletter/newsletter';

const now = '2026-12-04T10:00:00.000Z';
const later = (days: number) => new Date(Date.parse(now) + days * 86_400_000).toISOString();

describe('newsletter subscription (issue 18 Nr. 10)', () => {
  it('a confirmation link is valid for the configured days, not a moment longer', () => {
    const pending = { status: 'pending' as const, confirmBy: confirmDeadline(now) };
    expect(confirmDays).toBe(7);
    expect(canConfirm(pending, later(7 - 1e-6))).toBe(true);
    expect(canConfirm(pending, later(7))).toBe(false);
    expect(canConfirm({ status: 'confirmed', confirmBy: null }, now)).toBe(false);
  });

  it('decides what a new request for an address leads to', () => {
    expect(decideSubscribe(null, now)).toBe('new');
    const pending = { status: 'pending' as const, confirmBy: confirmDeadline(now) };
    // A second request while the first link is valid sends the same link again.
    expect(decideSubscribe(pending, later(1))).toBe('resend');
    // After the link expired: a new link.
    expect(decideSubscribe(pending, later(8))).toBe('new');
    expect(decideSubscribe({ status: 'confirmed', confirmBy: null }, later(100))).toBe('already');
  });

  it('needs a valid address and the privacy consent; addresses are compared in lower case', () => {
    const ok = subscribeSchema.safeParse({ email: ' Anna@Gemeinde.DE ', privacyConsent: 'on' });
    expect(ok.success && ok.data.email).toBe('anna@gemeinde.de');
    const bad = subscribeSchema.safeParse({ email: 'anna@', privacyConsent: undefined });
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
    expect(messages).toContain('Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@gemeinde.de.');
    expect(messages).toContain('Bitte bestätigen Sie, dass Sie die Datenschutzhinweise zum Newsletter gelesen haben.');
  });

  it('an issue needs a subject of at most 150 characters and a text', () => {
    expect(issueSchema.safeParse({ subject: 'Neue Termine', body: 'Hallo\n\nText' }).success).toBe(true);
    const long = issueSchema.safeParse({ subject: 'x'.repeat(maxSubjectLength + 1), body: '' });
    expect(long.success ? [] : long.error.issues.map((i) => i.message)).toEqual([
      'Bitte kürzen Sie den Betreff auf höchstens 150 Zeichen (eingegeben: 151).',
      'Bitte schreiben Sie den Text der Ausgabe.',
    ]);
  });
});
