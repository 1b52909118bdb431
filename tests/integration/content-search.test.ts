import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import {
  clearSearchDocuments,
  removeSearchDocument,
  replaceSearchDocuments,
  searchContent,
  searchColumns,
  searchDocumentIds,
  upsertSearchDocument,
} from '../../db/repositories/content-search';
import { parseQuery, stem, type SearchDocument } from '../../machines/shared/search';
import { testDialect } from '../support/postgres';
import { tempDatabase } from '../support/temp-db';

/*
 * Full-text search in the database (ADR 0071), SQLite FTS5 and PostgreSQL tsvector: the retrieval
 * and ranking expectations of the in-memory search (tests/unit/methoden-search.test.ts) hold for the
 * repository too.
 */

let db: DB;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await tempDatabase());
});
afterAll(async () => {
  await cleanup();
});

const KIND = 'methode';
beforeEach(async () => {
  await clearSearchDocuments(db);
});

const doc = (id: string, ...texts: [string, number][]): SearchDocument => ({
  id,
  fields: texts.map(([text, weight]) => ({ text, weight })),
});
const stemsOf = (q: string) => {
  const parsed = parseQuery(q);
  if (parsed.kind !== 'words') throw new Error(`no words in ${q}`);
  return parsed.stems;
};
async function ids(docs: SearchDocument[], q: string, kind = KIND): Promise<string[]> {
  await replaceSearchDocuments(db, kind, docs);
  return (await searchContent(db, kind, stemsOf(q))).map((h) => h.id);
}

describe('German stemming and compounds in the database', () => {
  it('"Jugendlicher" finds a text that only says "Jugendbeteiligung", not the Seniorentreff', async () => {
    const docs = [doc('jugend', ['Jugendbeteiligung im Ortsteil', 1]), doc('senioren', ['Seniorentreff am Markt', 1])];
    expect(await ids(docs, 'Jugendlicher')).toEqual(['jugend']);
  });

  it('Bürgerrat finds "Die Bürgerräte tagen"', async () => {
    expect(await ids([doc('a', ['Die Bürgerräte tagen', 1]), doc('b', ['Ein Stadtteilforum', 1])], 'Bürgerrat')).toEqual(['a']);
    expect(await ids([doc('a', ['Ein Bürgerrat', 1]), doc('b', ['Ein Stadtteilforum', 1])], 'Bürgerräte')).toEqual(['a']);
  });

  it('an exact stem ranks above a compound part, and short stems do not match as prefixes', async () => {
    const docs = [doc('compound', ['Jugendbeteiligung', 1]), doc('exact', ['Angebote für die Jugend', 1])];
    expect(await ids(docs, 'Jugend')).toEqual(['exact', 'compound']);
    expect(await ids([doc('beratung', ['Ratsbeschluss und Beratung', 1])], 'Rat')).toEqual([]);
  });
});

describe('relevance ranking in the database', () => {
  it('a hit in the name ranks above a hit in the body', async () => {
    const docs = [
      doc('body', ['Runder Tisch', 6], ['Am Ende steht oft eine Mediation.', 1]),
      doc('name', ['Mediation', 6], ['Eine neutrale Person vermittelt.', 1]),
    ];
    expect(await ids(docs, 'Mediation')).toEqual(['name', 'body']);
    // The other way round, so the order above is not the insertion order.
    expect(await ids([docs[1]!, docs[0]!], 'Mediation')).toEqual(['name', 'body']);
  });

  it('a hit in the summary ranks above a hit in the body', async () => {
    const docs = [doc('body', ['Runder Tisch', 6], ['Mediation', 1]), doc('summary', ['Planungszelle', 6], ['Mediation', 3])];
    expect(await ids(docs, 'Mediation')).toEqual(['summary', 'body']);
  });

  it('a document matching every query word ranks above one repeating a single word', async () => {
    const docs = [doc('one-word', ['Konflikt Konflikt Konflikt Konflikt', 6]), doc('both-words', ['Konflikt unter Nachbarn', 1])];
    expect(await ids(docs, 'Konflikt Nachbarn')).toEqual(['both-words', 'one-word']);
    // Also when the one word's score alone is larger than both words' together (common "Nachbarn",
    // "Konflikt" in the name): the number of matched words comes first.
    const neighbours = ['n1', 'n2', 'n3'].map((id) => doc(id, ['Gute Nachbarn', 1]));
    const found = await ids([...docs, ...neighbours], 'Konflikt Nachbarn');
    expect(found.slice(0, 2)).toEqual(['both-words', 'one-word']);
    expect(found).toHaveLength(5);
  });

  it('a rare word weighs more than a word every document has', async () => {
    await replaceSearchDocuments(db, KIND, [
      doc('common-only', ['Beteiligung Beteiligung', 1]),
      doc('rare', ['Beteiligung mit Losverfahren', 1]),
      doc('other', ['Beteiligung im Dorf', 1]),
      doc('rare-only', ['Losverfahren', 1]),
    ]);
    const hits = await searchContent(db, KIND, stemsOf('Beteiligung Losverfahren'));
    expect(hits[0]!.id).toBe('rare');
    // One word each: the rare word's document above the common word's.
    const score = (id: string) => hits.find((h) => h.id === id)!.score;
    expect(score('rare-only')).toBeGreaterThan(score('common-only'));
    expect(score('common-only')).toBeLessThan(score('rare'));
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('stop words are not indexed and not searched', async () => {
    expect(parseQuery('und die der').kind).toBe('noWords');
    await replaceSearchDocuments(db, KIND, [doc('a', ['und die der', 1])]);
    expect(searchColumns(doc('a', ['und die der', 1]))).toEqual({ title: '', summary: '', body: '' });
    expect(await searchContent(db, KIND, ['und', 'die'])).toEqual([]);
  });

  it('a limit keeps the best', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => doc(`d${i}`, ['Bürgerhaushalt', i === 17 ? 6 : 1]));
    await replaceSearchDocuments(db, KIND, docs);
    const hits = await searchContent(db, KIND, stemsOf('Bürgerhaushalt'), 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]!.id).toBe('d17');
  });
});

