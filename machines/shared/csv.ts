/**
 * CSV as German spreadsheet programs read it without an import dialog: UTF-8 with a byte order
 * mark (so Ä, ö, ß and € survive), semicolons between fields (the comma is the decimal sign),
 * CRLF line ends, and quotes around every field that contains a semicolon, a quote or a line break.
 *
 * Every export carries text someone else typed (a payee, a participant's organisation). A cell that
 * begins like a formula (`=`, `+`, `-`, `@`, tab, carriage return) would be run by Excel or
 * LibreOffice when the file is opened ("CSV injection"); such a cell is written with a leading
 * apostrophe, which spreadsheets show as text. Plain numbers (`-100,00`, `1.234,56`) stay numbers.
 */

const bom = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;
const germanNumber = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/** The cell as a spreadsheet shows it as text, never as a formula. */
export function defused(value: string): string {
  return formulaStart.test(value) && !germanNumber.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  const text = defused(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return `${bom + rows.map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
