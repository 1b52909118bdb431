import { formatDateTime } from '../../machines/shared/format';
import { formatEventTime } from '../../machines/veranstaltungen/time';
import { absoluteLink } from '../notification-texts';

/**
 * E-mails of the events area (issue 18). Every link is absolute (read outside the app). The
 * personal link opens a page with buttons to confirm or cancel: a link alone never changes
 * anything, since mail programs and virus scanners open links on their own.
 */

const signature = 'Förderlotse Bürgerbeteiligung';

export interface MailEvent {
  title: string;
  startsAt: string;
  endsAt: string;
  format: 'praesenz' | 'online';
  venue: string | null;
  address: string | null;
  onlineLink: string | null;
  technicalRequirements: string;
}

export interface Mail {
  subject: string;
  body: string;
}

const where = (event: MailEvent) => (event.format === 'online' ? 'Online' : [event.venue, event.address].filter(Boolean).join(', '));
const facts = (event: MailEvent) => [`„${event.title}“`, formatEventTime(event.startsAt, event.endsAt), where(event)].join('\n');
export const registrationPath = (token: string) => `/veranstaltungen/anmeldung/${token}`;

/** A letter to one person: the greeting, an opening line with the event's facts, what follows, the signature. */
const letter = (name: string, opening: string, event: MailEvent, after: string[]) =>
  [`Guten Tag ${name},`, '', opening, facts(event), ...after, '', signature].join('\n');

export function holdMail(input: { event: MailEvent; name: string; token: string; until: string }, publicUrl: string): Mail {
  return {
    subject: `Bitte bestätigen Sie Ihre Anmeldung: ${input.event.title}`,
    body: letter(input.name, 'wir halten einen Platz für Sie frei bei:', input.event, [
      '',
      `Bitte bestätigen Sie Ihre Anmeldung bis ${formatDateTime(input.until)} Uhr über diesen Link (dort können Sie sich auch wieder abmelden):`,
      absoluteLink(publicUrl, registrationPath(input.token)),
      '',
      'Ohne Bestätigung verfällt die Reservierung, und der Platz wird wieder frei. Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail.',
    ]),
  };
}

export function waitlistMail(input: { event: MailEvent; name: string; token: string; position: number }, publicUrl: string): Mail {
  return {
    subject: `Sie stehen auf der Warteliste: ${input.event.title}`,
    body: letter(input.name, `die Veranstaltung ist ausgebucht. Sie stehen auf der Warteliste, an Stelle ${input.position}:`, input.event, [
      '',
      'Wird ein Platz frei, bekommen Sie eine E-Mail und können ihn innerhalb einer Frist bestätigen. Ihren Platz auf der Warteliste sehen und sich abmelden:',
      absoluteLink(publicUrl, registrationPath(input.token)),
    ]),
  };
}

export function promotedMail(input: { event: MailEvent; name: string; token: string; until: string }, publicUrl: string): Mail {
  return {
    subject: `Ein Platz ist frei geworden: ${input.event.title}`,
    body: letter(input.name, 'für Sie ist ein Platz frei geworden bei:', input.event, [
      '',
      `Bitte bestätigen Sie bis ${formatDateTime(input.until)} Uhr, dass Sie teilnehmen. Danach geht der Platz an die nächste Person auf der Warteliste:`,
      absoluteLink(publicUrl, registrationPath(input.token)),
    ]),
  };
}

export function confirmedMail(input: { event: MailEvent; name: string; token: string }, publicUrl: string): Mail {
  const online =
    input.event.format === 'online' && input.event.onlineLink
      ? [
          '',
          `Zugang zur Online-Veranstaltung: ${input.event.onlineLink}`,
          ...(input.event.technicalRequirements ? [`Technische Voraussetzungen: ${input.event.technicalRequirements}`] : []),
        ]
      : [];
  return {
    subject: `Anmeldung bestätigt: ${input.event.title}`,
    body: letter(input.name, 'Ihre Anmeldung ist bestätigt:', input.event, [
      ...online,
      '',
      'Falls Sie nicht teilnehmen können, melden Sie sich bitte ab, damit jemand von der Warteliste nachrücken kann:',
      absoluteLink(publicUrl, registrationPath(input.token)),
    ]),
  };
}

export function eventCancelledMail(input: { event: MailEvent; name: string; reason: string }): Mail {
  return {
    subject: `Abgesagt: ${input.event.title}`,
    body: letter(input.name, 'leider müssen wir diese Veranstaltung absagen:', input.event, [
      '',
      `Grund: ${input.reason}`,
      '',
      'Ihre Anmeldung ist damit erledigt; Sie müssen nichts weiter tun.',
    ]),
  };
}

