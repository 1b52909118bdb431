/**
 * The words of a full-text search, pure: what a person typed becomes Snowball German stems
 * (@orama/stemmers) without stop words, and a document is a list of weighted text fields. The
 * index and the ranking live in the database (db/repositories/content-search.ts, ADR 0071 and
 * 0077); both sides stem with these functions, so a query and a document always agree.
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
