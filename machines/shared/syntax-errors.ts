import type { ErrorCode, YAMLError } from 'yaml';

/**
 * German sentences for syntax errors in what ministry staff paste into the test bench. The
 * parsers' English messages never reach the page: a YAML error is described by its code, a JSON
 * error by a small scan of its own that finds the position and the kind of the problem.
 */

export interface Position {
  line: number;
  column: number;
}

/** Line and column (both from 1) of a character offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

export const describePosition = (p: Position) => `Zeile ${p.line}, Spalte ${p.column}`;

// ---- YAML -------------------------------------------------------------------------------------

const yamlSentences: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'Ein Verweis (*Name) darf keinen Anker (&) und kein Tag (!) tragen.',
  BAD_ALIAS: 'Der Verweis (*Name) ist ungültig.',
  BAD_DIRECTIVE: 'Die Zeile mit „%“ ist keine gültige YAML-Anweisung.',
  BAD_DQ_ESCAPE: 'In einem Text in doppelten Anführungszeichen steht nach „\\“ ein Zeichen, das dort nicht erlaubt ist.',
  BAD_INDENT: 'Die Einrückung passt nicht: Einträge derselben Ebene müssen genau gleich weit eingerückt sein.',
  BAD_PROP_ORDER: 'Anker (&) und Tag (!) stehen an der falschen Stelle.',
  BAD_SCALAR_START:
    'Ein Wert beginnt mit einem Zeichen, das in YAML eine besondere Bedeutung hat; setzen Sie den Wert in Anführungszeichen.',
  BLOCK_AS_IMPLICIT_KEY:
    'Hier stehen zwei Doppelpunkte in einer Zeile; ein verschachtelter Eintrag gehört in eine eigene, weiter eingerückte Zeile.',
  BLOCK_IN_FLOW: 'Innerhalb von geschweiften oder eckigen Klammern sind keine eingerückten Blöcke erlaubt.',
  DUPLICATE_KEY: 'Ein Feld kommt auf derselben Ebene zweimal vor; jedes Feld darf dort nur einmal stehen.',
  IMPOSSIBLE: 'Die Eingabe lässt sich nicht als YAML lesen.',
  KEY_OVER_1024_CHARS: 'Ein Feldname ist länger als 1024 Zeichen; vermutlich fehlt ein Doppelpunkt oder ein Zeilenumbruch.',
  MISSING_CHAR:
    'Hier fehlt ein Zeichen, etwa ein Doppelpunkt nach dem Feldnamen, ein Komma, ein Anführungszeichen oder eine schließende Klammer.',
  MULTILINE_IMPLICIT_KEY:
    'Ein Feldname reicht über mehrere Zeilen; vermutlich fehlt ein Doppelpunkt, oder eine Klammer oder ein Anführungszeichen ist nicht geschlossen.',
  MULTIPLE_ANCHORS: 'Ein Wert hat mehr als einen Anker (&).',
  MULTIPLE_DOCS: 'Die Eingabe enthält mehrere YAML-Dokumente; der Prüfstand prüft einen Fall auf einmal.',
  MULTIPLE_TAGS: 'Ein Wert hat mehr als ein Tag (!).',
  NON_STRING_KEY: 'Ein Feldname muss ein einfacher Text sein, keine Liste und kein Objekt.',
  RESOURCE_EXHAUSTION: 'Die Eingabe ist zu groß oder verweist zu oft auf sich selbst.',
  TAB_AS_INDENT: 'Zum Einrücken sind in YAML nur Leerzeichen erlaubt, keine Tabulatoren.',
  TAG_RESOLVE_FAILED: 'Ein Tag (!) ist unbekannt oder passt nicht zum Wert.',
  UNEXPECTED_TOKEN: 'An dieser Stelle steht ein Zeichen, das hier nicht stehen darf.',
  BAD_COLLECTION_TYPE: 'Die Art der Liste oder des Objekts passt nicht zu ihrem Tag (!).',
};

const unclosedQuote = 'Ein Anführungszeichen ist nicht geschlossen.';
const unclosedFlow = (close: '}' | ']') =>
  `Eine mit „${close === '}' ? '{' : '['}“ geöffnete Klammer ist nicht mit „${close}“ geschlossen, bevor die nächste Zeile beginnt.`;

/**
 * The German sentence for a YAML error. The code decides; for the two codes that cover different
 * mistakes (an unclosed bracket or quote reported as indentation or missing character), the
 * library's message only picks the more precise sentence and is never shown.
 */
export function yamlErrorSentence(error: Pick<YAMLError, 'code' | 'message'>): string {
  const message = error.message;
  if (error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') {
    if (/^Flow map/.test(message)) return unclosedFlow('}');
    if (/^Flow sequence/.test(message)) return unclosedFlow(']');
    if (/quote/i.test(message)) return unclosedQuote;
  }
  return yamlSentences[error.code] ?? 'Die Eingabe lässt sich nicht als YAML lesen.';
}

/** "Zeile 4, Spalte 1" of a YAML error, counted in `text` (the error's offset is in `parsedText`, which starts `offset` characters later). */
export function yamlErrorPosition(error: Pick<YAMLError, 'pos' | 'linePos'>, text: string, offset = 0): string {
  if (error.pos) return describePosition(positionAt(text, offset + error.pos[0]));
  const start = error.linePos?.[0];
  return start ? describePosition({ line: start.line, column: start.col }) : 'Position unbekannt';
}

