import { describe, expect, it } from 'vitest';
import {
  costLineTemplate,
  costMappingFromForm,
  costMappingProblems,
  readCostRows,
  suggestCostMapping,
  summariseCostRows,
} from '../../machines/frl/application/cost-line-import';
import { emptyApplication, type ApplicationData } from '../../machines/frl/application/schema';
import { stepIssues, type StepContext } from '../../machines/frl/application/steps';
import { shippedParameters } from '../../machines/frl/parameters';
import { decodeCsv, readTable } from '../../machines/shared/csv-import';

// Issue 21 Nr. 3: the Ausgaben of the budget from a CSV file (ADR 0078).

function application(): ApplicationData {
  const data = emptyApplication();
  data.schedule.start = '2027-03-01';
  data.schedule.end = '2028-06-30';
  return data;
}

const context: StepContext = { table: shippedParameters, date: '2026-12-01', attachmentTypes: [] };
let counter = 0;
const newId = () => `neu${++counter}`;

const file = [
  'Kategorie;Beschreibung;Berechnung;Menge oder Stunden;Einzelpreis;Pauschalbetrag;Jahr;Anmerkung',
  'honorare;Moderation;Menge × Einzelpreis;2;1.234,56;;2027;',
  'ÖFFENTLICHKEITSARBEIT;"Plakate; Flyer";;;;850;2028;Angebot',
  'Personalausgaben;Koordination;;120,5;30,00;;2027;',
  'Catering;Imbiss;;1;100,00;;2027;',
  'Sachmittel;;;1;;;2031;',
  'Software / Digitales;Umfrage-Werkzeug;;;;1.000,00;2027;',
  'Honorare;Vortrag;Pauschalbetrag;1;500,00;;2027;',
].join('\r\n');

function read(text = file, data = application()) {
  const table = readTable(text, { maxRows: 500, rowsName: 'Ausgaben' });
  if (!table.ok) throw new Error(table.message);
  const mapping = suggestCostMapping(table.header);
  return { table, mapping, rows: readCostRows(table, mapping, data, newId) };
}

describe('mapping the columns', () => {
  it('suggests the template columns and the names of other spreadsheets, each column once', () => {
    expect(read().mapping).toEqual({ category: 0, description: 1, kind: 2, quantity: 3, unitPrice: 4, amount: 5, year: 6, note: 7 });
    // "Stundensatz" is the price, not the hours; "Kostenart" the category.
    expect(suggestCostMapping(['Kostenart', 'Bezeichnung', 'Stunden', 'Stundensatz', 'Summe', 'Haushaltsjahr'])).toEqual({
      category: 0,
      description: 1,
      kind: null,
      quantity: 2,
      unitPrice: 3,
      amount: 4,
      year: 5,
      note: null,
    });
  });

  it('reads the mapping from the form and names what is missing', () => {
    const get = (name: string) => ({ 'spalte-category': '0', 'spalte-description': '1', 'spalte-amount': '9' })[name] ?? null;
    const mapping = costMappingFromForm(get, 3);
    expect(mapping).toMatchObject({ category: 0, description: 1, amount: null, year: null });
    expect(costMappingProblems(mapping)).toEqual([
      'Bitte wählen Sie die Spalte für „Jahr“.',
      'Bitte wählen Sie die Spalten für „Menge oder Stunden“ und „Einzelpreis“ oder die Spalte für „Pauschalbetrag“.',
    ]);
  });
});

describe('checking every row like a line typed by hand', () => {
  it('reads German numbers, matches categories without case and computes each amount', () => {
    const { rows } = read();
    expect(rows[0]).toMatchObject({
      fileLine: 2,
      amountCents: 246_912,
      result: { ok: true, line: { category: 'honorare', kind: 'menge' } },
    });
    expect(rows[1]).toMatchObject({
      amountCents: 85_000,
      result: { ok: true, line: { category: 'oeffentlichkeitsarbeit', kind: 'pauschal', description: 'Plakate; Flyer', note: 'Angebot' } },
    });
    // A Personalausgabe counts hours: 120,5 Std. × 30,00 €.
    expect(rows[2]).toMatchObject({ amountCents: 361_500, result: { ok: true, line: { kind: 'personal', quantityMilli: 120_500 } } });
  });

  it('reports an unknown category, missing fields and a year outside the project with the budget step’s sentences', () => {
    const { rows } = read();
    expect(rows[3]!.result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^Kategorie: „Catering“ ist keine Kategorie des Plans\. Möglich sind: Personalausgaben, Honorare/)],
    });
    expect(rows[4]!.result).toEqual({
      ok: false,
      errors: [
        'Beschreibung: Bitte beschreiben Sie die Ausgabe.',
        'Einzelpreis: Bitte geben Sie den Einzelpreis an.',
        'Jahr: 2031 liegt außerhalb des Vorhabenzeitraums (2027–2028).',
      ],
    });
    // Software without a reason in the Vorhaben step, with the clause.
    expect(rows[5]!.result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^Kategorie: Software ist nur zuwendungsfähig.*\(FRL Teil 2 A II Nr\. 3\)$/)],
    });
    // A calculation that contradicts the numbers is the form row's question, not a guess.
    expect(rows[6]!.result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^Pauschalbetrag: Sie haben Menge oder Einzelpreis eingetragen/)],
    });
    expect(summariseCostRows(rows)).toEqual({ valid: 3, invalid: 4, validCents: 246_912 + 85_000 + 361_500 });
  });

  it('accepts a row exactly when the same line in the plan raises no line issue of the budget step', () => {
    const data = application();
    const { rows } = read(file, data);
    for (const row of rows) {
      if (!row.result.ok) continue;
      data.budget.lines = [row.result.line];
      expect(stepIssues('kosten', data, context).filter((i) => i.field.startsWith('lines['))).toEqual([]);
    }
  });

  it('refuses numbers that are not German amounts and an unknown calculation', () => {
    const { rows } = read(['Kategorie;Beschreibung;Berechnung;Menge;Einzelpreis;Jahr', 'Sachmittel;Papier;Stück;1;12,5x;2027'].join('\n'));
    expect(rows[0]!.result).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^Berechnung: „Stück“ ist unbekannt/), expect.stringMatching(/^Einzelpreis: /)],
    });
    expect(rows[0]!.amountCents).toBeNull();
  });
});

describe('the template', () => {
  it('is a Windows-1252-free UTF-8 file that reads back with the suggested mapping and valid example rows', () => {
    const rows = costLineTemplate(2027);
    const text = rows.map((r) => r.join(';')).join('\r\n');
    const decoded = decodeCsv(new TextEncoder().encode(`\uFEFF${text}`), 'auto');
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8' });
    const read2 = read(text);
    expect(costMappingProblems(read2.mapping)).toEqual([]);
    expect(read2.rows.every((r) => r.result.ok)).toBe(true);
  });
});
