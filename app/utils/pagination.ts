/**
 * One page of a long result list, addressed by `?seite=N` (GET, so it works without JavaScript and
 * can be bookmarked). Links keep every other parameter of the address.
 */
export interface Pager {
  page: number;
  pages: number;
  total: number;
  prev: string | null;
  next: string | null;
}

export function paginate<T>(items: readonly T[], url: URL, perPage: number): { items: T[]; pager: Pager } {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const asked = Number(url.searchParams.get('seite'));
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  const link = (n: number) => {
    const params = new URLSearchParams(url.search);
    if (n === 1) params.delete('seite');
    else params.set('seite', String(n));
    const query = params.toString();
    return `${url.pathname}${query ? `?${query}` : ''}`;
  };
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    pager: { page, pages, total: items.length, prev: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null },
  };
}
