import { z } from 'zod';
import { parseGermanDate } from '../shared/dates';
import { checkbox, emailSchema, longText, mustTick, optionalText, requiredText } from '../shared/fields';
import { landkreise, type Landkreis } from '../shared/organisation';
import { berlinToUtc } from './time';
import { defaultYellowBelowPercent } from './seats';

/** What an information event is about (filter "Thema"). */
export const eventTopics = ['antragstellung', 'qualitaetscheck', 'methoden', 'austausch'] as const;
export type EventTopic = (typeof eventTopics)[number];
export const eventTopicLabel: Record<EventTopic, string> = {
  antragstellung: 'Antragstellung nach der FRL Bürgerbeteiligung',
  qualitaetscheck: 'QualitätsCheck-Werkstatt',
  methoden: 'Methodentraining',
  austausch: 'Austausch und Vernetzung',
};

export const eventFormats = ['praesenz', 'online'] as const;
export type EventFormat = (typeof eventFormats)[number];
export const eventFormatLabel: Record<EventFormat, string> = { praesenz: 'Vor Ort', online: 'Online' };

/** How an event gives its seats: first come, first served, or a selection among applications (Nr. 9). */
export const admissionModes = ['reihenfolge', 'auswahl'] as const;
export type AdmissionMode = (typeof admissionModes)[number];
export const admissionModeLabel: Record<AdmissionMode, string> = {
  reihenfolge: 'Nach Eingang der Anmeldungen (mit Warteliste)',
  auswahl: 'Auswahl unter Bewerbungen (mit Begründung, bis zum Bewerbungsschluss)',
};

export const eventStatuses = ['published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** The facts of an event the rules below need (a row of the store has more). */
export interface EventFacts {
  status: EventStatus;
  startsAt: string;
  /** Registration closes at this instant (the organiser's deadline, at the latest the start). */
  registrationClosesAt: string;
}

export type RegistrationClosed = 'abgesagt' | 'frist_abgelaufen' | 'vergangen';

export const registrationClosedMessage: Record<RegistrationClosed, string> = {
  abgesagt: 'Diese Veranstaltung ist abgesagt. Eine Anmeldung ist nicht mehr möglich.',
  frist_abgelaufen: 'Die Anmeldefrist für diese Veranstaltung ist abgelaufen.',
  vergangen: 'Diese Veranstaltung hat bereits stattgefunden.',
};

/** Why nobody can register now, or null when registration is open. */
export function registrationClosedReason(event: EventFacts, now: string): RegistrationClosed | null {
  if (event.status === 'cancelled') return 'abgesagt';
  if (Date.parse(now) >= Date.parse(event.startsAt)) return 'vergangen';
  if (Date.parse(now) >= Date.parse(event.registrationClosesAt)) return 'frist_abgelaufen';
  return null;
}

/** An event is archived once it has ended. */
export const isPast = (endsAt: string, now: string) => Date.parse(endsAt) <= Date.parse(now);

// ---- registration form ----------------------------------------------------------------------

export const registrationFormSchema = z.object({
  name: requiredText('Ihren Namen', 120),
  email: emailSchema,
  organisation: optionalText('die Organisation', 200),
  accessibilityNeeds: longText('Ihre Hinweise zur Barrierefreiheit', 1000),
  dietaryNeeds: optionalText('Ihre Hinweise zur Verpflegung', 300),
  privacyConsent: mustTick('Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.'),
});
export type RegistrationForm = z.infer<typeof registrationFormSchema>;

// ---- organiser form -------------------------------------------------------------------------

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeText = (label: string) =>
  z
    .string({ error: `Bitte geben Sie ${label} an.` })
    .transform((v) =>
      v
        .trim()
        .replace(/^(\d):/, '0$1:')
        .replace(/\.(\d\d)$/, ':$1'),
    )
    .refine((v) => timePattern.test(v), { error: `Bitte geben Sie ${label} als SS:MM an, zum Beispiel 14:30.` });

const dateText = (label: string) =>
  z.string({ error: `Bitte geben Sie ${label} an.` }).transform((value, ctx) => {
    const parsed = parseGermanDate(value, label);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.iso;
  });

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `Bitte geben Sie ${label} an.` })
    .transform((v) => v.trim())
    .refine((v) => /^\d{1,6}$/.test(v), { error: `Bitte geben Sie ${label} als ganze Zahl an.` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `Bitte geben Sie für ${label} eine Zahl von ${min} bis ${max} an.` });

