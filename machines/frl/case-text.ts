import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document } from 'yaml';

/**
 * Case files are written by people used to German number formatting. YAML and JSON read `10.000`
 * as the number 10 and `1.234.567` as text, so a thousands separator would silently change an
 * amount by a factor of 1000 (or fail with a misleading message). These helpers look at the
 * source text of every plain scalar and refuse such numbers, naming the field.
 */

/** Digits grouped by points in threes: 10.000, 1.234.567 (a decimal number has other than 3 digits after the point). */
const thousandsSeparated = /^\d{1,3}(\.\d{3})+$/;

function message(path: string, source: string): string {
  const digits = source.replace(/\./g, '');
  return `${path || '(Fall)'}: ${source} ist mehrdeutig – schreiben Sie ${digits} (ohne Tausenderpunkt) oder ${digits}.00`;
}

function walk(node: unknown, path: string[], found: string[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      walk(pair.value, [...path, key], found);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => walk(item, [...path, String(index)], found));
  } else if (isScalar(node)) {
    // Quoted scalars are text on purpose; the schema says what it expects there.
    if (node.type === Scalar.PLAIN && typeof node.source === 'string' && thousandsSeparated.test(node.source)) {
      found.push(message(path.join('.'), node.source));
    }
  }
}

/**
 * One German message per number written with thousands separators, e.g.
 * „facts.budget.totalExpenditure: 10.000 ist mehrdeutig – schreiben Sie 10000 (ohne Tausenderpunkt) oder 10000.00“.
 */
export function thousandsSeparatorProblems(doc: Document.Parsed | Document): string[] {
  const found: string[] = [];
  walk(doc.contents, [], found);
  return found;
}

/**
 * The same check on the text of a single JSON or YAML document (JSON is YAML, and the YAML parser
 * keeps each number's source text, which JSON.parse does not). Unparseable text yields no problems
 * here: the caller's own parser reports it.
 */
export function thousandsSeparatorProblemsInText(text: string): string[] {
  const doc = parseDocument(text);
  return doc.errors.length ? [] : thousandsSeparatorProblems(doc);
}
