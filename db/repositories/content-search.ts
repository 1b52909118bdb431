/**
 * Full-text search over content in the database (ADR 0071 and 0077): one table of documents
 * per kind ("methode", "beispiel", …), searched on SQLite with FTS5 and on PostgreSQL with a tsvector.
 *
 * Both dialects store and search the same thing: the Snowball German stems of the text
 * (machines/shared/search.ts), computed here in TypeScript, one column per weight class
 * (title ≥ 5, summary ≥ 2, body below). A query stem matches a document stem exactly (full weight) or
 * as its beginning (0.7, German compounds: "jugend" in "jugendbeteil"); the later parts of long
 * stems are stored as extra body stems (`compoundParts`, ADR 0077), so "beteil" finds
 * "jugendbeteil" too, without searching inside words at query time.
 *
 * Ranking, the same formula on both dialects: per query stem and document, the index's own
 * field-weighted relevance (FTS5 bm25 with column weights 10/3/1; PostgreSQL ts_rank with weights
 * A 1.0, B 0.3, C 0.1, divided by 1 + log of the document's length, as bm25 favours shorter
 * documents) relative to the best document for that stem, times the stem's idf among the
 * documents of the kind; exact and prefix match take the better of the two. A document that matches
 * more query stems ranks above one that matches fewer; within the same number the summed score
 * decides. The score handed out is `matched stems + s / (1 + s)`, so higher is better everywhere.
 * The index gives the relevance per term and document; the rest of the formula is computed in
 * TypeScript, once for both dialects.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { compoundParts, stem as germanStem, tokenize, type SearchDocument } from '../../machines/shared/search';
import { dialectOf } from '../dialect';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface ContentSearchHit {
  id: string;
  score: number;
}

/** At most this many query stems are searched (parseQuery gives at most 12). */
const MAX_STEMS = 12;
/** How much a stem found only as the beginning of a longer document stem counts. */
const PREFIX_FACTOR = 0.7;
/** Prefix matching starts at this stem length (as stemMatch in machines/shared/search.ts). */
const MIN_PREFIX_LENGTH = 4;

interface FieldClasses {
  title: string;
  summary: string;
  body: string;
}

/**
 * Stems of a document's fields, space-separated, per weight class (a repeated word stays repeated).
 * The later parts of long stems go to the body, whatever field they come from: a word found only
 * inside a compound counts least.
 */
export function searchColumns(doc: SearchDocument): FieldClasses {
  const classes: Record<keyof FieldClasses, string[]> = { title: [], summary: [], body: [] };
  const parts: string[] = [];
  for (const field of doc.fields) {
    const target = field.weight >= 5 ? classes.title : field.weight >= 2 ? classes.summary : classes.body;
    for (const token of tokenize(field.text)) {
      const stemmed = germanStem(token);
      target.push(stemmed);
      parts.push(...compoundParts(stemmed));
    }
  }
  classes.body.push(...new Set(parts));
  return { title: classes.title.join(' '), summary: classes.summary.join(' '), body: classes.body.join(' ') };
}

async function inTransaction(db: Executor, work: (trx: Executor) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute(work);
}

async function insertDocuments(db: Executor, kind: string, docs: readonly SearchDocument[]): Promise<void> {
  const rows = docs.map((doc) => ({ kind, doc_id: doc.id, ...searchColumns(doc) }));
  // In slices: SQLite allows at most 32 766 bound parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('content_search')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Replaces every document of one kind by `docs` (one transaction: searches see the old or the new set). */
export async function replaceSearchDocuments(db: Executor, kind: string, docs: readonly SearchDocument[]): Promise<void> {
  const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('content_search').where('kind', '=', kind).execute();
    await insertDocuments(trx, kind, unique);
  });
}

/** Adds one document of a kind, or replaces the document with the same id. */
export async function upsertSearchDocument(db: Executor, kind: string, doc: SearchDocument): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('content_search').where('kind', '=', kind).where('doc_id', '=', doc.id).execute();
    await insertDocuments(trx, kind, [doc]);
  });
}

/** Removes one document of a kind (nothing happens when there is none). */
export async function removeSearchDocument(db: Executor, kind: string, id: string): Promise<void> {
  await db.deleteFrom('content_search').where('kind', '=', kind).where('doc_id', '=', id).execute();
}

/**
 * The stems as the index holds them: lower case, letters and digits only (anything else splits a
 * stem, so no character of the query language can reach an FTS5 or tsquery expression), unique.
 */
