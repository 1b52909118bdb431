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

/**
 * Words that begin German compounds in our texts, as their stems begin (lower case, umlauts
 * folded as the stemmer folds them). A compound is split only after one of these, so
 * "jugendbeteil" gives "beteil" and "burgerhaushalt" gives "haushalt", while "losverfahr" gives
 * "verfahr" but never "erfahr" (ADR 0077). Add a word when a search misses its compounds.
 */
const compoundHeads = [
  'alt',
  'arbeits',
  'bau',
  'beteiligungs',
  'bildungs',
  'burger',
  'burgerinnen',
  'dorf',
  'eltern',
  'einwohner',
  'entwicklungs',
  'familien',
  'frauen',
  'freizeit',
  'fuss',
  'garten',
  'gemeinde',
  'gemeinderat',
  'gesamt',
  'grun',
  'haus',
  'informations',
  'jugend',
  'kinder',
  'klima',
  'kommunal',
  'kreis',
  'kultur',
  'landes',
  'los',
  'mehrgenerationen',
  'misch',
  'mitmach',
  'nachbarschafts',
  'online',
  'orts',
  'park',
  'planungs',
  'platz',
  'projekt',
  'rad',
  'rats',
  'schul',
  'senioren',
  'spiel',
  'sport',
  'stadt',
  'stadtrat',
  'stadtteil',
  'strassen',
  'umwelt',
  'verkehrs',
  'vereins',
  'wohn',
  'zukunfts',
  'zukunft',
];
const MIN_PART_LENGTH = 4;

/**
 * The later parts of a compound stem, each a stem of its own: after a known head (and a linking
 * "s"), recursively. Indexed beside the word, they let "Beteiligung" find "Jugendbeteiligung".
 */
export function compoundParts(stem: string): string[] {
  const parts = new Set<string>();
  for (const head of compoundHeads) {
    if (!stem.startsWith(head)) continue;
    for (const tail of [stem.slice(head.length), ...(stem[head.length] === 's' ? [stem.slice(head.length + 1)] : [])]) {
      if (tail.length < MIN_PART_LENGTH) continue;
      parts.add(tail);
      for (const inner of compoundParts(tail)) parts.add(inner);
    }
  }
  return [...parts];
}
