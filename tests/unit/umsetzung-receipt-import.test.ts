import { describe, expect, it } from 'vitest';
import { bescheidSchema, type Bescheid } from '../../machines/umsetzung/bescheid';
import { decodeCsv } from '../../machines/shared/csv-import';
import { mappingFromForm, mappingProblems, readRows, readTable, suggestMapping, summarise } from '../../machines/umsetzung/receipt-import';
import { storedBescheid } from '../support/umsetzung';

// Issue 19 Nr. 2: receipts from a CSV file (ADR 0063).

// The fixture's Bescheid (period 01.04.2026–31.03.2027, gross amounts) with a line named differently from its id.
const bescheid: Bescheid = bescheidSchema.parse({
  ...storedBescheid('A'),
  lines: [
    { id: 'honorare', label: 'Honorare', approvedCents: 600_000 },
    { id: 'druck', label: 'Öffentlichkeitsarbeit', approvedCents: 400_000 },
  ],
});

const finance = [
  'Belegdatum;Zahlungsdatum;Kreditor;Buchungstext;Kostenart;Betrag',
  '12.05.2026;20.05.2026;Moderation Meier;Workshop 1;Honorare;1.234,56',
  '"01.06.2026";;"Druckerei Süd; Inh. Lange";"Flyer ""Dorfplatz""";öffentlichkeitsarbeit;"250,00"',
  '15.03.2026;20.03.2026;Vorab GmbH;Raummiete;Honorare;100,00',
  '02.07.2026;03.07.2026;Caterer;Imbiss;Verpflegung;80,00',
].join('\r\n');

describe('reading the file', () => {
  it('reads UTF-8 (with or without byte order mark) and falls back to Windows-1252, saying so', () => {
    const utf8 = new TextEncoder().encode('\uFEFFEmpfänger;Betrag\r\nMüller;1,00');
    expect(decodeCsv(utf8, 'auto')).toEqual({ ok: true, text: 'Empfänger;Betrag\r\nMüller;1,00', encoding: 'utf-8', guessed: false });
    // "Müller" as Excel on Windows saves it: ü is the single byte 0xFC.
    const latin = Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(decodeCsv(latin, 'auto')).toEqual({ ok: true, text: 'Müller', encoding: 'windows-1252', guessed: true });
    expect(decodeCsv(latin, 'windows-1252')).toMatchObject({ text: 'Müller', guessed: false });
    expect(decodeCsv(latin, 'utf-8')).toEqual({ ok: false, message: expect.stringMatching(/nicht in UTF-8 gespeichert/) });
  });

  it('refuses an empty file, a spreadsheet workbook and a file over 1 MB with German messages', () => {
    expect(decodeCsv(new Uint8Array(), 'auto')).toMatchObject({ ok: false, message: expect.stringMatching(/leer/) });
    expect(decodeCsv(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]), 'auto')).toMatchObject({
      message: expect.stringMatching(/keine Textdatei/),
    });
    expect(decodeCsv(new Uint8Array(1_000_001).fill(0x41), 'auto')).toMatchObject({ message: expect.stringMatching(/größer als 1 MB/) });
  });

  it('detects the delimiter, honours quotes with semicolons and doubled quotes, and needs a header and a row', () => {
    const table = readTable(finance);
    if (!table.ok) throw new Error(table.message);
    expect(table.header).toEqual(['Belegdatum', 'Zahlungsdatum', 'Kreditor', 'Buchungstext', 'Kostenart', 'Betrag']);
    expect(table.rows[1]).toEqual(['01.06.2026', '', 'Druckerei Süd; Inh. Lange', 'Flyer "Dorfplatz"', 'öffentlichkeitsarbeit', '250,00']);
    expect(readTable('a,b\n1,2').ok && readTable('a,b\n1,2')).toMatchObject({ header: ['a', 'b'], rows: [['1', '2']] });
    expect(readTable('Datum;Betrag\r\n')).toEqual({ ok: false, message: 'Die Datei enthält nur die Kopfzeile, aber keine Belege.' });
    expect(readTable('a;b\n"offen;1')).toMatchObject({ ok: false, message: expect.stringMatching(/Anführungszeichen/) });
  });
});

