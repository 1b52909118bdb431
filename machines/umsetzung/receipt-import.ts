import { columnFromForm, readTable as readSharedTable, suggestColumns, type Table } from '../shared/csv-import';
import type { Bescheid } from './bescheid';
import { parseReceiptForm, receiptFieldLabels, type Receipt, type ReceiptField, type ReceiptFormValues } from './receipts';

/**
 * Importing receipts from a CSV file (issue 19 Nr. 2, ADR 0063): a municipal finance export or a
 * spreadsheet, in whatever columns it has. The file is decoded (UTF-8, or Windows-1252 as older
 * finance systems write it), split by papaparse (delimiter detected, quotes honoured), its columns
 * mapped onto the fields of the Belegliste, and every row checked by the same rules as a receipt
 * typed by hand. Nothing is stored here; the caller stores the rows that passed.
 */

export { MAX_IMPORT_BYTES } from '../shared/csv-import';
export const MAX_IMPORT_ROWS = 2_000;

/** The receipts' file as a header and rows (shared reader, ADR 0063/0078). */
export function readTable(text: string): Table {
  return readSharedTable(text, { maxRows: MAX_IMPORT_ROWS, rowsName: 'Belege' });
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

// The more specific names first: "Zahlungsdatum" must not be taken for the invoice date.
const hints = [
  ['paidOn', /zahlungsdatum|zahldatum|bezahlt|wertstellung|valuta|buchungstag/i],
  ['orderedOn', /auftrag|bestell/i],
  ['invoicedOn', /rechnungsdatum|belegdatum|rechnung vom|^datum$/i],
  ['netCents', /netto/i],
  ['grossCents', /brutto|^betrag|summe/i],
  ['payee', /empf(ä|ae)nger|kreditor|lieferant|beg(ü|ue)nstigt|zahlungspartner/i],
  ['line', /position|kostenart|kostenposition|haushaltsstelle|sachkonto|kategorie/i],
  ['purpose', /grund|verwendungszweck|buchungstext|zweck|beschreibung|text/i],
] as const;

/** A first mapping from the column names (each column used once); the person checks and changes it. */
export function suggestMapping(header: string[]): Mapping {
  const { line, ...columns } = suggestColumns(header, hints);
  return {
    columns,
    line: line === null ? null : { kind: 'column', index: line },
    negativeIsExpense: false,
  };
}

/** The mapping as the form posts it: `spalte-<field>` = column index or '', `position` = `spalte:<i>` | `position:<id>`. */
export function mappingFromForm(get: (name: string) => string | null, columnCount: number): Mapping {
  const column = (name: string) => columnFromForm(get(name), columnCount);
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
