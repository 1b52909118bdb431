import { formatDateTime } from '../../machines/shared/format';
import { absoluteLink } from '../notification-texts';

/**
 * E-mails of the newsletter (issue 18 Nr. 10). Every one carries the personal link; the page behind it
 * has the buttons (a link alone changes nothing: mail programs and scanners open links on their own).
 */

const signature = 'Förderlotse Bürgerbeteiligung';

export interface Mail {
  subject: string;
  body: string;
}

export const subscriptionPath = (token: string) => `/newsletter/abo/${token}`;

export function confirmMail(input: { token: string; until: string }, publicUrl: string): Mail {
  return {
    subject: 'Bitte bestätigen Sie Ihre Anmeldung zum Newsletter',
    body: [
      'Guten Tag,',
      '',
      'Sie möchten den Newsletter von Förderlotse Bürgerbeteiligung erhalten: neue Veranstaltungen, Methoden und gute Beispiele der Bürgerbeteiligung in Sachsen.',
      '',
      `Bitte bestätigen Sie Ihre Anmeldung bis ${formatDateTime(input.until)} Uhr über diesen Link:`,
      absoluteLink(publicUrl, subscriptionPath(input.token)),
      '',
      'Ohne Bestätigung erhalten Sie keinen Newsletter, und Ihre Adresse wird gelöscht. Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail.',
      '',
      signature,
    ].join('\n'),
  };
}

export function alreadySubscribedMail(input: { token: string }, publicUrl: string): Mail {
  return {
    subject: 'Sie erhalten den Newsletter bereits',
    body: [
      'Guten Tag,',
      '',
      'für diese Adresse wurde der Newsletter noch einmal bestellt. Sie erhalten ihn bereits; es ändert sich nichts.',
      '',
      'Abmelden können Sie sich jederzeit über diesen Link:',
      absoluteLink(publicUrl, subscriptionPath(input.token)),
      '',
      signature,
    ].join('\n'),
  };
}

export function issueMail(input: { subject: string; body: string; token: string; archiveId: number }, publicUrl: string): Mail {
  return {
    subject: `Newsletter: ${input.subject}`,
    body: [
      input.body,
      '',
      '—',
      `Diese Ausgabe im Archiv: ${absoluteLink(publicUrl, `/newsletter/${input.archiveId}`)}`,
      `Newsletter abbestellen: ${absoluteLink(publicUrl, subscriptionPath(input.token))}`,
      '',
      signature,
    ].join('\n'),
  };
}
