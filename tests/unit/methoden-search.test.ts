import { describe, expect, it } from 'vitest';
import { buildSearchIndex, parseQuery, search, stem, stemMatch, type SearchDocument } from '../../machines/shared/search';

const ids = (docs: SearchDocument[], q: string) => {
  const parsed = parseQuery(q);
  if (parsed.kind !== 'words') throw new Error(`no words in ${q}`);
  return search(buildSearchIndex(docs), parsed.stems).map((h) => h.id);
};
const doc = (id: string, ...texts: [string, number][]): SearchDocument => ({
  id,
  fields: texts.map(([text, weight]) => ({ text, weight })),
});

describe('German stemming and compounds', () => {
  it('"Jugendlicher" finds a text that only says "Jugendbeteiligung"', () => {
    const docs = [doc('jugend', ['Jugendbeteiligung im Ortsteil', 1]), doc('senioren', ['Seniorentreff am Markt', 1])];
    expect(ids(docs, 'Jugendlicher')).toEqual(['jugend']);
  });

  it('inflected forms share a stem (Bürgerrat / Bürgerräte, Beteiligung / beteiligen)', () => {
    expect(stem('Bürgerräte')).toBe(stem('Bürgerrat'));
    expect(stem('beteiligen')).toBe(stem('Beteiligung'));
    expect(ids([doc('a', ['Die Bürgerräte tagen', 1]), doc('b', ['Ein Stadtteilforum', 1])], 'Bürgerrat')).toEqual(['a']);
  });

  it('an exact stem counts more than a compound part, and short stems do not match inside words', () => {
    expect(stemMatch('jugend', 'jugend')).toBeGreaterThan(stemMatch('jugend', 'jugendbeteil'));
    expect(stemMatch('jugend', 'jugendbeteil')).toBeGreaterThan(0);
    expect(stemMatch('rat', 'beratung')).toBe(0);
    const docs = [doc('compound', ['Jugendbeteiligung', 1]), doc('exact', ['Angebote für die Jugend', 1])];
    expect(ids(docs, 'Jugend')).toEqual(['exact', 'compound']);
  });
});

describe('relevance ranking', () => {
  it('a hit in the name ranks above a hit in the body', () => {
    const docs = [
      doc('body', ['Runder Tisch', 6], ['Am Ende steht oft eine Mediation.', 1]),
      doc('name', ['Mediation', 6], ['Eine neutrale Person vermittelt.', 1]),
    ];
    expect(ids(docs, 'Mediation')).toEqual(['name', 'body']);
  });

  it('a document matching every query word ranks above one repeating a single word', () => {
    const docs = [doc('one-word', ['Konflikt Konflikt Konflikt Konflikt', 6]), doc('both-words', ['Konflikt unter Nachbarn', 1])];
    expect(ids(docs, 'Konflikt Nachbarn')).toEqual(['both-words', 'one-word']);
  });

  it('a rare word weighs more than a word every document has', () => {
    const docs = [
      doc('common-only', ['Beteiligung Beteiligung', 1]),
      doc('rare', ['Beteiligung mit Losverfahren', 1]),
      doc('other', ['Beteiligung im Dorf', 1]),
    ];
    const hits = search(buildSearchIndex(docs), (parseQuery('Beteiligung Losverfahren') as { stems: string[] }).stems);
    expect(hits[0]!.id).toBe('rare');
    expect(hits.find((h) => h.id === 'common-only')!.score).toBeLessThan(hits[0]!.score);
  });

  it('stop words match nothing', () => {
    expect(parseQuery('und die der').kind).toBe('noWords');
  });
});

describe('bad input', () => {
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