// ---- JSON -------------------------------------------------------------------------------------

export type JsonProblem =
  | 'end'
  | 'unterminatedString'
  | 'controlCharacter'
  | 'badEscape'
  | 'singleQuotes'
  | 'propertyName'
  | 'trailingComma'
  | 'colon'
  | 'objectSeparator'
  | 'arraySeparator'
  | 'value'
  | 'number'
  | 'afterEnd';

const jsonSentences: Record<JsonProblem, string> = {
  end: 'Der Text endet, bevor der Fall vollständig ist; es fehlt noch ein Wert oder eine schließende Klammer „}“ oder „]“.',
  unterminatedString: 'Ein Text in Anführungszeichen ist nicht mit „"“ geschlossen.',
  controlCharacter: 'Ein Text in Anführungszeichen enthält einen Zeilenumbruch oder Tabulator; schreiben Sie ihn als \\n oder \\t.',
  badEscape: 'In einem Text steht nach „\\“ ein Zeichen, das dort nicht erlaubt ist.',
  singleQuotes: 'JSON verlangt doppelte Anführungszeichen („"“), keine einfachen.',
  propertyName: 'Hier muss ein Feldname in doppelten Anführungszeichen stehen, zum Beispiel "facts".',
  trailingComma: 'Nach dem letzten Eintrag darf kein Komma stehen.',
  colon: 'Nach dem Feldnamen fehlt der Doppelpunkt „:“.',
  objectSeparator: 'Hier fehlt ein Komma zwischen zwei Feldern oder die schließende Klammer „}“.',
  arraySeparator: 'Hier fehlt ein Komma zwischen zwei Listeneinträgen oder die schließende Klammer „]“.',
  value: 'Hier muss ein Wert stehen: eine Zahl, ein Text in doppelten Anführungszeichen, true, false, null, ein Objekt oder eine Liste.',
  number: 'Die Zahl ist falsch geschrieben (Dezimalpunkt statt Komma, keine führende Null, kein Tausenderpunkt).',
  afterEnd: 'Nach dem Ende des Falls folgt noch weiterer Text.',
};

class JsonScanError {
  constructor(
    readonly offset: number,
    readonly problem: JsonProblem,
  ) {}
}

/**
 * Finds the first syntax error of a JSON text (by the grammar of RFC 8259), or null when the text
 * is valid JSON. Only the position and kind are of interest; no value is built.
 */
export function findJsonProblem(text: string): { offset: number; problem: JsonProblem } | null {
  let i = 0;
  const fail = (problem: JsonProblem, at = i): never => {
    throw new JsonScanError(at, problem);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const atEnd = () => i >= text.length;

  const string = () => {
    // text[i] is the opening quote
    i++;
    for (;;) {
      if (atEnd()) fail('unterminatedString');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\n' || c === '\r') fail('unterminatedString');
      if (c.charCodeAt(0) < 0x20) fail('controlCharacter');
      if (c === '\\') {
        const next = text[i + 1];
        if (next === undefined) fail('unterminatedString', i + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('badEscape');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(next!)) fail('badEscape');
        i += 2;
        continue;
      }
      i++;
    }
  };

  const number = () => {
    const start = i;
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) return fail('number');
    i += match[0].length;
    // "01" or "1.": the number goes on where JSON does not allow it.
    if (i < text.length && /[0-9.eE]/.test(text[i]!)) fail('number', start);
  };

  const value = (): void => {
    skipSpace();
    if (atEnd()) fail('end');
    const c = text[i]!;
    if (c === '{') return void object();
    if (c === '[') return void array();
    if (c === '"') return void string();
    if (c === "'") fail('singleQuotes');
    if (c === '-' || (c >= '0' && c <= '9')) return void number();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail('value');
  };

  const object = () => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (atEnd()) fail('end');
      if (text[i] === "'") fail('singleQuotes');
      if (text[i] === '}') fail('trailingComma');
      if (text[i] !== '"') fail('propertyName');
      string();
      skipSpace();
      if (atEnd()) fail('end');
      if (text[i] !== ':') fail('colon');
      i++;
      value();
      skipSpace();
      if (atEnd()) fail('end');
      if (text[i] === '}') {
        i++;
        return;
      }
      if (text[i] !== ',') fail('objectSeparator');
      i++;
    }
  };

  const array = () => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('trailingComma');
      value();
      skipSpace();
      if (atEnd()) fail('end');
      if (text[i] === ']') {
        i++;
        return;
      }
      if (text[i] !== ',') fail('arraySeparator');
      i++;
    }
  };

  try {
    value();
    skipSpace();
    if (!atEnd()) fail('afterEnd');
    return null;
  } catch (error) {
    if (error instanceof JsonScanError) return { offset: error.offset, problem: error.problem };
    // Nesting too deep for the scan: the caller falls back to a sentence without position.
    return null;
  }
}

/** Where the JSON text goes wrong ("Zeile 1, Spalte 19", null if the scan finds nothing) and why, in German. */
export function describeJsonError(text: string, offset = 0): { position: string | null; sentence: string } {
  const found = findJsonProblem(text.slice(offset));
  if (!found) return { position: null, sentence: 'Die Eingabe lässt sich nicht als JSON lesen.' };
  return { position: describePosition(positionAt(text, offset + found.offset)), sentence: jsonSentences[found.problem] };
}
