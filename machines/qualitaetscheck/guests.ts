/**
 * Guest links: people outside the organisation (a Verein invites the municipality's staff and
 * councillors) answer a round through a link, without an account, in the perspective they choose.
 * A link belongs to one round, expires after a chosen number of days and can be revoked; guests
 * who answered stay in the round's profile either way.
 */

/** How long a new link is valid, in days; the middle one is offered first. */
export const guestLinkValidityDays = [7, 14, 30] as const;
export type GuestLinkValidity = (typeof guestLinkValidityDays)[number];
export const defaultGuestLinkValidity: GuestLinkValidity = 14;

export type GuestLinkStatus = 'aktiv' | 'abgelaufen' | 'widerrufen';

export const guestLinkStatusLabel: Record<GuestLinkStatus, string> = {
  aktiv: 'gültig',
  abgelaufen: 'abgelaufen',
  widerrufen: 'widerrufen',
};

/** Whether a link still lets guests in at `now` (ISO timestamps compare as strings). */
export function guestLinkStatus(link: { expires_at: string; revoked_at: string | null }, now: string): GuestLinkStatus {
  if (link.revoked_at !== null) return 'widerrufen';
  return now < link.expires_at ? 'aktiv' : 'abgelaufen';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of a link's validity: `days` × 24 hours after it was made (ISO timestamp). */
export function guestLinkExpiry(createdAt: string, days: GuestLinkValidity): string {
  return new Date(Date.parse(createdAt) + days * DAY_MS).toISOString();
}

/** How a guest appears in the round's list: the name they gave, marked as a guest. */
export function guestDisplayName(name: string | null): string {
  return name?.trim() ? `${name.trim()} (Gast)` : 'Gast ohne Namen';
}