describe('keeping the index', () => {
  it('replacing a kind drops what is no longer there', async () => {
    await replaceSearchDocuments(db, KIND, [doc('a', ['Zukunftswerkstatt', 6]), doc('b', ['Zukunftswerkstatt', 1])]);
    await replaceSearchDocuments(db, KIND, [doc('b', ['Zukunftswerkstatt', 1])]);
    expect((await searchContent(db, KIND, stemsOf('Zukunftswerkstatt'))).map((h) => h.id)).toEqual(['b']);
  });

  it('an upsert replaces the document with the same id', async () => {
    await replaceSearchDocuments(db, KIND, [doc('a', ['Zukunftswerkstatt', 6]), doc('b', ['Open Space', 6])]);
    await upsertSearchDocument(db, KIND, doc('a', ['Planungszelle', 6]));
    expect(await searchContent(db, KIND, stemsOf('Zukunftswerkstatt'))).toEqual([]);
    expect((await searchContent(db, KIND, stemsOf('Planungszelle'))).map((h) => h.id)).toEqual(['a']);
    await upsertSearchDocument(db, KIND, doc('c', ['Planungszelle', 1]));
    expect((await searchContent(db, KIND, stemsOf('Planungszelle'))).map((h) => h.id)).toEqual(['a', 'c']);
    expect([...(await searchDocumentIds(db, KIND))].sort()).toEqual(['a', 'b', 'c']);
    // One row for "a", not two (PostgreSQL's table, SQLite's table behind the FTS5 index).
    const table = testDialect === 'postgres' ? 'content_search' : 'content_search_docs';
    expect(await db.selectFrom(table).select('doc_id').where('doc_id', '=', 'a').execute()).toHaveLength(1);
  });

  if (testDialect === 'postgres') {
    it('PostgreSQL keeps a document’s tsvector in its row, where every match and rank of a search reads it', async () => {
      // Storage MAIN (ADR 0105): out of the row (EXTENDED, the default) each `@@` and ts_rank fetched it
      // from the TOAST table again.
      const { rows } = await sql<{ storage: string }>`
        select attstorage as storage from pg_attribute
        where attrelid = 'content_search'::regclass and attname = 'document'`.execute(db);
      expect(rows).toEqual([{ storage: 'm' }]);
      // A long document (its stemmed text goes out of the row instead) is still found and ranked.
      const long = Array.from({ length: 400 }, (_, i) => `Wort${i} Beteiligung`).join(' ');
      await replaceSearchDocuments(db, KIND, [doc('lang', ['Ortsteil', 6], [long, 1]), doc('kurz', ['Beteiligung im Ortsteil', 6])]);
      expect((await searchContent(db, KIND, stemsOf('Beteiligung Ortsteil'))).map((h) => h.id)).toEqual(['kurz', 'lang']);
    });
  }

  it('remove removes one document and nothing else', async () => {
    await replaceSearchDocuments(db, KIND, [doc('a', ['Planungszelle', 6]), doc('b', ['Planungszelle', 1])]);
    await removeSearchDocument(db, KIND, 'a');
    await removeSearchDocument(db, KIND, 'gibt-es-nicht');
    expect((await searchContent(db, KIND, stemsOf('Planungszelle'))).map((h) => h.id)).toEqual(['b']);
  });

  it('kinds are separate: same ids, separate documents, separate replacement', async () => {
    await replaceSearchDocuments(db, 'methode', [doc('x', ['Planungszelle', 6])]);
    await replaceSearchDocuments(db, 'beispiel', [doc('x', ['Bürgerhaushalt in Pirna', 6]), doc('y', ['Planungszelle', 1])]);
    expect((await searchContent(db, 'methode', stemsOf('Bürgerhaushalt'))).map((h) => h.id)).toEqual([]);
    expect((await searchContent(db, 'beispiel', stemsOf('Planungszelle'))).map((h) => h.id)).toEqual(['y']);
    await removeSearchDocument(db, 'beispiel', 'x');
    expect((await searchContent(db, 'methode', stemsOf('Planungszelle'))).map((h) => h.id)).toEqual(['x']);
    await replaceSearchDocuments(db, 'beispiel', []);
    expect((await searchContent(db, 'methode', stemsOf('Planungszelle'))).map((h) => h.id)).toEqual(['x']);
  });

  // With few or many other documents of the kind, in a table of few or many rows of a third kind that
  // match too: the ids are looked up one by one (few rows found) or with all the kind's rows (many).
  it.each([
    [0, 0],
    [60, 0],
    [0, 600],
    [60, 600],
  ])(
    'a kind whose name holds another kind\'s name ("thema" in "thema-titel") counts only its own documents (%i more, %i of a third kind)',
    async (more, third) => {
      await replaceSearchDocuments(
        db,
        'andere',
        Array.from({ length: third }, (_, i) => doc(`x${i}`, ['Planungszelle', 6])),
      );
      const others = Array.from({ length: more }, (_, i) => doc(`m${i}`, ['Markt', 6]));
      await replaceSearchDocuments(db, 'thema', [
        doc('a', ['Planungszelle im Ortsteil', 6]),
        doc('b', ['Ein Bürgerrat', 6], ['Planungszelle', 1]),
        doc('c', ['Markt', 6]),
        ...others,
      ]);
      // Many documents of the longer kind, all matching: counted with the kind, they would lower the idf.
      await replaceSearchDocuments(
        db,
        'thema-titel',
        Array.from({ length: 30 }, (_, i) => doc(`t${i}`, ['Planungszelle', 6])),
      );
      const hits = await searchContent(db, 'thema', stemsOf('Planungszelle'));
      expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
      // The best document scores 1 (one stem) + s / (1 + s) with s = its relevance relative to the best
      // (1) times the idf of 2 matches among the kind's documents.
      const total = 3 + more;
      const s = Math.log(1 + (total - 2 + 0.5) / (2 + 0.5));
      expect(hits[0]!.score).toBeCloseTo(1 + s / (1 + s), 12);
      expect((await searchContent(db, 'thema-titel', stemsOf('Planungszelle'))).length).toBe(30);
    },
  );
});

