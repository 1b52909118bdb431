import { describe, expect, it } from 'vitest';
import { compoundParts, searchColumns } from '../../db/repositories/content-search';
import { parseQuery, stem } from '../../machines/shared/search';

// The words side of the search (pure). Retrieval and ranking happen in the database and are tested
// on both dialects in tests/integration/content-search.test.ts and catalogue-search.test.ts.

describe('German stems', () => {
  it('inflected forms share a stem (Bürgerrat / Bürgerräte, Beteiligung / beteiligen)', () => {
    expect(stem('Bürgerräte')).toBe(stem('Bürgerrat'));
    expect(stem('beteiligen')).toBe(stem('Beteiligung'));
  });

  it('"Jugendlicher" and "Jugendbeteiligung" begin alike, so the prefix match finds one from the other', () => {
    expect(stem('Jugendbeteiligung').startsWith(stem('Jugendlicher'))).toBe(true);
  });
});

describe('compound parts (ADR 0077)', () => {
  it('a long stem adds its endings of five letters and more, so "Beteiligung" finds "Jugendbeteiligung"', () => {
    const parts = compoundParts(stem('Jugendbeteiligung'));
    expect(parts).toContain(stem('Beteiligung'));
    expect(parts.every((p) => p.length >= 5)).toBe(true);
    expect(parts).not.toContain(stem('Jugendbeteiligung'));
  });

  it('short stems add nothing, and the parts go to the body whatever field the word was in', () => {
    expect(compoundParts(stem('Beratung'))).toEqual([]);
    const columns = searchColumns({ id: 'x', fields: [{ text: 'Jugendbeteiligung', weight: 6 }] });
    expect(columns.title).toBe(stem('Jugendbeteiligung'));
    expect(columns.body.split(' ')).toContain(stem('Beteiligung'));
  });
});

describe('reading a query', () => {
  it('stop words are no words', () => {
    expect(parseQuery('und die der').kind).toBe('noWords');
  });
  it('punctuation only is a German message, not an error', () => {
    const parsed = parseQuery('!!! ... ???');
    expect(parsed.kind).toBe('noWords');
    expect(parsed.kind === 'noWords' && parsed.message).toMatch(/keine Wörter/);
  });
  it('10 000 characters are refused with a German message', () => {
    const parsed = parseQuery('a'.repeat(10_000));
    expect(parsed).toMatchObject({ kind: 'tooLong' });
    expect(parsed.kind === 'tooLong' && parsed.message).toMatch(/höchstens 200 Zeichen/);
  });
  it('an empty query is no query', () => {
    expect(parseQuery('   ').kind).toBe('none');
    expect(parseQuery(null).kind).toBe('none');
  });
  it('markup is just words', () => {
    expect(parseQuery('<script>alert(1)</script>')).toEqual({
      kind: 'words',
      stems: [stem('script'), stem('alert'), '1'].filter((s) => s.length > 1),
    });
  });
});
