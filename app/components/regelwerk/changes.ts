const labels: Record<string, string> = {
  entwurf: 'Entwurf',
  veroeffentlicht: 'veröffentlicht',
  verworfen: 'verworfen',
};

export const changeStatusLabel = (status: string) => labels[status] ?? status;

/**
 * The sentence under a re-check of the stored drafts when some could not be read at all (their
 * stored data is damaged or from an unknown release); null when every draft was read.
 */
export function unreadableDraftsNote(count: number): string | null {
  if (count <= 0) return null;
  return count === 1
    ? '1 Entwurf konnte nicht gelesen werden; er ist in der Prüfung nicht enthalten.'
    : `${count} Entwürfe konnten nicht gelesen werden; sie sind in der Prüfung nicht enthalten.`;
}
