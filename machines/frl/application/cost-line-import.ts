import { columnFromForm, suggestColumns } from '../../shared/csv-import';
import { costCategories, costLineKindLabel } from '../catalogues';
import { lineTotalCents } from './budget';
import type { ApplicationData, CostLine } from './schema';
import { costLineFormRow, costLineFromForm, costLineIssues, type CostLineFormRow } from './codecs/kosten';

/**
 * The Ausgaben of the Kosten- und Finanzierungsplan from a CSV file (issue 21 Nr. 3, ADR 0078).
 * The file is read by machines/shared/csv-import.ts; here its columns are mapped onto the fields of
 * a cost line and every row goes through the budget step's own form row (`costLineFormRow`: German
 * numbers, lengths, calculation) and completeness rules (`costLineIssues`), so a row is accepted
 * exactly when the same line typed by hand would be complete. Nothing is stored here.
 */

export const MAX_COST_IMPORT_ROWS = 500;
/** The schema's limit of cost lines in one plan. */
export const MAX_COST_LINES = 2000;

export const costImportFields = ['category', 'description', 'kind', 'quantity', 'unitPrice', 'amount', 'year', 'note'] as const;
export type CostImportField = (typeof costImportFields)[number];

/** The names of the fields, as the budget table's columns call them; also the template's header. */
export const costImportFieldLabel: Record<CostImportField, string> = {
  category: 'Kategorie',
  description: 'Beschreibung',
  kind: 'Berechnung',
  quantity: 'Menge oder Stunden',
  unitPrice: 'Einzelpreis',
  amount: 'Pauschalbetrag',
  year: 'Jahr',
  note: 'Anmerkung',
};

export type CostMapping = Record<CostImportField, number | null>;

// The more specific names first: "Stundensatz" is a price, not hours; "Kostenart" a category, not a calculation.
const hints = [
  ['category', /kategorie|kostenart|kostengruppe/i],
  ['kind', /berechnung/i],
  ['unitPrice', /einzelpreis|stundensatz|preis|satz/i],
  ['quantity', /menge|stunden|anzahl|stück/i],
  ['amount', /pauschal|betrag|summe|gesamt/i],
  ['year', /jahr/i],
  ['note', /anmerkung|bemerkung|hinweis|notiz/i],
  ['description', /beschreibung|bezeichnung|gegenstand|position|leistung|text/i],
] as const;

/** A first mapping from the column names (each column used once); the person checks and changes it. */
export function suggestCostMapping(header: string[]): CostMapping {
  return suggestColumns(header, hints);
}

/** The mapping as the form posts it: `spalte-<field>` = column index or ''. */
export function costMappingFromForm(get: (name: string) => string | null, columnCount: number): CostMapping {
  return Object.fromEntries(costImportFields.map((f) => [f, columnFromForm(get(`spalte-${f}`), columnCount)])) as CostMapping;
}

/** What stops the mapping before any row is read: the columns every line needs. */
export function costMappingProblems(mapping: CostMapping): string[] {
  const problems: string[] = [];
  for (const field of ['category', 'description', 'year'] as const)
    if (mapping[field] === null) problems.push(`Bitte wählen Sie die Spalte für „${costImportFieldLabel[field]}“.`);
  const calculated = mapping.quantity !== null && mapping.unitPrice !== null;
  if (!calculated && mapping.amount === null)
    problems.push('Bitte wählen Sie die Spalten für „Menge oder Stunden“ und „Einzelpreis“ oder die Spalte für „Pauschalbetrag“.');
  return problems;
}

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
const categoryByName = new Map(costCategories.flatMap((c) => [[fold(c.label), c.id] as const, [fold(c.id), c.id] as const]));
const kindByName = new Map<string, CostLine['kind']>([
  ...(Object.entries(costLineKindLabel) as Array<[CostLine['kind'], string]>).flatMap(([id, label]) => [
    [fold(label), id] as const,
    [fold(id), id] as const,
  ]),
  ['menge x einzelpreis', 'menge'],
  ['stunden × stundensatz', 'personal'],
  ['stunden x stundensatz', 'personal'],
  ['stunden', 'personal'],
  ['pauschale', 'pauschal'],
]);

