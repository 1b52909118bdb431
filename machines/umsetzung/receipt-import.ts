import Papa from 'papaparse';
import type { Bescheid } from './bescheid';
import { parseReceiptForm, receiptFieldLabels, type Receipt, type ReceiptField, type ReceiptFormValues } from './receipts';

/**
 * Importing receipts from a CSV file (issue 19 Nr. 2, ADR 0063): a municipal finance export or a
 * spreadsheet, in whatever columns it has. The file is decoded (UTF-8, or Windows-1252 as older
 * finance systems write it), split by papaparse (delimiter detected, quotes honoured), its columns
 * mapped onto the fields of the Belegliste, and every row checked by the same rules as a receipt
 * typed by hand. Nothing is stored here; the caller stores the rows that passed.
 */

export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_IMPORT_ROWS = 2_000;

export const importEncodings = ['auto', 'utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];
export const importEncodingLabel: Record<ImportEncoding, string> = {
  auto: 'Automatisch erkennen',
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (ältere Excel- und Finanzprogramme)',
};

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252'; guessed: boolean } | { ok: false; message: string };

/**
 * The text of an uploaded file. "auto" reads UTF-8 (a byte order mark is dropped) and falls back to
 * Windows-1252 when the bytes are not valid UTF-8, saying so; an explicit choice is honoured, but
 * a file that is not valid UTF-8 is refused when UTF-8 was chosen (it would show as mojibake).
 */
export function decodeCsv(bytes: Uint8Array, encoding: ImportEncoding): Decoded {
  if (bytes.length === 0) return { ok: false, message: 'Die Datei ist leer. Bitte wählen Sie die CSV-Datei mit den Belegen.' };
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
  return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', guessed: encoding === 'auto' };
}

export type Table = { ok: true; header: string[]; rows: string[][] } | { ok: false; message: string };

/** Splits the text into a header and data rows; the delimiter (semicolon, comma, tab) is detected. */
export function readTable(text: string): Table {
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
  if (rows.length === 0) return { ok: false, message: 'Die Datei enthält nur die Kopfzeile, aber keine Belege.' };
  if (rows.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      message: `Die Datei enthält ${rows.length.toLocaleString('de-DE')} Zeilen; höchstens ${MAX_IMPORT_ROWS.toLocaleString('de-DE')} lassen sich auf einmal übernehmen. Bitte teilen Sie sie auf.`,
    };
  return { ok: true, header: header.map((h) => h.trim()), rows };
}

/** The fields a column can be mapped to; the Position has its own choice (a column or one line for all). */
export const mappableFields = ['invoicedOn', 'paidOn', 'orderedOn', 'payee', 'purpose', 'netCents', 'grossCents'] as const;
export type MappableField = (typeof mappableFields)[number];

export interface Mapping {
  /** Column index per field, or null when the file has no such column. */
  columns: Record<MappableField, number | null>;
  /** `column` with an index, or one approved line for every row. */
  line: { kind: 'column'; index: number } | { kind: 'fixed'; lineId: string } | null;
  /** Bank statements and ledgers show expenditure with a minus sign. */
  negativeIsExpense: boolean;
}

const hints: Record<MappableField | 'line', RegExp> = {
  invoicedOn: /rechnungsdatum|belegdatum|rechnung vom|^datum$/i,
  paidOn: /zahlungsdatum|zahldatum|bezahlt|wertstellung|valuta|buchungstag/i,
  orderedOn: /auftrag|bestell/i,
  payee: /empf(ä|ae)nger|kreditor|lieferant|beg(ü|ue)nstigt|zahlungspartner/i,
  purpose: /grund|verwendungszweck|buchungstext|zweck|beschreibung|text/i,
  netCents: /netto/i,
  grossCents: /brutto|^betrag|summe/i,
  line: /position|kostenart|kostenposition|haushaltsstelle|sachkonto|kategorie/i,
};

/** A first mapping from the column names (each column used once); the person checks and changes it. */
export function suggestMapping(header: string[]): Mapping {
  const used = new Set<number>();
  const find = (pattern: RegExp) => {
    const index = header.findIndex((h, i) => !used.has(i) && pattern.test(h));
    if (index < 0) return null;
    used.add(index);
    return index;
  };
  // The more specific names first: "Zahlungsdatum" must not be taken for the invoice date.
  const paidOn = find(hints.paidOn);
  const orderedOn = find(hints.orderedOn);
  const invoicedOn = find(hints.invoicedOn);
  const netCents = find(hints.netCents);
  const grossCents = find(hints.grossCents);
  const payee = find(hints.payee);
  const line = find(hints.line);
  const purpose = find(hints.purpose);
  return {
    columns: { invoicedOn, paidOn, orderedOn, payee, purpose, netCents, grossCents },
    line: line === null ? null : { kind: 'column', index: line },
    negativeIsExpense: false,
  };
}

/** The mapping as the form posts it: `spalte-<field>` = column index or '', `position` = `spalte:<i>` | `position:<id>`. */
export function mappingFromForm(get: (name: string) => string | null, columnCount: number): Mapping {
  const column = (name: string) => {
    const raw = get(name) ?? '';
    if (!/^\d{1,4}$/.test(raw)) return null;
    const index = Number(raw);
    return index < columnCount ? index : null;
  };
  const columns = Object.fromEntries(mappableFields.map((f) => [f, column(`spalte-${f}`)])) as Mapping['columns'];
  const position = get('position') ?? '';
  const asColumn = /^spalte:(\d{1,4})$/.exec(position);
  const asLine = /^position:(.{1,40})$/.exec(position);
  const line =
    asColumn && Number(asColumn[1]) < columnCount
      ? ({ kind: 'column', index: Number(asColumn[1]) } as const)
      : asLine
        ? ({ kind: 'fixed', lineId: asLine[1]! } as const)
        : null;
  return { columns, line, negativeIsExpense: get('negativ') === 'on' };
}

/** What stops the mapping before any row is read: the fields every receipt needs. */
export function mappingProblems(mapping: Mapping, bescheid: Pick<Bescheid, 'vatDeductible' | 'lines'>): string[] {
  const problems: string[] = [];
  const need = (field: MappableField) => {
    if (mapping.columns[field] === null) problems.push(`Bitte wählen Sie die Spalte für „${receiptFieldLabels[field]}“.`);
  };
  need('invoicedOn');
  need('payee');
  need('purpose');
  need(bescheid.vatDeductible ? 'netCents' : 'grossCents');
  if (!mapping.line) problems.push('Bitte wählen Sie, woraus sich die Position des Finanzierungsplans ergibt.');
  else if (mapping.line.kind === 'fixed' && !bescheid.lines.some((l) => l.id === (mapping.line as { lineId: string }).lineId))
    problems.push('Diese Position ist im Bescheid nicht bewilligt.');
  return problems;
}

/** A cell naming a line: its label or its id, compared without case and surrounding space. */
function lineIdFor(cell: string, bescheid: Pick<Bescheid, 'lines'>): string {
  const wanted = cell.trim().toLocaleLowerCase('de-DE');
  const line = bescheid.lines.find(
    (l) => l.label.trim().toLocaleLowerCase('de-DE') === wanted || l.id.toLocaleLowerCase('de-DE') === wanted,
  );
  // An unknown name stays as it is, so the check says that this line is not approved.
  return line?.id ?? (cell.trim() || '');
}

export interface ImportRow {
  /** The line of the file (the header is line 1). */
  fileLine: number;
  cells: string[];
  result: { ok: true; receipt: Omit<Receipt, 'id'> } | { ok: false; errors: string[] };
  /** Already in the Belegliste with the same date, payee, purpose, line and amounts (a second import of the same export). */
  duplicate: boolean;
}

type ReceiptKey = Pick<Receipt, 'invoicedOn' | 'payee' | 'purpose' | 'lineId' | 'netCents' | 'grossCents'>;
export const receiptKey = (r: ReceiptKey) => [r.invoicedOn, r.payee, r.purpose, r.lineId, r.netCents, r.grossCents].join('\u0000');

/** Every data row read through the mapping and checked like a receipt typed by hand. */
export function readRows(
  table: { rows: string[][] },
  mapping: Mapping,
  bescheid: Bescheid,
  existing: ReadonlyArray<ReceiptKey> = [],
): ImportRow[] {
  const known = new Set(existing.map(receiptKey));
  const seen = new Set<string>();
  return table.rows.map((cells, i) => {
    const cell = (index: number | null) => (index === null ? '' : (cells[index] ?? '').trim());
    const amount = (index: number | null) => {
      const v = cell(index);
      return mapping.negativeIsExpense ? v.replace(/^[-−–]\s*/, '') : v;
    };
    const values: ReceiptFormValues = {
      invoicedOn: cell(mapping.columns.invoicedOn),
      paidOn: cell(mapping.columns.paidOn),
      orderedOn: cell(mapping.columns.orderedOn),
      payee: cell(mapping.columns.payee),
      purpose: cell(mapping.columns.purpose),
      netCents: amount(mapping.columns.netCents),
      grossCents: amount(mapping.columns.grossCents),
      lineId: mapping.line?.kind === 'fixed' ? mapping.line.lineId : mapping.line ? lineIdFor(cell(mapping.line.index), bescheid) : '',
    };
    const parsed = parseReceiptForm(values, bescheid);
    if (!parsed.ok) {
      const errors = (Object.entries(parsed.errors) as Array<[ReceiptField, string]>).map(
        ([field, message]) => `${receiptFieldLabels[field]}: ${message}`,
      );
      return { fileLine: i + 2, cells, result: { ok: false, errors }, duplicate: false };
    }
    const key = receiptKey(parsed.receipt);
    // The same row twice in the file counts once as well.
    const duplicate = known.has(key) || seen.has(key);
    seen.add(key);
    return { fileLine: i + 2, cells, result: parsed, duplicate };
  });
}

export interface ImportSummary {
  valid: number;
  invalid: number;
  duplicates: number;
}

export function summarise(rows: ReadonlyArray<ImportRow>): ImportSummary {
  return {
    valid: rows.filter((r) => r.result.ok && !r.duplicate).length,
    invalid: rows.filter((r) => !r.result.ok).length,
    duplicates: rows.filter((r) => r.duplicate).length,
  };
}