describe('mapping the columns', () => {
  it('suggests a mapping from the column names, the payment date never taken for the invoice date', () => {
    const table = readTable(finance);
    if (!table.ok) throw new Error(table.message);
    expect(suggestMapping(table.header)).toEqual({
      columns: { invoicedOn: 0, paidOn: 1, orderedOn: null, payee: 2, purpose: 3, netCents: null, grossCents: 5 },
      line: { kind: 'column', index: 4 },
      negativeIsExpense: false,
    });
  });

  it('reads the posted mapping, ignoring columns the file does not have, and names what is missing', () => {
    const values: Record<string, string> = {
      'spalte-invoicedOn': '0',
      'spalte-payee': '9',
      'spalte-purpose': 'x',
      position: 'position:druck',
    };
    const mapping = mappingFromForm((n) => values[n] ?? null, 6);
    expect(mapping.columns).toMatchObject({ invoicedOn: 0, payee: null, purpose: null });
    expect(mapping.line).toEqual({ kind: 'fixed', lineId: 'druck' });
    expect(mappingProblems(mapping, bescheid)).toEqual([
      'Bitte wählen Sie die Spalte für „Empfänger“.',
      'Bitte wählen Sie die Spalte für „Grund der Zahlung“.',
      'Bitte wählen Sie die Spalte für „Betrag brutto“.',
    ]);
    expect(
      mappingProblems(
        mappingFromForm((n) => (n === 'position' ? 'position:neu' : null), 6),
        bescheid,
      ),
    ).toContain('Diese Position ist im Bescheid nicht bewilligt.');
  });
});

describe('checking every row like a receipt typed by hand', () => {
  const table = readTable(finance);
  if (!table.ok) throw new Error(table.message);
  const mapping = suggestMapping(table.header);

  it('takes de-DE amounts and dates, finds the line by its name, and refuses with the clause', () => {
    const rows = readRows(table, mapping, bescheid);
    expect(rows.map((r) => [r.fileLine, r.result.ok])).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    expect(rows[0]!.result).toMatchObject({ ok: true, receipt: { invoicedOn: '2026-05-12', grossCents: 123_456, lineId: 'honorare' } });
    expect(rows[1]!.result).toMatchObject({ ok: true, receipt: { lineId: 'druck', paidOn: null, payee: 'Druckerei Süd; Inh. Lange' } });
    expect(rows[2]!.result.ok === false && rows[2]!.result.errors.join(' ')).toMatch(
      /^Rechnungsdatum: .*außerhalb des Bewilligungszeitraums.*VwV zu § 44 SäHO Nr\. 4\.2\.5/,
    );
    expect(rows[3]!.result.ok === false && rows[3]!.result.errors.join(' ')).toMatch(
      /Position des Finanzierungsplans: .*nicht bewilligt.*Nr\. 1\.1/,
    );
    expect(summarise(rows)).toEqual({ valid: 2, invalid: 2, duplicates: 0 });
  });

  it('marks rows already in the Belegliste, and a row twice in the file once', () => {
    const first = readRows(table, mapping, bescheid)[0]!;
    if (!first.result.ok) throw new Error('row 2 should pass');
    const again = readRows({ rows: [table.rows[0]!, table.rows[1]!, table.rows[1]!] }, mapping, bescheid, [first.result.receipt]);
    expect(again.map((r) => r.duplicate)).toEqual([true, false, true]);
    expect(summarise(again)).toEqual({ valid: 1, invalid: 0, duplicates: 2 });
  });

  it('reads expenditure with a minus sign only when told to', () => {
    const statement = { rows: [['12.05.2026', '20.05.2026', 'Meier', 'Workshop', 'Honorare', '-1.234,56']] };
    expect(readRows(statement, mapping, bescheid)[0]!.result.ok).toBe(false);
    expect(readRows(statement, { ...mapping, negativeIsExpense: true }, bescheid)[0]!.result).toMatchObject({
      ok: true,
      receipt: { grossCents: 123_456 },
    });
  });
});