export interface CostImportRow {
  /** The line of the file (the header is line 1). */
  fileLine: number;
  cells: string[];
  /** The line's amount as the budget computes it; null when its numbers cannot be read. */
  amountCents: number | null;
  result: { ok: true; line: CostLine } | { ok: false; errors: string[] };
}

/**
 * Every data row read through the mapping and checked like a line typed into the budget step.
 * A category is matched by its name or id without case; the calculation comes from its column,
 * else from the row: a Pauschalbetrag alone is a lump sum, a Personalausgabe counts hours.
 */
export function readCostRows(
  table: { rows: string[][] },
  mapping: CostMapping,
  data: ApplicationData,
  newId: () => string,
): CostImportRow[] {
  const schema = costLineFormRow(newId);
  return table.rows.map((cells, i) => {
    const cell = (field: CostImportField) => {
      const index = mapping[field];
      const value = index === null ? '' : (cells[index] ?? '').trim();
      return value === '' ? undefined : value;
    };
    const errors: string[] = [];
    const categoryCell = cell('category');
    const category = categoryCell === undefined ? undefined : categoryByName.get(fold(categoryCell));
    if (categoryCell === undefined) errors.push('Kategorie: Bitte geben Sie die Kategorie an.');
    else if (!category)
      errors.push(
        `Kategorie: „${categoryCell}“ ist keine Kategorie des Plans. Möglich sind: ${costCategories.map((c) => c.label).join(', ')}.`,
      );
    const kindCell = cell('kind');
    let kind: CostLine['kind'] | undefined = kindCell === undefined ? undefined : kindByName.get(fold(kindCell));
    if (kindCell !== undefined && !kind)
      errors.push(
        `Berechnung: „${kindCell}“ ist unbekannt. Möglich sind: ${Object.values(costLineKindLabel)
          .map((l) => `„${l}“`)
          .join(', ')}.`,
      );
    if (kind === undefined) {
      const lumpSum = cell('amount') !== undefined && cell('quantity') === undefined && cell('unitPrice') === undefined;
      kind = lumpSum ? 'pauschal' : category === 'personal' ? 'personal' : 'menge';
    }
    const parsed = schema.safeParse({
      category: category ?? 'sonstiges',
      kind,
      description: cell('description'),
      quantity: cell('quantity'),
      unitPrice: cell('unitPrice'),
      amount: cell('amount'),
      year: cell('year'),
      note: cell('note'),
    });
    const fileLine = i + 2;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof CostLineFormRow;
        const label = field in costImportFieldLabel ? costImportFieldLabel[field as CostImportField] : 'Zeile';
        errors.push(`${label}: ${issue.message}`);
      }
      return { fileLine, cells, amountCents: null, result: { ok: false, errors } };
    }
    const line = costLineFromForm(parsed.data);
    for (const issue of costLineIssues(line, data))
      errors.push(`${costImportFieldLabel[issue.field]}: ${issue.message}${issue.clause ? ` (${issue.clause})` : ''}`);
    const amountCents = lineTotalCents(line);
    return errors.length
      ? { fileLine, cells, amountCents, result: { ok: false, errors } }
      : { fileLine, cells, amountCents, result: { ok: true, line } };
  });
}

export function summariseCostRows(rows: ReadonlyArray<CostImportRow>): { valid: number; invalid: number; validCents: number } {
  const valid = rows.filter((r) => r.result.ok);
  return { valid: valid.length, invalid: rows.length - valid.length, validCents: valid.reduce((s, r) => s + (r.amountCents ?? 0), 0) };
}

/** The downloadable template: the header of the budget table and two example rows to overwrite. */
export function costLineTemplate(firstYear: number): string[][] {
  const header = costImportFields.map((f) => costImportFieldLabel[f]);
  return [
    header,
    ['Honorare', 'Moderation der Bürgerwerkstatt', costLineKindLabel.menge, '2', '1.200,00', '', String(firstYear), ''],
    [
      'Öffentlichkeitsarbeit',
      'Druck der Einladungen',
      costLineKindLabel.pauschal,
      '',
      '',
      '850,00',
      String(firstYear),
      'Angebot liegt vor',
    ],
  ];
}
