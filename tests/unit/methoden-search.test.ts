import { describe, expect, it } from 'vitest';
import { searchColumns } from '../../db/repositories/content-search';
import { compoundParts, parseQuery, stem } from '../../machines/shared/search';

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
  it('a compound after a known head adds its later part, so "Beteiligung" finds "Jugendbeteiligung"', () => {
    expect(compoundParts(stem('Jugendbeteiligung'))).toContain(stem('Beteiligung'));
    expect(compoundParts(stem('Bürgerhaushalt'))).toContain(stem('Haushalt'));
    expect(compoundParts(stem('Stadtteilforum'))).toContain(stem('Forum'));
  });

  it('never splits inside a word: "Losverfahren" gives "Verfahren", not "Erfahrung"; "Moderation" gives nothing', () => {
    const parts = compoundParts(stem('Losverfahren'));
    expect(parts).toContain(stem('Verfahren'));
    expect(parts).not.toContain(stem('Erfahrung'));
    expect(compoundParts(stem('Moderation'))).toEqual([]);
    expect(compoundParts(stem('Beratung'))).toEqual([]);
  });

  it('the parts go to the body whatever field the word was in', () => {
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
