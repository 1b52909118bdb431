import { describe, expect, it } from 'vitest';
import { deliberatelyEmpty, fieldMapping, loadTemplate, tableMapping } from '../../forms/antrag/index';
import { contextFor } from '../../forms/antrag/mapping';
import { inspectPdf } from '../../forms/inspect';
import {
  deriveSample,
  SAMPLE_CREATED_AT,
  SAMPLE_DATE,
  sampleGemeindeApplication,
  sampleVereinApplication,
} from '../support/sample-application';

/**
 * The mapping and the template must agree: every field the mapping names exists (with the right
 * type), and every field of the template is mapped, filled by a table or deliberately left empty.
 */
const { fields } = await inspectPdf(loadTemplate());

describe('mapping ↔ template', () => {
  const templateFields = new Map(fields.map((f) => [f.name, f.kind]));

  const tableFields = new Set<string>();
  for (const table of tableMapping) {
    for (let row = 0; templateFields.has(table.field(row, table.columns[0]!.key)); row += 1) {
      for (const column of table.columns) tableFields.add(table.field(row, column.key));
    }
    if (table.sum) tableFields.add(table.sum.carryField);
  }

  it('every mapped field exists in the template', () => {
    expect(Object.keys(fieldMapping).filter((name) => !templateFields.has(name))).toEqual([]);
  });

  it('gives text fields text and checkboxes a tick, for both sample applications', () => {
    for (const data of [sampleGemeindeApplication(), sampleVereinApplication()]) {
      const derived = deriveSample(data);
      const ctx = contextFor({
        data,
        organisation: data.applicant.organisation ?? null,
        ...derived,
        createdAt: SAMPLE_CREATED_AT,
        referenceDate: SAMPLE_DATE,
        enclosures: [],
      });
      for (const [name, mapper] of Object.entries(fieldMapping)) {
        const value = mapper(ctx);
        if (!value) continue;
        expect(templateFields.get(name), name).toBe(value.type === 'checkbox' ? 'checkbox' : 'text');
      }
    }
    // Every checkbox is mapped, except the ones the signer ticks by hand (how the own share is secured).
    const checkboxes = fields.filter((f) => f.kind === 'checkbox').map((f) => f.name);
    expect(checkboxes.filter((name) => !(name in fieldMapping) && !deliberatelyEmpty.includes(name))).toEqual([]);
  });

  it('every table has its rows and columns in the template', () => {
    for (const table of tableMapping) {
      expect(templateFields.has(table.field(0, table.columns[0]!.key)), table.title).toBe(true);
      for (const column of table.columns)
        expect(templateFields.get(table.field(0, column.key)), `${table.title}: ${column.key}`).toBe('text');
      if (table.sum) expect(templateFields.has(table.sum.carryField), table.sum.carryField).toBe(true);
    }
  });

  it('every template field is mapped, filled by a table or listed as deliberately empty', () => {
    const unmapped = [...templateFields.keys()].filter(
      (name) => !(name in fieldMapping) && !tableFields.has(name) && !deliberatelyEmpty.includes(name),
    );
    expect(unmapped).toEqual([]);
  });

  it('no field is both mapped and deliberately empty, and the empty list names real fields', () => {
    expect(deliberatelyEmpty.filter((name) => name in fieldMapping || tableFields.has(name))).toEqual([]);
    expect(deliberatelyEmpty.filter((name) => !templateFields.has(name))).toEqual([]);
  });
});
