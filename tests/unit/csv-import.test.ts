import { describe, expect, it } from 'vitest';
import { columnFromForm, decodeCsv, decodeWindows1252, readTable, suggestColumns } from '../../machines/shared/csv-import';

// The shared reader of the CSV imports (ADR 0063 receipts, ADR 0078 cost lines).

describe('Windows-1252', () => {
  it('decodes 0x80–0x9F as Windows-1252 (€ „ “ – ’), not as Latin-1 control characters', () => {
    // Node 20's TextDecoder('windows-1252') returns U+0080 for 0x80; the import must not.
    const bytes = Uint8Array.from([0x80, 0x20, 0x84, 0x41, 0x93, 0x20, 0x96, 0x20, 0x92, 0x85, 0x8a, 0x9f, 0xe4, 0xdf]);
    expect(decodeWindows1252(bytes)).toBe('€ „A“ – ’…ŠŸäß');
    expect(decodeCsv(bytes, 'auto')).toEqual({ ok: true, text: '€ „A“ – ’…ŠŸäß', encoding: 'windows-1252', guessed: true });
    expect(decodeCsv(bytes, 'windows-1252')).toMatchObject({ text: '€ „A“ – ’…ŠŸäß', guessed: false });
  });

  it('keeps the five undefined bytes as WHATWG maps them and decodes long files in chunks', () => {
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
    const long = new Uint8Array(20_000).fill(0x80);
    expect(decodeWindows1252(long)).toBe('€'.repeat(20_000));
  });

  it('reads UTF-8 € as UTF-8 and names what the file should hold when it is empty', () => {
    expect(decodeCsv(new TextEncoder().encode('Preis;1.234,56 €'), 'auto')).toMatchObject({ text: 'Preis;1.234,56 €', encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array(), 'auto', 'den Ausgaben')).toMatchObject({ message: expect.stringMatching(/mit den Ausgaben\.$/) });
  });
});

describe('table and columns', () => {
  it('limits the rows and names them in the messages', () => {
    const text = ['A;B', ...Array.from({ length: 3 }, (_, i) => `${i};x`)].join('\n');
    expect(readTable(text, { maxRows: 2, rowsName: 'Ausgaben' })).toEqual({
      ok: false,
      message: 'Die Datei enthält 3 Zeilen; höchstens 2 lassen sich auf einmal übernehmen. Bitte teilen Sie sie auf.',
    });
    expect(readTable('A;B\n', { maxRows: 2, rowsName: 'Ausgaben' })).toMatchObject({ message: expect.stringMatching(/keine Ausgaben\./) });
  });

  it('suggests each column once, in the order of the hints, and reads a chosen column only if it exists', () => {
    const header = ['Einzelpreis', 'Preisart', 'Menge'];
    expect(
      suggestColumns(header, [
        ['unit', /einzelpreis/i],
        ['other', /preis/i],
        ['quantity', /menge/i],
        ['missing', /jahr/i],
      ]),
    ).toEqual({ unit: 0, other: 1, quantity: 2, missing: null });
    expect(columnFromForm('2', 3)).toBe(2);
    expect(columnFromForm('3', 3)).toBeNull();
    expect(columnFromForm('-1', 3)).toBeNull();
    expect(columnFromForm(null, 3)).toBeNull();
  });
});
