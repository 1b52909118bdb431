import { describe, expect, it } from 'vitest';
import { paginate } from '../../app/utils/pagination';

const items = Array.from({ length: 45 }, (_, i) => i + 1);
const at = (query: string) => paginate(items, new URL(`https://x.example/methoden${query}`), 20);

describe('result pages (?seite=N)', () => {
  it('cuts the list into pages and links to the neighbours, keeping every other parameter', () => {
    const first = at('?q=Jugend&zielgruppe=jugendliche');
    expect(first.items).toEqual(items.slice(0, 20));
    expect(first.pager).toMatchObject({ page: 1, pages: 3, total: 45, prev: null });
    expect(first.pager.next).toBe('/methoden?q=Jugend&zielgruppe=jugendliche&seite=2');
    const last = at('?q=Jugend&seite=3');
    expect(last.items).toEqual([41, 42, 43, 44, 45]);
    expect(last.pager).toMatchObject({ page: 3, prev: '/methoden?q=Jugend&seite=2', next: null });
    // Back to the first page: no "seite" in the address.
    expect(at('?seite=2').pager.prev).toBe('/methoden');
  });

  it('an impossible page number shows the nearest page, never an error', () => {
    expect(at('?seite=99').pager.page).toBe(3);
    for (const q of ['?seite=0', '?seite=-1', '?seite=abc', '?seite=1.5', '']) expect(at(q).pager.page).toBe(1);
    expect(paginate([], new URL('https://x.example/b'), 20).pager).toEqual({ page: 1, pages: 1, total: 0, prev: null, next: null });
  });
});
