import { berlinWallClock } from './time';

/**
 * What happens around and after an event (issue 18 Nr. 5, 7, 8): messages to the participants,
 * attendance, the morning resend of the access link, and how long personal data is kept.
 */

/** Who a message of the organisers goes to: the confirmed participants, optionally also the waitlist. */
export const messageAudiences = ['confirmed', 'confirmedAndWaitlist'] as const;
export type MessageAudience = (typeof messageAudiences)[number];
export const messageAudienceLabel: Record<MessageAudience, string> = {
  confirmed: 'Bestätigte Teilnehmende',
  confirmedAndWaitlist: 'Bestätigte Teilnehmende und Warteliste',
};

export interface MessageInput {
  subject: string;
  body: string;
  audience: MessageAudience;
}

/** Checks a message of the organisers; German messages per field. */
export function checkMessage(raw: {
  subject: unknown;
  body: unknown;
  audience: unknown;
}):
  | { ok: true; value: MessageInput }
  | { ok: false; errors: Partial<Record<keyof MessageInput, string>>; input: Record<keyof MessageInput, string> } {
  // What was typed comes back unchanged with the errors; what is checked and sent is trimmed.
  const input = {
    subject: String(raw.subject ?? ''),
    body: String(raw.body ?? ''),
    audience: String(raw.audience ?? ''),
  };
  const value = { subject: input.subject.trim(), body: input.body.trim(), audience: input.audience };
  const errors: Partial<Record<keyof MessageInput, string>> = {};
  if (value.subject.length < 3 || value.subject.length > 200) errors.subject = 'Bitte geben Sie einen Betreff ein (3 bis 200 Zeichen).';
  if (value.body.length < 10 || value.body.length > 10_000) errors.body = 'Bitte schreiben Sie eine Nachricht (10 bis 10.000 Zeichen).';
  if (!(messageAudiences as readonly string[]).includes(value.audience)) errors.audience = 'Bitte wählen Sie, wer die Nachricht bekommt.';
  if (Object.keys(errors).length) return { ok: false, errors, input };
  return { ok: true, value: value as MessageInput };
}

/** Attendance can be marked once the event has begun (not before: nobody has attended yet). */
export const attendanceOpen = (startsAt: string, now: Date) => now.getTime() >= Date.parse(startsAt);

/** Personal data of participants is deleted this many days after the event's end unless configured otherwise (Nr. 7). */
export const defaultRetentionDays = 90;

/** The morning resend of the access link starts at this local time in Saxony on the day of the event (Nr. 8). */
export const accessLinkMorning = '07:00';

/**
 * Whether a confirmed participant of an online event gets the access link again now: on the day of
 * the event (Europe/Berlin), from 07:00 until the start, unless they confirmed that same day (then
 * the confirmation mail with the link has just reached them).
 */
export function accessLinkResendDue(now: Date, startsAt: string, confirmedAt: string | null): boolean {
  if (now.getTime() >= Date.parse(startsAt)) return false;
  const today = berlinWallClock(now);
  if (today.date !== berlinWallClock(startsAt).date || today.time < accessLinkMorning) return false;
  return !confirmedAt || berlinWallClock(confirmedAt).date !== today.date;
}