export const eventFormSchema = z
  .object({
    title: requiredText('den Titel', 160),
    description: longText('die Beschreibung', 4000, 'Bitte beschreiben Sie die Veranstaltung.'),
    topic: z.enum(eventTopics, { error: 'Bitte wählen Sie ein Thema.' }),
    audience: requiredText('die Zielgruppe', 300),
    format: z.enum(eventFormats, { error: 'Bitte wählen Sie, ob die Veranstaltung vor Ort oder online stattfindet.' }),
    date: dateText('das Datum'),
    startTime: timeText('den Beginn'),
    endTime: timeText('das Ende'),
    venue: optionalText('den Veranstaltungsort', 200),
    address: optionalText('die Adresse', 300),
    landkreis: z.enum(landkreise, { error: 'Bitte wählen Sie einen Landkreis oder eine kreisfreie Stadt.' }).optional(),
    onlineLink: optionalText('den Zugangslink', 500),
    technicalRequirements: longText('die technischen Voraussetzungen', 1000),
    organiser: requiredText('den Veranstalter', 200),
    language: requiredText('die Sprache', 80),
    venueAccessibility: longText('die Angaben zur Barrierefreiheit', 1000),
    capacity: wholeNumber('die Zahl der Plätze', 1, 10_000),
    registrationDeadline: dateText('den Anmeldeschluss').optional(),
    yellowBelowPercent: wholeNumber('die Schwelle „wenige Plätze“', 1, 99).optional(),
    admission: z.enum(admissionModes, { error: 'Bitte wählen Sie, wie die Plätze vergeben werden.' }).default('reihenfolge'),
    notify: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.admission === 'auswahl' && !v.registrationDeadline)
      ctx.addIssue({
        code: 'custom',
        path: ['registrationDeadline'],
        message: 'Bitte geben Sie den Bewerbungsschluss an: Erst danach wählen Sie unter den Bewerbungen aus.',
      });
    if (v.format === 'praesenz') {
      if (!v.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'Bitte geben Sie den Veranstaltungsort an.' });
      if (!v.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'Bitte geben Sie die Adresse an.' });
      if (!v.landkreis)
        ctx.addIssue({ code: 'custom', path: ['landkreis'], message: 'Bitte wählen Sie den Landkreis des Veranstaltungsorts.' });
    }
    if (v.format === 'online') {
      if (!v.onlineLink)
        ctx.addIssue({
          code: 'custom',
          path: ['onlineLink'],
          message: 'Bitte geben Sie den Zugangslink an (er geht nur an bestätigte Teilnehmende).',
        });
      else if (!/^https:\/\/[^\s]+$/.test(v.onlineLink))
        ctx.addIssue({ code: 'custom', path: ['onlineLink'], message: 'Der Zugangslink muss mit https:// beginnen.' });
    }
  });
export type EventForm = z.infer<typeof eventFormSchema>;

/** The stored shape of an event's facts, in UTC, or German messages per field. */
export interface EventTimes {
  startsAt: string;
  endsAt: string;
  registrationClosesAt: string;
}

/**
 * Turns the wall-clock times typed in Saxony into UTC instants: the end after the start, the
 * registration deadline (end of that day in Saxony) not after the start.
 */
export function eventTimes(
  form: Pick<EventForm, 'date' | 'startTime' | 'endTime' | 'registrationDeadline'>,
): { ok: true; times: EventTimes } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const start = berlinToUtc(form.date, form.startTime);
  const end = berlinToUtc(form.date, form.endTime);
  const skipped = 'Diese Uhrzeit gibt es an diesem Tag nicht (Umstellung auf Sommerzeit: 2 Uhr wird 3 Uhr). Bitte wählen Sie eine andere.';
  if (!start.ok) errors.startTime = start.reason === 'nonexistent' ? skipped : 'Bitte prüfen Sie den Beginn.';
  if (!end.ok) errors.endTime = end.reason === 'nonexistent' ? skipped : 'Bitte prüfen Sie das Ende.';
  if (start.ok && end.ok && Date.parse(end.iso) <= Date.parse(start.iso)) errors.endTime = 'Das Ende muss nach dem Beginn liegen.';
  let closes = start.ok ? start.iso : '';
  if (form.registrationDeadline && start.ok) {
    const endOfDay = berlinToUtc(form.registrationDeadline, '23:59');
    if (!endOfDay.ok) errors.registrationDeadline = 'Bitte prüfen Sie den Anmeldeschluss.';
    else if (form.registrationDeadline > form.date)
      errors.registrationDeadline = 'Der Anmeldeschluss darf nicht nach dem Tag der Veranstaltung liegen.';
    else closes = new Date(Math.min(Date.parse(endOfDay.iso) + 60_000, Date.parse(start.iso))).toISOString();
  }
  if (Object.keys(errors).length || !start.ok || !end.ok) return { ok: false, errors };
  return { ok: true, times: { startsAt: start.iso, endsAt: end.iso, registrationClosesAt: closes } };
}

/** Capacity may not fall below the seats already taken (held or confirmed): nobody loses a seat. */
export function capacityError(capacity: number, seatsTaken: number): string | null {
  return capacity < seatsTaken
    ? `Es sind bereits ${seatsTaken} Plätze vergeben oder reserviert. Die Zahl der Plätze kann nicht darunter liegen.`
    : null;
}

export { defaultYellowBelowPercent };
export type { Landkreis };