/** A message of the organisers to the participants; the personal link lets them cancel (Nr. 5). */
export function organiserMessageMail(
  input: { event: MailEvent; name: string; token: string; subject: string; body: string },
  publicUrl: string,
): Mail {
  return {
    subject: `${input.subject} – ${input.event.title}`,
    body: letter(input.name, 'eine Nachricht des Veranstalters zu:', input.event, [
      '',
      input.body,
      '',
      'Ihre Anmeldung ansehen oder sich abmelden:',
      absoluteLink(publicUrl, registrationPath(input.token)),
    ]),
  };
}

/** The access link again, on the morning of an online event (Nr. 8). */
export function accessLinkMail(input: { event: MailEvent; name: string; token: string }, publicUrl: string): Mail {
  return {
    subject: `Heute: ${input.event.title} – Ihr Zugang`,
    body: letter(input.name, 'heute findet Ihre Online-Veranstaltung statt:', input.event, [
      '',
      `Zugang: ${input.event.onlineLink ?? ''}`,
      ...(input.event.technicalRequirements ? [`Technische Voraussetzungen: ${input.event.technicalRequirements}`] : []),
      '',
      'Falls Sie nicht teilnehmen können, melden Sie sich bitte ab:',
      absoluteLink(publicUrl, registrationPath(input.token)),
    ]),
  };
}

// ---- events with selection (issue 18 Nr. 9) ---------------------------------------------------

/** The receipt of an application: no seat yet, the outcome comes after the deadline. */
export function applicationMail(input: { event: MailEvent; name: string; token: string; closesAt: string }, publicUrl: string): Mail {
  return {
    subject: `Ihre Bewerbung ist eingegangen: ${input.event.title}`,
    body: letter(input.name, 'vielen Dank für Ihre Bewerbung für:', input.event, [
      '',
      `Die Plätze werden nach Auswahl vergeben. Nach dem Bewerbungsschluss (${formatDateTime(input.closesAt)} Uhr) wählen die Veranstalter aus; das Ergebnis erfahren Sie per E-Mail.`,
      'Ihre Bewerbung ansehen oder zurückziehen:',
      absoluteLink(publicUrl, registrationPath(input.token)),
      '',
      'Wenn Sie sich nicht beworben haben, ziehen Sie die Bewerbung bitte über den Link zurück.',
    ]),
  };
}

export function selectedMail(input: { event: MailEvent; name: string; token: string; until: string }, publicUrl: string): Mail {
  return {
    subject: `Sie sind ausgewählt: ${input.event.title}`,
    body: letter(input.name, 'Sie sind für diese Veranstaltung ausgewählt:', input.event, [
      '',
      `Bitte bestätigen Sie bis ${formatDateTime(input.until)} Uhr, dass Sie teilnehmen. Ohne Bestätigung geht der Platz an die nächste Person auf der Nachrückliste:`,
      absoluteLink(publicUrl, registrationPath(input.token)),
    ]),
  };
}

export function reserveMail(input: { event: MailEvent; name: string; token: string; position: number }, publicUrl: string): Mail {
  return {
    subject: `Sie stehen auf der Nachrückliste: ${input.event.title}`,
    body: letter(
      input.name,
      `die Auswahl für diese Veranstaltung ist abgeschlossen. Für einen Platz hat es noch nicht gereicht; Sie stehen auf der Nachrückliste an Stelle ${input.position}:`,
      input.event,
      [
        '',
        'Wird ein Platz frei, bekommen Sie eine E-Mail und können ihn innerhalb einer Frist bestätigen. Ihren Stand sehen oder sich abmelden:',
        absoluteLink(publicUrl, registrationPath(input.token)),
      ],
    ),
  };
}

export function declinedMail(input: { event: MailEvent; name: string }, publicUrl: string): Mail {
  return {
    subject: `Ergebnis der Auswahl: ${input.event.title}`,
    body: letter(input.name, 'vielen Dank für Ihre Bewerbung für:', input.event, [
      '',
      'Leider konnten wir Sie diesmal nicht auswählen; es gab mehr Bewerbungen als Plätze. Weitere Veranstaltungen finden Sie im Kalender:',
      absoluteLink(publicUrl, '/veranstaltungen'),
    ]),
  };
}