describe('bad input never breaks the search', () => {
  it('no stems, only punctuation or an empty kind give no hits and no error', async () => {
    await replaceSearchDocuments(db, KIND, [doc('a', ['Planungszelle', 6])]);
    expect(await searchContent(db, KIND, [])).toEqual([]);
    expect(await searchContent(db, KIND, ['', '!!!', '"', '*'])).toEqual([]);
    expect(await searchContent(db, 'leer', stemsOf('Planungszelle'))).toEqual([]);
    expect(parseQuery('x'.repeat(10_000)).kind).toBe('tooLong');
  });

  it('the query languages of FTS5 and tsquery are just words', async () => {
    await replaceSearchDocuments(db, KIND, [
      doc('near', ['Near Field Kommunikation', 6]),
      doc('planung', ['Planungszelle', 6]),
      doc('or', ['Or und And', 1]),
    ]);
    for (const raw of [
      '"Planung',
      'Planung*',
      '-Planung',
      'Planung NEAR Zelle',
      "Planung' OR 1=1 --",
      'Planung & !Zelle | (x',
      'Planung:*',
      'title:Planung',
      '^Planung',
    ]) {
      const parsed = parseQuery(raw);
      const stems = parsed.kind === 'words' ? parsed.stems : [];
      const found = (await searchContent(db, KIND, stems)).map((h) => h.id);
      expect(found, raw).toContain('planung');
      // Raw text, unstemmed, straight into the repository.
      await expect(searchContent(db, KIND, [raw])).resolves.toBeInstanceOf(Array);
    }
    expect((await searchContent(db, KIND, ['NEAR'])).map((h) => h.id)).toEqual(['near']);
    expect((await searchContent(db, KIND, [stem('OR')])).map((h) => h.id)).toEqual(['or']);
    expect(await searchContent(db, KIND, ["'", '"', '*', '-', ':*', '\\'])).toEqual([]);
    // The kind's name is no text of its documents.
    expect(await searchContent(db, KIND, stemsOf('Methode'))).toEqual([]);
    // Odd kinds are just names.
    for (const kind of ['a"b', "a'b", 'NEAR', '-', '']) {
      await replaceSearchDocuments(db, kind, [doc('k', ['Planungszelle', 6])]);
      expect(
        (await searchContent(db, kind, stemsOf('Planungszelle'))).map((h) => h.id),
        kind,
      ).toEqual(['k']);
    }
  });
});
