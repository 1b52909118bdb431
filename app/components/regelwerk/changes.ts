const labels: Record<string, string> = {
  entwurf: 'Entwurf',
  veroeffentlicht: 'veröffentlicht',
  verworfen: 'verworfen',
};

export const changeStatusLabel = (status: string) => labels[status] ?? status;
