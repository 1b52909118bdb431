import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { migrations } from '../../db/migrations/index';
import { removeSearchDocument, replaceSearchDocuments, searchContent, upsertSearchDocument } from '../../db/repositories/content-search';
import { parseQuery, type SearchDocument } from '../../machines/shared/search';

/*
 * SQLite's search documents in a plain table that the FTS5 index reads as external content, kept in
 * step by triggers (ADR 0096), and ranked from the index's occurrences with the kind's documents kept
 * in memory while the kind's token stays (ADR 0100). SQLite only: PostgreSQL holds the search in one
 * plain table and ranks in SQL.
 */

const BEFORE = '2027_01_06_000002_netzwerk_context';
const migrator = (db: DB) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

const open: Array<{ db: DB; dir: string }> = [];
async function database(): Promise<DB> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-fts-'));
  const db = createDatabase(join(dir, 'db.sqlite'));
  open.push({ db, dir });
  return db;
}
afterEach(async () => {
  for (const { db, dir } of open.splice(0)) {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

const doc = (id: string, text: string, weight = 6): SearchDocument => ({ id, fields: [{ text, weight }] });
const ids = async (db: DB, kind: string, q: string) => {
  const parsed = parseQuery(q);
  if (parsed.kind !== 'words') throw new Error(`no words in ${q}`);
  return (await searchContent(db, kind, parsed.stems)).map((h) => h.id);
};
/** FTS5's own check: the index holds exactly the tokens of the rows of its content table. */
const indexMatchesRows = (db: DB) => sql`insert into content_search (content_search, rank) values ('integrity-check', 1)`.execute(db);

describe('the search index over its own table (SQLite)', () => {
  it('every write keeps the index equal to the rows, also where a rowid is used again', async () => {
    const db = await database();
    await migrateToLatest(db);
    await replaceSearchDocuments(db, 'methode', [doc('a', 'Zukunftswerkstatt'), doc('b', 'Open Space')]);
    // "b" holds the highest rowid: removed and written again, its new row gets the same rowid. An index
    // that kept the old row's words would find "Open Space" under the new text.
    await upsertSearchDocument(db, 'methode', doc('b', 'Planungszelle'));
    expect(await ids(db, 'methode', 'Open Space')).toEqual([]);
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['b']);
    await removeSearchDocument(db, 'methode', 'b');
    await upsertSearchDocument(db, 'beispiel', doc('c', 'Bürgerhaushalt'));
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual([]);
    expect(await ids(db, 'beispiel', 'Bürgerhaushalt')).toEqual(['c']);
    await expect(indexMatchesRows(db)).resolves.toBeDefined();
    // A row changed in place (no code does this today) is re-indexed as well.
    await db.updateTable('content_search_docs').set({ title: 'zukunftswerkstatt' }).where('doc_id', '=', 'c').execute();
    expect(await ids(db, 'beispiel', 'Zukunftswerkstatt')).toEqual(['c']);
    await expect(indexMatchesRows(db)).resolves.toBeDefined();
  });

  it('the check above notices an index that no longer matches its rows', async () => {
    const db = await database();
    await migrateToLatest(db);
    await replaceSearchDocuments(db, 'methode', [doc('a', 'Zukunftswerkstatt')]);
    await sql`drop trigger content_search_docs_removed`.execute(db);
    await removeSearchDocument(db, 'methode', 'a');
    await expect(indexMatchesRows(db)).rejects.toThrow(/corrupt|malformed/i);
  });

  it('the migration keeps every document (the newest of a duplicate) with its rowid, and down brings the old table back', async () => {
    const db = await database();
    const result = await migrator(db).migrateTo(BEFORE);
    expect(result.error).toBeUndefined();
    const insert = (rowid: number, kind: string, id: string, title: string) =>
      sql`insert into content_search (rowid, kind, doc_id, title, summary, body) values (${rowid}, ${kind}, ${id}, ${title}, '', '')`.execute(
        db,
      );
    await insert(3, 'methode', 'a', 'zukunftswerkstatt');
    await insert(7, 'beispiel', 'a', 'planungszell');
    // Two rows of one document (the old table had no key): the newer one is kept.
    await insert(9, 'methode', 'x', 'alt');
    await insert(12, 'methode', 'x', 'planungszell');

    await migrateToLatest(db);
    const rows = await db.selectFrom('content_search_docs').select(['id', 'kind', 'doc_id', 'title']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 3, kind: 'methode', doc_id: 'a', title: 'zukunftswerkstatt' },
      { id: 7, kind: 'beispiel', doc_id: 'a', title: 'planungszell' },
      { id: 12, kind: 'methode', doc_id: 'x', title: 'planungszell' },
    ]);
    expect(await ids(db, 'methode', 'Zukunftswerkstatt')).toEqual(['a']);
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['x']);
    expect(await ids(db, 'beispiel', 'Planungszelle')).toEqual(['a']);
    await expect(indexMatchesRows(db)).resolves.toBeDefined();

    const down = await migrator(db).migrateTo(BEFORE);
    expect(down.error).toBeUndefined();
    const tables = await sql<{ name: string }>`select name from sqlite_master where name like 'content_search%' and type = 'table'`.execute(
      db,
    );
    expect(tables.rows.map((t) => t.name)).not.toContain('content_search_docs');
    const back = await sql<{ id: number; doc_id: string }>`select rowid as id, doc_id from content_search
      where content_search match 'planungszell' order by rowid`.execute(db);
    expect(back.rows).toEqual([
      { id: 7, doc_id: 'a' },
      { id: 12, doc_id: 'x' },
    ]);
  });

  it('the migration to occurrences counts the stems of every stored document and gives each kind a token; down removes them', async () => {
    const db = await database();
    expect((await migrator(db).migrateTo('2027_01_07_000000_content_search_documents')).error).toBeUndefined();
    await sql`insert into content_search_docs (kind, doc_id, title, summary, body)
      values ('methode', 'a', 'planungszell burgerrat', 'los', 'zufall auswahl tag'), ('beispiel', 'b', '', '', '')`.execute(db);
    await migrateToLatest(db);
    const rows = await db.selectFrom('content_search_docs').select(['doc_id', 'stems']).orderBy('doc_id').execute();
    expect(rows).toEqual([
      { doc_id: 'a', stems: 6 },
      { doc_id: 'b', stems: 0 },
    ]);
    const kinds = await sql<{ kind: string }>`select kind from content_search_versions order by kind`.execute(db);
    expect(kinds.rows.map((r) => r.kind)).toEqual(['beispiel', 'methode']);
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['a']);

    expect((await migrator(db).migrateTo('2027_01_07_000000_content_search_documents')).error).toBeUndefined();
    const left = await sql<{
      name: string;
    }>`select name from sqlite_master where name in ('content_search_terms', 'content_search_versions')`.execute(db);
    expect(left.rows).toEqual([]);
    const columns = await sql<{ name: string }>`select name from pragma_table_info('content_search_docs')`.execute(db);
    expect(columns.rows.map((c) => c.name)).not.toContain('stems');
    expect(await db.selectFrom('content_search_docs').select('doc_id').orderBy('doc_id').execute()).toHaveLength(2);
  });

  it('the relevance is BM25 over the stems: the same hit in a longer document counts less, by the formula', async () => {
    const db = await database();
    await migrateToLatest(db);
    await replaceSearchDocuments(db, 'methode', [doc('kurz', 'Planungszelle'), doc('lang', 'Planungszelle im Dorf mit Losverfahren')]);
    const parsed = parseQuery('Planungszelle');
    if (parsed.kind !== 'words') throw new Error('no words');
    const hits = await searchContent(db, 'methode', parsed.stems);
    expect(hits.map((h) => h.id)).toEqual(['kurz', 'lang']);
    // Stems: "planungszell" and its later part "zell" (2) against three stems ("im" and "mit" are
    // stop words) and two later parts (5); the average over the kind's two documents.
    const stems = await db.selectFrom('content_search_docs').select(['doc_id', 'stems']).orderBy('doc_id').execute();
    expect(stems).toEqual([
      { doc_id: 'kurz', stems: 2 },
      { doc_id: 'lang', stems: 5 },
    ]);
    const [kurz, lang] = stems.map((r) => r.stems);
    const average = (kurz! + lang!) / 2;
    const factor = (stemCount: number) => 10 / (10 + 1.2 * (1 - 0.75 + (0.75 * stemCount) / average));
    const idf = Math.log(1 + (2 - 2 + 0.5) / (2 + 0.5));
    const s = (factor(lang!) / factor(kurz!)) * idf;
    expect(hits[0]!.score).toBeCloseTo(1 + idf / (1 + idf), 12);
    expect(hits[1]!.score).toBeCloseTo(1 + s / (1 + s), 12);
  });

  it('a search notices every write to the documents, also by another connection and by plain SQL', async () => {
    const db = await database();
    await migrateToLatest(db);
    await replaceSearchDocuments(db, 'methode', [doc('a', 'Planungszelle')]);
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['a']);
    // A second connection to the same file (another process would be the same).
    const other = createDatabase(
      (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db)).rows[0]!.file,
    );
    try {
      await upsertSearchDocument(other, 'methode', doc('b', 'Planungszelle Planungszelle'));
      expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['b', 'a']);
      await sql`update content_search_docs set title = 'markt' where doc_id = 'b'`.execute(other);
      expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['a']);
      expect(await ids(db, 'methode', 'Markt')).toEqual(['b']);
      await removeSearchDocument(other, 'methode', 'a');
      expect(await ids(db, 'methode', 'Planungszelle')).toEqual([]);
      await sql`delete from content_search_docs`.execute(other);
      expect(await ids(db, 'methode', 'Markt')).toEqual([]);
    } finally {
      await other.destroy();
    }
  });

  it('a write rolled back leaves nothing behind in what the search keeps', async () => {
    const db = await database();
    await migrateToLatest(db);
    await replaceSearchDocuments(db, 'methode', [doc('a', 'Planungszelle')]);
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['a']);
    await expect(
      db.transaction().execute(async (trx) => {
        await upsertSearchDocument(trx, 'methode', doc('b', 'Planungszelle'));
        const parsed = parseQuery('Planungszelle');
        if (parsed.kind !== 'words') throw new Error('no words');
        expect((await searchContent(trx, 'methode', parsed.stems)).map((h) => h.id)).toEqual(['a', 'b']);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['a']);
    await upsertSearchDocument(db, 'methode', doc('c', 'Planungszelle'));
    expect(await ids(db, 'methode', 'Planungszelle')).toEqual(['a', 'c']);
  });
});
