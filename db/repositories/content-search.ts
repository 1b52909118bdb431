/**
 * Full-text search over content in the database (ADR 0071 and 0077): one table holds the documents
 * of every kind ("methode", "beispiel", …), searched on SQLite with FTS5 and on PostgreSQL with a tsvector.
 * On SQLite the documents are the rows of `content_search_docs`, which the FTS5 index
 * `content_search` reads as its external content (ADR 0096).
 *
 * Both dialects store and search the same thing: the Snowball German stems of the text
 * (machines/shared/search.ts), computed here in TypeScript, one column per weight class
 * (title ≥ 5, summary ≥ 2, body below). A query stem matches a document stem exactly (full weight) or
 * as its beginning (0.7, German compounds: "jugend" in "jugendbeteil"); the later parts of long
 * stems are stored as extra body stems (`compoundParts`, ADR 0077), so "beteil" finds
 * "jugendbeteil" too, without searching inside words at query time.
 *
 * Ranking, the same formula on both dialects: per query stem and document, a field-weighted
 * relevance (SQLite: BM25's term factor with column weights 10/3/1 over the document's number of
 * stems; PostgreSQL: ts_rank with weights A 1.0, B 0.3, C 0.1, divided by 1 + log of the document's
 * length, as BM25 favours shorter documents) relative to the best document for that stem, times the
 * stem's idf among the documents of the kind; exact and prefix match take the better of the two. A
 * document that matches more query stems ranks above one that matches fewer; within the same number
 * the summed score decides. The score handed out is `matched stems + s / (1 + s)`, so higher is
 * better everywhere. Ties go by the id in code-unit order. SQLite, in-process, reads each query
 * stem's occurrences from FTS5's index (an fts5vocab table) and applies the formula in TypeScript,
 * with the kind's documents kept in memory until a write changes them (ADR 0093, 0100); PostgreSQL,
 * across a socket, ranks in one statement and returns only the hits asked for.
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

/**
 * The table the documents are written to: PostgreSQL's `content_search`; on SQLite the plain table
 * whose rows the FTS5 index `content_search` reads as external content, kept in step by triggers
 * (ADR 0096). Searches read the index on both.
 */
const documentTable = (db: Executor) => (dialectOf(db) === 'postgres' ? 'content_search' : 'content_search_docs');

/** A column's number of stems (they are joined by single spaces); SQLite keeps the sum per document. */
const stemCount = (column: string) => (column === '' ? 0 : column.split(' ').length);

async function insertDocuments(db: Executor, kind: string, docs: readonly SearchDocument[]): Promise<void> {
  const sqlite = dialectOf(db) !== 'postgres';
  const rows = docs.map((doc) => {
    const columns = searchColumns(doc);
    const row = { kind, doc_id: doc.id, ...columns };
    return sqlite ? { ...row, stems: stemCount(columns.title) + stemCount(columns.summary) + stemCount(columns.body) } : row;
  });
  // In slices: SQLite allows at most 32 766 bound parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto(documentTable(db))
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Replaces every document of one kind by `docs` (one transaction: searches see the old or the new set). */
export async function replaceSearchDocuments(db: Executor, kind: string, docs: readonly SearchDocument[]): Promise<void> {
  const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom(documentTable(trx)).where('kind', '=', kind).execute();
    await insertDocuments(trx, kind, unique);
  });
}

/** Adds one document of a kind, or replaces the document with the same id. */
export async function upsertSearchDocument(db: Executor, kind: string, doc: SearchDocument): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom(documentTable(trx)).where('kind', '=', kind).where('doc_id', '=', doc.id).execute();
    await insertDocuments(trx, kind, [doc]);
  });
}

/** Removes one document of a kind (nothing happens when there is none). */
export async function removeSearchDocument(db: Executor, kind: string, id: string): Promise<void> {
  await db.deleteFrom(documentTable(db)).where('kind', '=', kind).where('doc_id', '=', id).execute();
}

/** Removes every search document, or those of the given kinds (tests start from an empty index). */
export async function clearSearchDocuments(db: Executor, kinds?: readonly string[]): Promise<void> {
  const query = db.deleteFrom(documentTable(db));
  await (kinds ? query.where('kind', 'in', kinds) : query).execute();
}

