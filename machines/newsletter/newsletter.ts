import { z } from 'zod';
import { emailSchema, longText, mustTick, requiredText } from '../shared/fields';

/*
 * The hub's newsletter (issue 18 Nr. 10, ADR 0060): new events, methods and examples, quarterly and
 * on demand. Anyone may subscribe without an account; the subscription counts only after the link in
 * the confirmation e-mail was used (double opt-in), and every issue carries the personal link that
 * ends it. Pure rules here; storage in db/repositories/newsletter.ts, pages in app/routes/newsletter*.
 */

/**
 * How long a confirmation link stays valid. Assumption (no source sets it): a week, so a person who
 * reads mail rarely can still confirm, while unconfirmed addresses do not linger.
 */
export const confirmDays = 7;

export type SubscriptionStatus = 'pending' | 'confirmed';

export const subscriptionStatusLabel: Record<SubscriptionStatus, string> = {
  pending: 'Bestätigung ausstehend',
  confirmed: 'Angemeldet',
};

export interface StoredSubscription {
  status: SubscriptionStatus;
  /** Until when a pending subscription can be confirmed (ISO). */
  confirmBy: string | null;
}

/**
 * What a new subscription request for an address leads to:
 * - `new`: none stored (or an unconfirmed one whose link has expired): a fresh pending subscription
 *   with a new link;
 * - `resend`: a pending one whose link is still valid: the same link again (a second request must not
 *   invalidate the first e-mail);
 * - `already`: confirmed: nothing changes; the person is told so, with the link to unsubscribe.
 * The page answers all three alike, so the form does not reveal who subscribes.
 */
export type SubscribeDecision = 'new' | 'resend' | 'already';

export function decideSubscribe(stored: StoredSubscription | null, now: string): SubscribeDecision {
  if (!stored) return 'new';
  if (stored.status === 'confirmed') return 'already';
  return canConfirm(stored, now) ? 'resend' : 'new';
}

export function canConfirm(stored: StoredSubscription, now: string): boolean {
  return stored.status === 'pending' && stored.confirmBy !== null && Date.parse(now) < Date.parse(stored.confirmBy);
}

export function confirmDeadline(now: string): string {
  return new Date(Date.parse(now) + confirmDays * 86_400_000).toISOString();
}

export const subscribeSchema = z.object({
  email: emailSchema,
  privacyConsent: mustTick('Bitte bestätigen Sie, dass Sie die Datenschutzhinweise zum Newsletter gelesen haben.'),
});
export type SubscribeForm = z.infer<typeof subscribeSchema>;

/** Who writes and sends issues: EBBS advisors and ministry staff. */
export const newsletterEditors = ['advisor', 'ministry'] as const;

export const maxSubjectLength = 150;
export const maxBodyLength = 20_000;

export const issueSchema = z.object({
  subject: requiredText('den Betreff', maxSubjectLength),
  body: longText('den Text', maxBodyLength, 'Bitte schreiben Sie den Text der Ausgabe.'),
});
export type IssueForm = z.infer<typeof issueSchema>;
