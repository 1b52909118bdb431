import { z } from 'zod';
import type { Role } from './organisation';

/*
 * Deleting one's own account (issue 20 Nr. 5, ADR 0074). Pure rules; storage in
 * db/repositories/account-deletion.ts, the page is app/routes/konto_.loeschen.tsx.
 */

export const accountDeletionSchema = z.object({
  password: z
    .string({ error: 'Bitte geben Sie Ihr Passwort ein, um die Löschung zu bestätigen.' })
    .max(200, { error: 'Das Passwort ist zu lang.' }),
  confirm: z.literal('on', { error: 'Bitte bestätigen Sie, dass Ihr Konto endgültig gelöscht werden soll.' }),
});

/** What the account is tied to, read before it is deleted. */
export interface DeletionSituation {
  role: Role;
  /** Applications of the own organisation that are not in the bin (any status: drafts, in review, approved, in Umsetzung). */
  organisationApplications: number;
  /** Other accounts of the same organisation that can still sign in. */
  otherActiveMembers: number;
}

/**
 * Why the account may not delete itself, or null. Assumptions (ADR 0074, no source settles them):
 * staff accounts (advice, ministry, administration) are closed by the administration, because
 * assignments, approvals and the four-eyes releases hang on them; and the last person of an
 * organisation with applications may not leave them without anyone who can see or continue them.
 */
export function deletionRefusal(s: DeletionSituation): string | null {
  if (s.role !== 'applicant')
    return 'Konten der EBBS-Beratung, des Ministeriums und der Administration löschen Sie nicht selbst. Bitte wenden Sie sich an die Administration; sie schließt das Konto und sorgt dafür, dass Ihre Aufgaben jemand übernimmt.';
  if (s.organisationApplications > 0 && s.otherActiveMembers === 0)
    return `Sie sind die einzige Person Ihrer Organisation, und Ihre Organisation hat ${s.organisationApplications === 1 ? 'einen Antrag' : `${s.organisationApplications} Anträge`}. Ohne Sie könnte niemand ${s.organisationApplications === 1 ? 'ihn' : 'sie'} mehr einsehen, weiterführen oder abrechnen. Bitte laden Sie zuerst eine Kollegin oder einen Kollegen auf der Seite „Organisation“ ein, oder löschen Sie nicht mehr benötigte Entwürfe; danach können Sie Ihr Konto löschen.`;
  return null;
}

/** The name shown wherever the deleted person had acted (comments, history); no personal data. */
export const formerAccountName = 'Ehemaliges Konto';

/** The address the anonymised row keeps: unique, never deliverable (.invalid, RFC 2606). */
export const formerAccountEmail = (userId: number) => `geloescht-${userId}@konto.invalid`;
