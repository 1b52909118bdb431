import { parseAllDocuments, type ErrorCode } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readBenchInput } from '../../machines/frl/regelwerk/bench';
import { describeJsonError, findJsonProblem, positionAt, yamlErrorSentence } from '../../machines/shared/syntax-errors';

/** Words of the parsers' English messages that must never reach the page. */
const english =
  /\b(must|expected|unexpected|missing|unterminated|invalid|line|column|position|token|property|indented|sufficiently|allowed|keys?|the|after|of|JSON input)\b/i;

function messagesOf(text: string): string[] {
  const input = readBenchInput(text);
  if (input.kind !== 'error') throw new Error(`error expected for ${JSON.stringify(text)}`);
  return input.messages;
}

describe('test bench: YAML errors in German', () => {
  it('names an unclosed brace with line and column (where the line ends) and drops the English message', () => {
    const [message, ...rest] = messagesOf('referenceDate: 2026-11-22\nfacts:\n  applicant: { kind: gemeinde\n');
    expect(rest).toEqual([]);
    expect(message).toBe(
      'Der Fall ist kein gültiges YAML (Zeile 3, Spalte 30): Eine mit „{“ geöffnete Klammer ist nicht mit „}“ geschlossen, bevor die nächste Zeile beginnt.',
    );
    expect(message).not.toMatch(english);
  });

  it.each([
    ['a: [1, 2\n', 'Zeile 1, Spalte 9', 'Eine mit „[“ geöffnete Klammer ist nicht mit „]“ geschlossen'],
    ['a: 1\na: 2\n', 'Zeile 2, Spalte 1', 'Ein Feld kommt auf derselben Ebene zweimal vor'],
    ['a:\n\tb: 1\n', 'Zeile 2, Spalte 1', 'nur Leerzeichen erlaubt, keine Tabulatoren'],
    ['facts:\n  applicant:\n    kind: x\n   landkreis: y\n', 'Zeile 4, Spalte 1', 'Die Einrückung passt nicht'],
    ['a: "x\n', 'Zeile 1, Spalte 6', 'Ein Anführungszeichen ist nicht geschlossen.'],
    ['a: b: c\n', 'Zeile 1, Spalte 4', 'zwei Doppelpunkte in einer Zeile'],
    ['a: @x\n', 'Zeile 1, Spalte 4', 'setzen Sie den Wert in Anführungszeichen'],
  ])('%j: %s, German sentence', (text, position, sentence) => {
    const [message] = messagesOf(text);
    expect(message).toContain(`Der Fall ist kein gültiges YAML (${position}): `);
    expect(message).toContain(sentence);
    expect(message).not.toMatch(english);
  });

  it('counts lines in the text as entered, blank lines before the case included', () => {
    expect(messagesOf('\n\nreferenceDate: 2026-11-22\nfacts:\n  applicant: { kind: gemeinde\n')[0]).toContain('(Zeile 5, Spalte 30)');
  });

  it('has a German sentence for every error code of the YAML library', () => {
    const codes: ErrorCode[] = [
      'ALIAS_PROPS',
      'BAD_ALIAS',
      'BAD_DIRECTIVE',
      'BAD_DQ_ESCAPE',
      'BAD_INDENT',
      'BAD_PROP_ORDER',
      'BAD_SCALAR_START',
      'BLOCK_AS_IMPLICIT_KEY',
      'BLOCK_IN_FLOW',
      'DUPLICATE_KEY',
      'IMPOSSIBLE',
      'KEY_OVER_1024_CHARS',
      'MISSING_CHAR',
      'MULTILINE_IMPLICIT_KEY',
      'MULTIPLE_ANCHORS',
      'MULTIPLE_DOCS',
      'MULTIPLE_TAGS',
      'NON_STRING_KEY',
      'RESOURCE_EXHAUSTION',
      'TAB_AS_INDENT',
      'TAG_RESOLVE_FAILED',
      'UNEXPECTED_TOKEN',
      'BAD_COLLECTION_TYPE',
    ];
    for (const code of codes) {
      const sentence = yamlErrorSentence({ code, message: 'Something must be expected at line 1, column 1' });
      expect(sentence, code).toMatch(/^[A-ZÄÖÜ].*\.$/);
      expect(sentence, code).not.toMatch(english);
    }
    // A code a later library version might add still gets a German sentence.
    expect(yamlErrorSentence({ code: 'SOMETHING_NEW' as ErrorCode, message: 'Unexpected thing' })).toBe(
      'Die Eingabe lässt sich nicht als YAML lesen.',
    );
  });

  it('every error the library reports for a sample of broken cases comes out in German', () => {
    const samples = ['a: &x &y 1\n', 'a: "\\q"\n', 'referenceDate: 2026-11-22\nfacts:\n  a: 1\n{ b: 2 }\n', '[a, b\nc: 1\n', 'a: }\n'];
    for (const text of samples) {
      const docs = parseAllDocuments(text);
      const reported = (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors);
      expect(reported.length, text).toBeGreaterThan(0);
      for (const message of messagesOf(text)) {
        expect(message, text).toMatch(/^Der Fall ist kein gültiges YAML \(Zeile \d+, Spalte \d+\): /);
        expect(message, text).not.toMatch(english);
      }
    }
  });

  it('refuses an alias without its anchor in German instead of failing', () => {
    const [message] = messagesOf('referenceDate: 2026-11-22\nfacts: *fehlt\n');
    expect(message).toContain('Der Fall ist kein gültiges YAML');
    expect(message).not.toMatch(english);
  });
});

