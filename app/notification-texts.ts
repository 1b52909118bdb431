import { formatDate } from '../machines/shared/format';

/**
 * Texts of notifications and their e-mails that are written outside the advice workflow. In-app
 * notifications link with a path; an e-mail is read outside the app, so its links are absolute:
 * the configured public address (`config.publicUrl`, as in the advice e-mails) and the path.
 */

export interface Message {
  text: string;
  link: string;
  email: { subject: string; body: string };
}

/** "https://foerderlotse.example/antraege/7" – the public address (with or without a final slash) and a path. */
export const absoluteLink = (publicUrl: string, path: string) => `${publicUrl.replace(/\/+$/, '')}${path}`;

const signature = 'Förderlotse Bürgerbeteiligung';

export interface RuleChange {
  applicationId: number;
  title: string;
  /** The parameter's label, its new value as text, the date it applies from and its legal reference. */
  label: string;
  valueText: string;
  effectiveFrom: string;
  reference: string;
  verdictBefore: string;
  verdictAfter: string;
  /** Why the verdict changes: the criteria that moved, one sentence each. */
  reasons: string[];
}

/**
 * What the members of the organisation and the draft's advisors are told when a published rule
 * changes the draft's verdict: each with their own wording and their own page.
 */
export function ruleChangeMessages(change: RuleChange, publicUrl: string): { members: Message; advisors: Message } {
  const rule = `Ab ${formatDate(change.effectiveFrom)} gilt „${change.label}“: ${change.valueText} (${change.reference}).`;
  const outcome = `„${change.verdictAfter}“ statt „${change.verdictBefore}“.`;
  const reasons = change.reasons.length ? ` ${change.reasons.join(' ')}` : '';
  const memberLink = `/antraege/${change.applicationId}`;
  const advisorLink = `/beratung/${change.applicationId}`;
  const memberText = `${rule} Ihr Antrag „${change.title}“ wäre dann ${outcome}${reasons}`;
  const advisorText = `${rule} Der Antrag „${change.title}“, den Sie beraten, wäre dann ${outcome}${reasons}`;
  return {
    members: {
      text: memberText,
      link: memberLink,
      email: {
        subject: `Geänderte Förderregeln betreffen Ihren Antrag „${change.title}“`,
        body: `${memberText}\n\nBitte prüfen Sie Ihren Antrag im Förderlotsen: ${absoluteLink(publicUrl, memberLink)}\n\n${signature}`,
      },
    },
    advisors: {
      text: advisorText,
      link: advisorLink,
      email: {
        subject: `Geänderte Förderregeln betreffen den Antrag „${change.title}“, den Sie beraten`,
        body: `${advisorText}\n\nZum Antrag in der Beratung: ${absoluteLink(publicUrl, advisorLink)}\n\n${signature}`,
      },
    },
  };
}

/** The invitation to fill in a QualitätsCheck from one's own perspective. `title` is already quoted („…“) or "ohne Namen". */
export function qualityCheckInvitation(input: { inviter: string; title: string; path: string }, publicUrl: string): Message {
  return {
    text: `${input.inviter} lädt Sie zum QualitätsCheck ${input.title} ein.`,
    link: input.path,
    email: {
      subject: `Einladung zum QualitätsCheck ${input.title}`,
      body: `${input.inviter} bittet Sie, den QualitätsCheck ${input.title} aus Ihrer eigenen Sicht auszufüllen. Gerade die Unterschiede zwischen den Sichtweisen sind aufschlussreich.\n\nZum QualitätsCheck: ${absoluteLink(publicUrl, input.path)}\n\n${signature}`,
    },
  };
}

/**
 * What the other ministry accounts are told when a rule change or funding call waits for a
 * second person's approval (four-eyes principle).
 */
export function approvalRequestMessage(request: { proposer: string; what: string; path: string }, publicUrl: string): Message {
  const text = `${request.proposer} hat ${request.what} angelegt. Nach dem Vier-Augen-Prinzip wird erst veröffentlicht, wenn eine zweite Person des Ministeriums freigibt.`;
  return {
    text,
    link: request.path,
    email: {
      subject: 'Eine Änderung am Regelwerk wartet auf Ihre Freigabe',
      body: `${text}\n\nPrüfen und freigeben: ${absoluteLink(publicUrl, request.path)}\n\n${signature}`,
    },
  };
}

/**
 * The e-mail with a link to set a new password: asked for on the sign-in page, or sent by the
 * administration (then it names who sent it). It says how long the link works and that it works once.
 */
export function passwordResetMail(input: { name: string; link: string; minutes: number; sentBy: string | null }): {
  subject: string;
  body: string;
} {
  const why = input.sentBy
    ? `die Administration (${input.sentBy}) hat Ihnen einen Link geschickt, mit dem Sie ein neues Passwort für Ihr Konto im Förderlotsen festlegen.`
    : 'für Ihr Konto im Förderlotsen wurde ein neues Passwort angefordert („Passwort vergessen?“).';
  return {
    subject: 'Neues Passwort für den Förderlotsen festlegen',
    body: [
      `Guten Tag ${input.name},`,
      '',
      why,
      '',
      `Der Link gilt ${input.minutes} Minuten und nur einmal:`,
      input.link,
      '',
      'Wenn Sie kein neues Passwort angefordert haben, können Sie diese E-Mail ignorieren; Ihr bisheriges Passwort bleibt gültig.',
      '',
      signature,
    ].join('\n'),
  };
}