function cleanStems(stems: readonly string[]): string[] {
  const words = stems.flatMap(
    (s) =>
      s
        .toLowerCase()
        .normalize('NFC')
        .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
  return [...new Set(words)].slice(0, MAX_STEMS);
}

interface Term {
  stemNo: number;
  prefix: boolean;
  stem: string;
}

/** One term as a full-text query of the dialect, passed as a bound parameter (quoted all the same). */
function termQuery(pg: boolean, term: Term, kind: string): string {
  if (pg) return `'${term.stem.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${term.prefix ? ':*' : ''}`;
  // The kind is an indexed FTS5 column: FTS5 intersects the term with the kind's documents itself
  // (the stem only in the text columns, so "method"* does not match the kind "methode").
  const phrase = `{title summary body} : "${term.stem.replace(/"/g, '""')}"${term.prefix ? '*' : ''}`;
  return /[\p{L}\p{N}]/u.test(kind) ? `kind : "${kind.replace(/"/g, '""')}" AND ${phrase}` : phrase;
}

/** The rows the index gives for one term: its relevance per matching document. */
function termRows(pg: boolean, term: Term, termNo: number, kind: string): RawBuilder<unknown> {
  const query = termQuery(pg, term, kind);
  return pg
    ? sql`select ${sql.lit(termNo)} as t, doc_id,
        cast(ts_rank('{0.1, 0.1, 0.3, 1.0}'::float4[], document, to_tsquery('simple', ${query}), 1) as double precision) as r
        from content_search where kind = ${kind} and document @@ to_tsquery('simple', ${query})`
    : sql`select ${sql.lit(termNo)} as t, doc_id, -bm25(content_search, 0, 0, 10, 3, 1) as r
        from content_search where content_search match ${query} and kind = ${kind}`;
}

/** One row with the number of the kind's documents (term number -1), for the idf. */
function kindCount(pg: boolean, kind: string): RawBuilder<unknown> {
  // On SQLite an equality on an FTS5 column reads every row; a MATCH on the kind column uses the index.
  const where = !pg && /[\p{L}\p{N}]/u.test(kind) ? sql`content_search match ${`kind : "${kind.replace(/"/g, '""')}"`}` : sql`1 = 1`;
  return sql`select -1 as t, '' as doc_id, cast(count(*) as double precision) as r from content_search where ${where} and kind = ${kind}`;
}

/**
 * The documents of one kind matching any of the stems, best first (see the module comment).
 * The database gives each term's matches with their relevance in one statement; the combination
 * (relative to the term's best, times idf, best of exact and prefix, per document) is done here:
 * grouping thousands of rows twice and sorting them in SQL cost more than the search itself.
 */
export async function searchContent(db: Executor, kind: string, stems: readonly string[], limit = 50): Promise<ContentSearchHit[]> {
  const clean = cleanStems(stems);
  if (clean.length === 0 || limit <= 0) return [];
  const pg = dialectOf(db) === 'postgres';
  const terms: Term[] = clean.flatMap((stem, stemNo) => [
    { stemNo, prefix: false, stem },
    ...(stem.length >= MIN_PREFIX_LENGTH ? [{ stemNo, prefix: true, stem }] : []),
  ]);
  const parts = [kindCount(pg, kind), ...terms.map((term, i) => termRows(pg, term, i, kind))];
  const { rows } = await sql<{ t: number | string; doc_id: string; r: number | string }>`${sql.join(parts, sql` union all `)}`.execute(db);

  let total = 0;
  const top = new Array<number>(terms.length).fill(0);
  const matches = new Array<number>(terms.length).fill(0);
  for (const row of rows) {
    const t = Number(row.t);
    if (t < 0) total = Number(row.r);
    else {
      top[t] = Math.max(top[t]!, Number(row.r));
      matches[t]! += 1;
    }
  }
  // Per document, the best score of each stem (exact or prefix), -Infinity where the stem did not match.
  const perDocument = new Map<string, number[]>();
  for (const row of rows) {
    const t = Number(row.t);
    if (t < 0) continue;
    const term = terms[t]!;
    const n = matches[t]!;
    const relative = top[t]! > 0 ? Number(row.r) / top[t]! : 0;
    const score = (term.prefix ? PREFIX_FACTOR : 1) * relative * Math.log(1 + (total - n + 0.5) / (n + 0.5));
    let best = perDocument.get(row.doc_id);
    if (!best) perDocument.set(row.doc_id, (best = new Array<number>(clean.length).fill(Number.NEGATIVE_INFINITY)));
    if (score > best[term.stemNo]!) best[term.stemNo] = score;
  }
  const ranked = [...perDocument].map(([id, best]) => {
    let matched = 0;
    let sum = 0;
    for (const score of best)
      if (score > Number.NEGATIVE_INFINITY) {
        matched += 1;
        sum += score;
      }
    return { id, matched, sum };
  });
  ranked.sort((a, b) => b.matched - a.matched || b.sum - a.sum || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.slice(0, Math.floor(limit)).map(({ id, matched, sum }) => {
    const s = Math.max(0, sum);
    return { id, score: matched + s / (1 + s) };
  });
}

/** The way documents are turned into stems; raise it whenever machines/shared/search.ts changes that. */
export const SEARCH_FORMAT = 2;

/**
 * Brings one kind's documents up to the content state `stamp` (ADR 0077): when the documents were
 * built from another state, `build()` gives the current documents and they replace the old ones, in
 * one transaction with the new stamp. On PostgreSQL the kind's state row is locked first, so
 * instances that notice the same change one after the other rebuild once. Returns whether it rebuilt.
 */
export async function refreshSearchDocuments(
  db: Kysely<Database>,
  kind: string,
  contentStamp: string,
  build: () => readonly SearchDocument[],
): Promise<boolean> {
  // A new way of making stems (stemmer, stop words, compound parts) is a new state too.
  const stamp = `${SEARCH_FORMAT}/${contentStamp}`;
  const state = db.selectFrom('content_search_state').select('stamp').where('kind', '=', kind);
  if ((await state.executeTakeFirst())?.stamp === stamp) return false;
  const docs = build();
  const pg = dialectOf(db) === 'postgres';
  return db.transaction().execute(async (trx) => {
    if (pg) {
      await trx
        .insertInto('content_search_state')
        .values({ kind, stamp: '' })
        .onConflict((oc) => oc.column('kind').doNothing())
        .execute();
      const locked = await trx.selectFrom('content_search_state').select('stamp').where('kind', '=', kind).forUpdate().executeTakeFirst();
      if (locked?.stamp === stamp) return false;
    }
    await replaceSearchDocuments(trx, kind, docs);
    await trx
      .insertInto('content_search_state')
      .values({ kind, stamp })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ stamp }))
      .execute();
    return true;
  });
}