describe('test bench: JSON errors in German', () => {
  it.each([
    ['{"referenceDate": ', 'Zeile 1, Spalte 19', 'Der Text endet, bevor der Fall vollständig ist'],
    ['{"referenceDate": "2026-11-22",}', 'Zeile 1, Spalte 32', 'Nach dem letzten Eintrag darf kein Komma stehen.'],
    ['{referenceDate: 1}', 'Zeile 1, Spalte 2', 'Hier muss ein Feldname in doppelten Anführungszeichen stehen'],
    ["{'referenceDate': 1}", 'Zeile 1, Spalte 2', 'JSON verlangt doppelte Anführungszeichen'],
    ['{"referenceDate" "x"}', 'Zeile 1, Spalte 18', 'Nach dem Feldnamen fehlt der Doppelpunkt'],
    ['{\n  "a": 1\n  "b": 2\n}', 'Zeile 3, Spalte 3', 'Hier fehlt ein Komma zwischen zwei Feldern'],
    ['{"a": [1 2]}', 'Zeile 1, Spalte 10', 'Hier fehlt ein Komma zwischen zwei Listeneinträgen'],
    ['{"a": tru}', 'Zeile 1, Spalte 7', 'Hier muss ein Wert stehen'],
    ['{"a": 1,5}', 'Zeile 1, Spalte 9', 'Hier muss ein Feldname in doppelten Anführungszeichen stehen'],
    ['{"a": 01}', 'Zeile 1, Spalte 7', 'Die Zahl ist falsch geschrieben'],
    ['{"a": "x', 'Zeile 1, Spalte 9', 'nicht mit „"“ geschlossen'],
    ['{"a": "x\ty"}', 'Zeile 1, Spalte 9', 'Zeilenumbruch oder Tabulator'],
    ['{"a": "\\x"}', 'Zeile 1, Spalte 8', 'nach „\\“ ein Zeichen'],
    ['{"a": 1} x', 'Zeile 1, Spalte 10', 'Nach dem Ende des Falls folgt noch weiterer Text.'],
  ])('%j: %s', (text, position, sentence) => {
    const messages = messagesOf(text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`Der Fall ist kein gültiges JSON (${position}): `);
    expect(messages[0]).toContain(sentence);
    expect(messages[0]).not.toMatch(english);
  });

  it('counts lines in the text as entered, blank lines before the case included', () => {
    expect(messagesOf('\n\n  {"referenceDate": ')[0]).toContain('(Zeile 3, Spalte 21)');
  });

  it('the scan agrees with JSON.parse on what is valid', () => {
    const samples = [
      '{}',
      '[]',
      '{"a":[1,-2.5e3,true,false,null,"\\u00e4\\n"]}',
      ' { "a" : { } } ',
      '0',
      '"x"',
      '-0.1E+2',
      '{',
      '{"a":}',
      '[1,]',
      '{"a":1,,"b":2}',
      '-',
      '1.',
      '1e',
      '.5',
      '+1',
      '{"a":"\\u12G4"}',
      'nul',
      '{"a":1}}',
      '"\n"',
    ];
    for (const text of samples) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonProblem(text) === null, text).toBe(valid);
    }
  });

  it('falls back to a German sentence without position when the scan finds nothing', () => {
    expect(describeJsonError('{}')).toEqual({ position: null, sentence: 'Die Eingabe lässt sich nicht als JSON lesen.' });
  });

  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