/** The document ids of one kind (tests and the start-up check of the thread index). */
export async function searchDocumentIds(db: Executor, kind: string): Promise<Set<string>> {
  const rows = await db.selectFrom(documentTable(db)).select('doc_id').where('kind', '=', kind).execute();
  return new Set(rows.map((r) => r.doc_id));
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

/** One stem as a PostgreSQL tsquery, passed as a bound parameter (quoted all the same). */
function stemQuery(stem: string, prefix: boolean): string {
  return `'${stem.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

const tsWeights = sql`'{0.1, 0.1, 0.3, 1.0}'::float4[]`;

/**
 * PostgreSQL: the whole ranking in one statement (the formula of `rank`, in SQL). The database is
 * across a socket: sending every hit of every term to be ranked here would cost more than ranking
 * there (measured: `npm run bench search-repo`, ADR 0093). One pass over the kind's matches per stem:
 * the prefix query finds every document the exact one finds, so both ranks come from the same rows
 * (ADR 0105). In double precision throughout, as the SQLite path computes in JavaScript.
 */
async function postgresSearch(db: Executor, kind: string, stems: readonly string[], limit: number): Promise<ContentSearchHit[]> {
  const passes: RawBuilder<unknown>[] = stems.map((stem, i) => {
    const exact = sql`to_tsquery('simple', ${stemQuery(stem, false)})`;
    const name = sql.id(`m${i}`);
    if (stem.length < MIN_PREFIX_LENGTH)
      return sql`${name} as materialized (
        select doc_id, ts_rank(${tsWeights}, document, ${exact}, 1) as exact, null::float4 as prefix
        from content_search where kind = ${kind} and document @@ ${exact})`;
    const prefix = sql`to_tsquery('simple', ${stemQuery(stem, true)})`;
    return sql`${name} as materialized (
      select doc_id, case when document @@ ${exact} then ts_rank(${tsWeights}, document, ${exact}, 1) end as exact,
        ts_rank(${tsWeights}, document, ${prefix}, 1) as prefix
      from content_search where kind = ${kind} and document @@ ${prefix})`;
  });
  // Per document and stem the better of exact and prefix match: relevance relative to the best
  // document for that term, times the term's idf (its number of matches among the kind's documents).
  const relevance = (column: 'exact' | 'prefix', factor: number) => {
    const rank = sql.ref(column);
    return sql`${sql.lit(factor)}::float8 * coalesce(${rank}::float8 / nullif(max(${rank}) over (), 0)::float8, 0)
      * ln(1 + (total.n - count(${rank}) over () + 0.5::float8) / (count(${rank}) over () + 0.5::float8))`;
  };
  const hits: RawBuilder<unknown>[] = stems.map(
    (_, i) => sql`select doc_id, greatest(${relevance('exact', 1)}, ${relevance('prefix', PREFIX_FACTOR)}) as s
      from ${sql.id(`m${i}`)} cross join total`,
  );
  const { rows } = await sql<{ doc_id: string; matched: number | string; score: number | string }>`
    with ${sql.join(passes, sql`, `)},
    total as (select count(*)::float8 as n from content_search where kind = ${kind}),
    hits as (${sql.join(hits, sql` union all `)})
    select doc_id, count(*) as matched, sum(s) as score
    from hits
    group by doc_id
    order by count(*) desc, sum(s) desc, doc_id collate "C"
    limit ${limit}`.execute(db);
  return rows.map((row) => score(row.doc_id, Number(row.matched), Number(row.score)));
}

/** The score handed out: stems matched, plus the summed score squeezed into [0, 1). */
function score(id: string, matched: number, sum: number): ContentSearchHit {
  const s = Math.max(0, sum);
  return { id, score: matched + s / (1 + s) };
}

/** BM25's parameters, FTS5's own (k1 = 1,2, b = 0,75). */
const K1 = 1.2;
const B = 0.75;
/** A stem's weight by the column it stands in: title 10, summary 3, body 1 (the kind column 0). */
const COLUMN_WEIGHT = sql.raw(`case col when 'title' then 10 when 'summary' then 3 when 'body' then 1 else 0 end`);
/** The largest code point: a stem and this character bound the stems that begin with it. */
const LAST_CHARACTER = '\u{10FFFF}';

/**
 * SQLite: one kind's documents as the ranking needs them, kept in memory per database and kind as
 * long as the kind's token in `content_search_versions` stays the same (every write of a document
 * of the kind replaces it, by trigger, ADR 0100). Documents are numbered in the order of their ids
 * (code units), so a tie between two numbers is the tie between their ids.
 */
interface KindDocuments {
  token: number;
  /** rowid → number of the document */
  numberOf: Map<number, number>;
  ids: string[];
  /** Per number, the document's count of stems (the "document length" of BM25). */
  stemCounts: Float64Array;
  averageStems: number;
  firstRowid: number;
  lastRowid: number;
}

const keptDocuments = new WeakMap<Executor, Map<string, KindDocuments>>();

function kept(db: Executor): Map<string, KindDocuments> {
  let kinds = keptDocuments.get(db);
  if (!kinds) keptDocuments.set(db, (kinds = new Map()));
  return kinds;
}

/** The kind's documents and its token, read in one statement (so both belong to the same state). */
async function loadKindDocuments(db: Executor, kind: string): Promise<KindDocuments | null> {
  const { rows } = await sql<{ token: number | null; docs: string }>`select
    (select token from content_search_versions where kind = ${kind}) as token,
    (select json_group_array(json_array(id, doc_id, stems)) from content_search_docs where kind = ${kind}) as docs`.execute(db);
  const token = rows[0]?.token;
  if (token === null || token === undefined) return null;
  const docs = (JSON.parse(rows[0]!.docs) as Array<[number, string, number]>).sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const numberOf = new Map<number, number>();
  const stemCounts = new Float64Array(docs.length);
  let sum = 0;
  let firstRowid = Number.POSITIVE_INFINITY;
  let lastRowid = Number.NEGATIVE_INFINITY;
  docs.forEach(([rowid, , stems], i) => {
    numberOf.set(rowid, i);
    stemCounts[i] = stems;
    sum += stems;
    firstRowid = Math.min(firstRowid, rowid);
    lastRowid = Math.max(lastRowid, rowid);
  });
  return {
    token,
    numberOf,
    ids: docs.map(([, id]) => id),
    stemCounts,
    averageStems: docs.length ? sum / docs.length : 0,
    firstRowid,
    lastRowid,
  };
}

/**
 * Per stem, the documents where it occurs, from FTS5's own index (`content_search_terms`, an
 * fts5vocab table: one row per occurrence): per document the weighted count of the stem itself (e)
 * and of every stem beginning with it (p), as one JSON array. The first row is the kind's token.
 * The rows of the kind's rowid range only (when known); other kinds' rows inside it drop out later.
 */
async function stemOccurrences(db: Executor, kind: string, stems: readonly string[], range: KindDocuments | undefined) {
  const inRange = range ? sql` and doc between ${range.firstRowid} and ${range.lastRowid}` : sql``;
  const perStem = stems.map((stem, i) => {
    const terms = stem.length >= MIN_PREFIX_LENGTH ? sql`term >= ${stem} and term < ${stem + LAST_CHARACTER}` : sql`term = ${stem}`;
    return sql`select ${sql.lit(i)} as stem, json_group_array(json_array(doc, e, p)) as hits from (
      select doc, sum(case when term = ${stem} then ${COLUMN_WEIGHT} else 0 end) as e, sum(${COLUMN_WEIGHT}) as p
      from content_search_terms where ${terms}${inRange} group by doc having p > 0)`;
  });
  const { rows } = await sql<{ stem: number; hits: string | number | null }>`
    select -1 as stem, (select token from content_search_versions where kind = ${kind}) as hits
    union all ${sql.join(perStem, sql` union all `)}`.execute(db);
  const token = rows.find((row) => row.stem === -1)?.hits;
  return {
    token: typeof token === 'number' ? token : null,
    perStem: rows.filter((row) => row.stem >= 0).map((row) => JSON.parse(String(row.hits)) as Array<[number, number, number]>),
  };
}

/**
 * SQLite (ADR 0100): the ranking of the module comment with BM25's term factor computed here from
 * the index's occurrences, f / (f + k1 · (1 − b + b · stems / average stems)) with f the
 * column-weighted count, relative to the term's best document (FTS5's bm25() gives the same factor
 * times the term's idf, which the relation cancels, but reads each document's size for every hit).
 */
async function sqliteSearch(db: Executor, kind: string, stems: readonly string[], limit: number): Promise<ContentSearchHit[]> {
  const kinds = kept(db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const docs = kinds.get(kind);
    const found = await stemOccurrences(db, kind, stems, docs);
    if (found.token === null) return [];
    if (docs?.token === found.token) return rankOccurrences(docs, stems, found.perStem, limit);
    // Written since (or never read): read the kind's documents again, then the occurrences.
    const fresh = await loadKindDocuments(db, kind);
    if (fresh) kinds.set(kind, fresh);
    else kinds.delete(kind);
  }
  throw new Error(`Suchindex der Art ${kind}: die Dokumente änderten sich bei jedem Lesen.`);
}

function rankOccurrences(
  docs: KindDocuments,
  stems: readonly string[],
  perStem: ReadonlyArray<Array<[number, number, number]>>,
  limit: number,
): ContentSearchHit[] {
  const total = docs.ids.length;
  const idf = (hits: number) => Math.log(1 + (total - hits + 0.5) / (hits + 0.5));
  // Per document: the stems it matched and its summed score; per stem, its score for the stem.
  const matched = new Uint8Array(total);
  const sum = new Float64Array(total);
  const ofStem = new Float64Array(total).fill(-1);
  const touched: number[] = [];
  perStem.forEach((occurrences, i) => {
    const prefix = stems[i]!.length >= MIN_PREFIX_LENGTH;
    // Relevance per document, exact and as a prefix, each then taken relative to its best document.
    const exact: Array<[number, number]> = [];
    const begins: Array<[number, number]> = [];
    let topExact = 0;
    let topBegins = 0;
    for (const [rowid, e, p] of occurrences) {
      const n = docs.numberOf.get(rowid);
      if (n === undefined) continue;
      const norm = K1 * (1 - B + (B * docs.stemCounts[n]!) / (docs.averageStems || 1));
      if (e > 0) {
        const r = e / (e + norm);
        exact.push([n, r]);
        topExact = Math.max(topExact, r);
      }
      if (prefix) {
        const r = p / (p + norm);
        begins.push([n, r]);
        topBegins = Math.max(topBegins, r);
      }
    }
    // Exact or as a prefix: the better of the two (a prefix match includes every exact one).
    const idfExact = idf(exact.length);
    for (const [n, r] of exact) ofStem[n] = (r / topExact) * idfExact;
    const idfBegins = idf(begins.length);
    for (const [n, r] of begins) ofStem[n] = Math.max(ofStem[n]!, PREFIX_FACTOR * (r / topBegins) * idfBegins);
    for (const [n] of prefix ? begins : exact) {
      if (matched[n] === 0) touched.push(n);
      matched[n]!++;
      sum[n]! += ofStem[n]!;
      ofStem[n] = -1;
    }
  });
  touched.sort((a, b) => matched[b]! - matched[a]! || sum[b]! - sum[a]! || a - b);
  return touched.slice(0, limit).map((n) => score(docs.ids[n]!, matched[n]!, sum[n]!));
}

/** The documents of one kind matching any of the stems, best first (see the module comment). */
export async function searchContent(db: Executor, kind: string, stems: readonly string[], limit = 50): Promise<ContentSearchHit[]> {
  const clean = cleanStems(stems);
  if (clean.length === 0 || limit <= 0) return [];
  if (dialectOf(db) !== 'postgres') return sqliteSearch(db, kind, clean, Math.floor(limit));
  return postgresSearch(db, kind, clean, Math.floor(limit));
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
