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
 * Ranking, the same formula on both dialects: per query stem and document, the index's own
 * field-weighted relevance (FTS5 bm25 with column weights 10/3/1; PostgreSQL ts_rank with weights
 * A 1.0, B 0.3, C 0.1, divided by 1 + log of the document's length, as bm25 favours shorter
 * documents) relative to the best document for that stem, times the stem's idf among the
 * documents of the kind; exact and prefix match take the better of the two. A document that matches
 * more query stems ranks above one that matches fewer; within the same number the summed score
 * decides. The score handed out is `matched stems + s / (1 + s)`, so higher is better everywhere.
 * Ties go by the id in code-unit order. SQLite, in-process, finds the documents and their relevance
 * per term and the formula is applied in TypeScript (`rank`, ADR 0093: grouping thousands of hits in
 * SQLite cost more than finding them); PostgreSQL, across a socket, ranks in one statement and
 * returns only the hits asked for.
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

async function insertDocuments(db: Executor, kind: string, docs: readonly SearchDocument[]): Promise<void> {
  const rows = docs.map((doc) => ({ kind, doc_id: doc.id, ...searchColumns(doc) }));
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

interface Term {
  stemNo: number;
  prefix: boolean;
  stem: string;
}

/** One term as a full-text query of the dialect, passed as a bound parameter (quoted all the same). */
function termQuery(pg: boolean, term: Term, kind: string): string {
  if (pg) return `'${term.stem.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${term.prefix ? ':*' : ''}`;
  // The kind is an indexed FTS5 column: FTS5 intersects the term with the kind's documents itself, so
  // a search in a small kind does not score the matches of a large one (the stem only in the text
  // columns, so "method"* does not match the kind "methode"). The kind's phrase also matches kinds
  // that contain it ("thema" in "thema-titel"): sqliteDocIds keeps the kind's own documents only.
  const phrase = `{title summary body} : "${term.stem.replace(/"/g, '""')}"${term.prefix ? '*' : ''}`;
  const ofKind = kindPhrase(kind);
  return ofKind ? `kind : ${ofKind} AND ${phrase}` : phrase;
}

/** The kind as an FTS5 phrase, or null when it has no letter or digit (FTS5 would find no token). */
function kindPhrase(kind: string): string | null {
  return /[\p{L}\p{N}]/u.test(kind) ? `"${kind.replace(/"/g, '""')}"` : null;
}

/** What the index says about the terms: the kind's document count, and per term the matching documents with their relevance. */
interface TermHits {
  total: number;
  /** Per term (index into the terms), the matching documents of the kind and their relevance (higher is better). */
  hits: Array<Array<{ id: string; r: number }>>;
}

/**
 * PostgreSQL: the whole ranking in one statement (the formula of `rank`, in SQL). The database is
 * across a socket: sending every hit of every term to be ranked here would cost more than ranking
 * there (measured: `npm run bench search-repo`, ADR 0093).
 */
async function postgresSearch(db: Executor, kind: string, terms: readonly Term[], limit: number): Promise<ContentSearchHit[]> {
  const matches: RawBuilder<unknown>[] = terms.map((term, i) => {
    const query = termQuery(true, term, kind);
    return sql`${sql.id(`t${i}`)} as materialized (
      select doc_id, ts_rank('{0.1, 0.1, 0.3, 1.0}'::float4[], document, to_tsquery('simple', ${query}), 1) as r
      from content_search where kind = ${kind} and document @@ to_tsquery('simple', ${query}))`;
  });
  const hits: RawBuilder<unknown>[] = terms.map(
    (term, i) => sql`select doc_id, ${sql.lit(term.stemNo)} as stem_no, ${sql.lit(term.prefix ? PREFIX_FACTOR : 1)} as factor,
      cast(r as double precision) as r, cast(max(r) over () as double precision) as top, count(*) over () as n
      from ${sql.id(`t${i}`)}`,
  );
  const { rows } = await sql<{ doc_id: string; matched: number | string; score: number | string }>`
    with ${sql.join(matches, sql`, `)},
    hits as (${sql.join(hits, sql` union all `)}),
    total as (select count(*) as n from content_search where kind = ${kind}),
    per_stem as (
      select hits.doc_id, hits.stem_no,
        max(hits.factor * coalesce(hits.r / nullif(hits.top, 0), 0)
          * ln(1 + (total.n - hits.n + 0.5) / (hits.n + 0.5))) as s
      from hits cross join total
      group by hits.doc_id, hits.stem_no)
    select doc_id, count(*) as matched, sum(s) as score
    from per_stem
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

/**
 * SQLite: every term's matches by rowid and bm25 in one statement; then the kind's own documents
 * among them, from the covering index of `content_search_docs` (ADR 0096), which also gives the
 * kind's number of documents.
 */
async function sqliteHits(db: Executor, kind: string, terms: readonly Term[]): Promise<TermHits> {
  const phrase = kindPhrase(kind);
  const selects = terms.map(
    (term, i) => sql`select ${sql.lit(i)} as term, rowid as id, -bm25(content_search, 0, 0, 10, 3, 1) as r
      from content_search where content_search match ${termQuery(false, term, kind)}${phrase ? sql`` : sql` and kind = ${kind}`}`,
  );
  const { rows } = await sql<{ term: number; id: number; r: number }>`${sql.join(selects, sql` union all `)}`.execute(db);
  const hits: TermHits['hits'] = terms.map(() => []);
  if (rows.length === 0) return { total: 0, hits };
  const { total, docIds } = await sqliteDocIds(db, kind, [...new Set(rows.map((row) => row.id))]);
  for (const row of rows) {
    const id = docIds.get(row.id);
    if (id !== undefined) hits[row.term]!.push({ id, r: row.r });
  }
  return { total, hits };
}

/** Up to this many rows found, their ids are looked up one by one; beyond, the kind's ids are read in one pass. */
const LOOKUP_BY_ROWID = 500;

/**
 * The number of the kind's documents, and the document ids of the kind's rows among `rowids` (rows of
 * other kinds are left out). Both from the index on (kind, doc_id), which holds the rowid too. The
 * pairs come back as one JSON object (rowid → id): thousands of rows each made into an object cost
 * more than finding them.
 */
async function sqliteDocIds(db: Executor, kind: string, rowids: readonly number[]) {
  const ids =
    rowids.length <= LOOKUP_BY_ROWID
      ? sql`(select json_group_object(id, doc_id) from content_search_docs
          where id in (select value from json_each(${JSON.stringify(rowids)})) and kind = ${kind})`
      : sql`(select json_group_object(id, doc_id) from content_search_docs where kind = ${kind})`;
  const { rows } = await sql<{ n: number; ids: string | null }>`select
    (select count(*) from content_search_docs where kind = ${kind}) as n, ${ids} as ids`.execute(db);
  const docIds = new Map<number, string>();
  for (const [rowid, id] of Object.entries(JSON.parse(rows[0]?.ids ?? '{}') as Record<string, string>)) docIds.set(Number(rowid), id);
  return { total: Number(rows[0]?.n ?? 0), docIds };
}

/**
 * The ranking of the module comment (SQLite; postgresSearch has the same in SQL): per term a
 * document's relevance relative to the term's best document, times the stem's idf among the kind's `total` documents
 * (exact and prefix match: the better of the two, the prefix at PREFIX_FACTOR); per document the
 * number of stems matched, then the summed score, then the id.
 */
function rank(terms: readonly Term[], { total, hits }: TermHits): ContentSearchHit[] {
  const perStem = new Map<number, Map<string, number>>();
  terms.forEach((term, i) => {
    const found = hits[i]!;
    if (found.length === 0) return;
    let top = 0;
    for (const hit of found) top = Math.max(top, hit.r);
    const idf = Math.log(1 + (total - found.length + 0.5) / (found.length + 0.5));
    const factor = term.prefix ? PREFIX_FACTOR : 1;
    let scores = perStem.get(term.stemNo);
    if (!scores) perStem.set(term.stemNo, (scores = new Map()));
    for (const hit of found) {
      const s = factor * (top > 0 ? hit.r / top : 0) * idf;
      const before = scores.get(hit.id);
      if (before === undefined || s > before) scores.set(hit.id, s);
    }
  });
  const docs = new Map<string, { matched: number; sum: number }>();
  for (const scores of perStem.values())
    for (const [id, s] of scores) {
      const doc = docs.get(id);
      if (doc) {
        doc.matched++;
        doc.sum += s;
      } else docs.set(id, { matched: 1, sum: s });
    }
  return [...docs]
    .sort(([a, x], [b, y]) => y.matched - x.matched || y.sum - x.sum || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { matched, sum }]) => score(id, matched, sum));
}

/** The documents of one kind matching any of the stems, best first (see the module comment). */
export async function searchContent(db: Executor, kind: string, stems: readonly string[], limit = 50): Promise<ContentSearchHit[]> {
  const clean = cleanStems(stems);
  if (clean.length === 0 || limit <= 0) return [];
  const terms: Term[] = clean.flatMap((stem, stemNo) => [
    { stemNo, prefix: false, stem },
    ...(stem.length >= MIN_PREFIX_LENGTH ? [{ stemNo, prefix: true, stem }] : []),
  ]);
  if (dialectOf(db) === 'postgres') return postgresSearch(db, kind, terms, Math.floor(limit));
  return rank(terms, await sqliteHits(db, kind, terms)).slice(0, Math.floor(limit));
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
