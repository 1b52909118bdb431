import Papa from 'papaparse';

/**
 * Reading an uploaded CSV file, shared by the imports (receipts, ADR 0063; cost lines, ADR 0078):
 * decoding (UTF-8, or Windows-1252 as older Excel and finance systems write it) and splitting by
 * papaparse (delimiter detected, quotes honoured). What the columns mean is each import's business.
 */

export const MAX_IMPORT_BYTES = 1_000_000;

export const importEncodings = ['auto', 'utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];
export const importEncodingLabel: Record<ImportEncoding, string> = {
  auto: 'Automatisch erkennen',
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (ältere Excel- und Finanzprogramme)',
};

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252'; guessed: boolean } | { ok: false; message: string };

/**
 * Windows-1252 at 0x80–0x9F (€ „ “ – ’ …), where it differs from ISO-8859-1. Node 20's
 * `TextDecoder('windows-1252')` decodes these bytes as C1 control characters (it takes the label
 * for Latin-1), so "€" became U+0080; the WHATWG table is applied here. The five bytes Windows-1252
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay the control characters WHATWG maps them to.
 */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80]! : byte);
    if (chunk.length === 8192) {
      text += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return text + String.fromCharCode(...chunk);
}

/**
 * The text of an uploaded file. "auto" reads UTF-8 (a byte order mark is dropped) and falls back to
 * Windows-1252 when the bytes are not valid UTF-8, saying so; an explicit choice is honoured, but
 * a file that is not valid UTF-8 is refused when UTF-8 was chosen (it would show as mojibake).
 * `contents` names what the file holds, for the messages ("den Belegen").
 */
export function decodeCsv(bytes: Uint8Array, encoding: ImportEncoding, contents = 'den Belegen'): Decoded {
  if (bytes.length === 0) return { ok: false, message: `Die Datei ist leer. Bitte wählen Sie die CSV-Datei mit ${contents}.` };
  if (bytes.length > MAX_IMPORT_BYTES)
    return { ok: false, message: 'Die Datei ist größer als 1 MB. Bitte teilen Sie sie auf, zum Beispiel nach Monaten.' };
  if (bytes.includes(0))
    return {
      ok: false,
      message:
        'Die Datei ist keine Textdatei (zum Beispiel eine Excel-Arbeitsmappe). Bitte speichern Sie sie in Ihrem Tabellenprogramm als „CSV (Trennzeichen-getrennt)“.',
    };
  if (encoding !== 'windows-1252') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      return { ok: true, text, encoding: 'utf-8', guessed: false };
    } catch {
      if (encoding === 'utf-8')
        return {
          ok: false,
          message:
            'Die Datei ist nicht in UTF-8 gespeichert. Bitte wählen Sie beim Zeichensatz „Windows-1252“ oder „Automatisch erkennen“.',
        };
    }
  }
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252', guessed: encoding === 'auto' };
}

export const windows1252Notice =
  'Die Datei ist nicht in UTF-8 gespeichert; wir haben sie als Windows-1252 gelesen (so speichern ältere Excel- und Finanzprogramme). Bitte prüfen Sie Umlaute in der Vorschau.';

export type Table = { ok: true; header: string[]; rows: string[][] } | { ok: false; message: string };

/**
 * Splits the text into a header and data rows; the delimiter (semicolon, comma, tab) is detected.
 * `rowsName` names the rows in messages ("Belege"), `maxRows` is the import's limit.
 */
export function readTable(text: string, options: { maxRows: number; rowsName: string }): Table {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: '',
    delimitersToGuess: [';', ',', '\t', '|'],
    skipEmptyLines: 'greedy',
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError)
    return {
      ok: false,
      message: `Zeile ${(quoteError.row ?? 0) + 1} der Datei hat ein Anführungszeichen, das nicht geschlossen wird. Bitte prüfen Sie die Datei.`,
    };
  const [header, ...rows] = parsed.data;
  if (!header || header.every((h) => !h.trim()))
    return { ok: false, message: 'Die Datei hat keine Kopfzeile. Die erste Zeile muss die Spaltennamen enthalten.' };
  if (rows.length === 0) return { ok: false, message: `Die Datei enthält nur die Kopfzeile, aber keine ${options.rowsName}.` };
  if (rows.length > options.maxRows)
    return {
      ok: false,
      message: `Die Datei enthält ${rows.length.toLocaleString('de-DE')} Zeilen; höchstens ${options.maxRows.toLocaleString('de-DE')} lassen sich auf einmal übernehmen. Bitte teilen Sie sie auf.`,
    };
  return { ok: true, header: header.map((h) => h.trim()), rows };
}

/** A column chosen in a mapping form: an index below `columnCount`, else none. */
export function columnFromForm(raw: string | null, columnCount: number): number | null {
  if (!raw || !/^\d{1,4}$/.test(raw)) return null;
  const index = Number(raw);
  return index < columnCount ? index : null;
}

/** Picks columns by name patterns in the given order, each column used once (the more specific names first). */
export function suggestColumns<F extends string>(header: string[], hints: ReadonlyArray<readonly [F, RegExp]>): Record<F, number | null> {
  const used = new Set<number>();
  const result = {} as Record<F, number | null>;
  for (const [field, pattern] of hints) {
    const index = header.findIndex((h, i) => !used.has(i) && pattern.test(h));
    result[field] = index < 0 ? null : index;
    if (index >= 0) used.add(index);
  }
  return result;
}
