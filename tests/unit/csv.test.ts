import { describe, expect, it } from 'vitest';
import { defused, toCsv } from '../../machines/shared/csv';

describe('CSV for German spreadsheets', () => {
  it('writes BOM, semicolons, CRLF and quotes where a field needs them', () => {
    expect(
      toCsv([
        ['Name', 'Betrag'],
        ['Müller; Söhne', '1.234,56'],
        ['Sagt "ja"', 'a\nb'],
      ]),
    ).toBe('\uFEFFName;Betrag\r\n"Müller; Söhne";1.234,56\r\n"Sagt ""ja""";"a\nb"\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x.example","klick")', `'=HYPERLINK("http://x.example","klick")`],
    ['+49 351 123', `'+49 351 123`],
    ['-1+1', `'-1+1`],
    ['@SUMME(A1)', `'@SUMME(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
  ])('defuses a cell that would run as a formula: %j', (cell, expected) => {
    expect(defused(cell)).toBe(expected);
  });

  it.each(['-100,00', '-5', '1.234,56', '0,5', 'Moderation Meier', '', 'Beginn - Ende'])('leaves numbers and text alone: %j', (cell) => {
    expect(defused(cell)).toBe(cell);
  });

  it('defuses inside the written file, quoting still applied', () => {
    expect(toCsv([['=1;2']])).toBe('\uFEFF"\'=1;2"\r\n');
  });
});
