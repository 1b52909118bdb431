/**
 * Full-text search with German stemming and relevance ranking, over any list of documents made of
 * weighted text fields (methods now, good examples later). Pure and in memory: the catalogue is
 * small and versioned as data, so an index is built once per content version (ADR 0040).
 *
 * Ranking: each query word is stemmed with the Snowball German stemmer (@orama/stemmers). A stem
 * matches a document stem exactly (full weight) or as part of a German compound ("jugend" in
 * "jugendbeteil", weaker). Per word: idf × saturated, field-weighted frequency; a document that
 * matches more of the query words ranks above one that matches a single word often.
 */
import { stemmer as germanStemmer } from '@orama/stemmers/german';

export const MAX_QUERY_LENGTH = 200;

/** Words too common to mean anything in a search over German texts. */
const stopWords = new Set(
  'aber alle als am an auch auf aus bei bin bis da damit das dass dem den der des die doch du durch ein eine einem einen einer eines er es fur für hat ich ihr im in ist ja kann man mit nach nicht noch nur ob oder sie sich so um und uns vom von vor was wenn wer wie wir wird zu zum zur über uber mehr sehr'.split(
    ' ',
  ),
);

export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length > 1 && !stopWords.has(w));
}

export function stem(word: string): string {
  return germanStemmer(word.toLowerCase().replace(/ß/g, 'ss'));
}

export interface SearchField {
  text: string;
  /** How much a hit in this field counts (name 5, summary 3, body 1 …). */
  weight: number;
}
export interface SearchDocument {
  id: string;
  fields: SearchField[];
}

export interface SearchIndex {
  ids: string[];
  /** stem → (document index → field-weighted frequency) */
  postings: Map<string, Map<number, number>>;
}

export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const postings = new Map<string, Map<number, number>>();
  documents.forEach((doc, index) => {
    for (const field of doc.fields) {
      for (const token of tokenize(field.text)) {
        const s = stem(token);
        let docs = postings.get(s);
        if (!docs) postings.set(s, (docs = new Map()));
        docs.set(index, (docs.get(index) ?? 0) + field.weight);
      }
    }
  });
  return { ids: documents.map((d) => d.id), postings };
}

export type ParsedQuery =
  | { kind: 'none' }
  | { kind: 'tooLong'; message: string }
  | { kind: 'noWords'; message: string }
  | { kind: 'words'; stems: string[] };

/** Reads what a person typed; never throws, whatever the input. */
export function parseQuery(raw: string | null | undefined): ParsedQuery {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'none' };
  if (text.length > MAX_QUERY_LENGTH) {
    return { kind: 'tooLong', message: `Ihr Suchbegriff ist zu lang. Bitte verwenden Sie höchstens ${MAX_QUERY_LENGTH} Zeichen.` };
  }
  const stems = [...new Set(tokenize(text).map(stem))].filter((s) => s.length > 1).slice(0, 12);
  if (stems.length === 0) {
    return {
      kind: 'noWords',
      message: 'Ihre Suche enthält keine Wörter, nach denen wir suchen können. Bitte geben Sie ein Stichwort ein.',
    };
  }
  return { kind: 'words', stems };
}

/** How well a document stem stands for a query stem: 1 exact, less as part of a compound, 0 not at all. */
export function stemMatch(queryStem: string, documentStem: string): number {
  if (queryStem === documentStem) return 1;
  if (queryStem.length >= 4 && documentStem.startsWith(queryStem)) return 0.7;
  if (queryStem.length >= 5 && documentStem.includes(queryStem)) return 0.5;
  if (documentStem.length >= 5 && queryStem.startsWith(documentStem)) return 0.5;
  return 0;
}

const K = 1.2;
const saturate = (tf: number) => (tf * (K + 1)) / (tf + K);

export interface SearchHit {
  id: string;
  score: number;
  matchedWords: number;
}

/** Documents matching at least one query stem, best first; ties keep the index order. */
export function search(index: SearchIndex, stems: readonly string[]): SearchHit[] {
  const total = index.ids.length;
  const scores = new Map<number, { score: number; matched: number }>();
  for (const queryStem of stems) {
    const best = new Map<number, number>();
    for (const [documentStem, docs] of index.postings) {
      const factor = stemMatch(queryStem, documentStem);
      if (factor === 0) continue;
      for (const [doc, tf] of docs) best.set(doc, Math.max(best.get(doc) ?? 0, factor * saturate(tf)));
    }
    if (best.size === 0) continue;
    const idf = Math.log(1 + (total - best.size + 0.5) / (best.size + 0.5));
    for (const [doc, value] of best) {
      const entry = scores.get(doc) ?? { score: 0, matched: 0 };
      entry.score += value * Math.max(idf, 0.05);
      entry.matched += 1;
      scores.set(doc, entry);
    }
  }
  return [...scores.entries()]
    .map(([doc, { score, matched }]) => ({ doc, id: index.ids[doc]!, score: score * (matched / stems.length), matchedWords: matched }))
    .sort((a, b) => b.matchedWords - a.matchedWords || b.score - a.score || a.doc - b.doc)
    .map(({ id, score, matchedWords }) => ({ id, score, matchedWords }));
}
