import { describe, expect, it } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import { flatten } from '../../app/utils/form-data';
import { describeFormField, describePath, describeValue } from '../../machines/frl/application/anchors';
import { codecFor } from '../../machines/frl/application/codecs';
import type { EditableStep } from '../../machines/frl/application/steps';
import { applicationDataSchema, emptyApplication, type ApplicationData } from '../../machines/frl/application/schema';
import { sampleGemeindeApplication } from '../support/sample-application';

interface Leaf {
  path: string;
  /** The allowed values where the schema fixes them (enums). */
  options?: readonly string[];
}

type Def = { type: string; innerType?: $ZodType; shape?: Record<string, $ZodType>; element?: $ZodType; entries?: Record<string, string> };
const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/**
 * Every path diff.ts can produce for the stored application, found by walking its zod schema:
 * each field; a list row as a whole (added or removed) and each field of a row; an optional object
 * as a whole (it can appear or disappear at once).
 */
function pathsOf(schema: $ZodType, prefix: string, optional = false): Leaf[] {
  const def = defOf(schema);
  if (def.type === 'optional') return pathsOf(def.innerType!, prefix, true);
  if (def.type === 'default' || def.type === 'nullable') return pathsOf(def.innerType!, prefix, optional);
  if (def.type === 'object') {
    const fields = Object.entries(def.shape!).flatMap(([key, child]) => pathsOf(child, prefix ? `${prefix}.${key}` : key));
    return optional && prefix ? [{ path: prefix }, ...fields] : fields;
  }
  if (def.type === 'array') {
    const element = defOf(def.element!);
    if (element.type === 'object' && element.shape && 'id' in element.shape) {
      const row = `${prefix}[id=r1]`;
      const fields = Object.entries(element.shape).filter(([key]) => key !== 'id');
      return [{ path: row }, ...fields.flatMap(([key, child]) => pathsOf(child, `${row}.${key}`))];
    }
    const inner = pathsOf(def.element!, prefix);
    return [{ path: prefix, options: inner[0]?.options }];
  }
  if (def.type === 'enum') return [{ path: prefix, options: Object.values(def.entries!) }];
  return [{ path: prefix }];
}

const leaves = pathsOf(applicationDataSchema as unknown as $ZodType, '');

/** Rows in every list, with the id the walk uses, so row anchors ("Ausgabe 1: …") are found too. */
function withRows(): ApplicationData {
  const data = sampleGemeindeApplication();
  const row = { id: 'r1' };
  data.applicant.partners.push({ ...row, name: 'Gemeinde Nachbarort', kind: 'gemeinde' });
  data.project.parts.push({ ...row, title: 'Auftakt' });
  data.project.formats.push({ ...row, format: 'buergerrat', level: 'konsultation' });
  data.schedule.milestones.push({ ...row, title: 'Auftakt', date: '2027-05-01' });
  data.budget.lines.push({ ...row, category: 'honorare', kind: 'pauschal', amountCents: 1000 });
  data.budget.inKind.push({ ...row, kind: 'ehrenamt', quantityMilli: 1000 });
  data.budget.donations.push({ ...row, donor: 'Stiftung', amountCents: 1000 });
  data.budget.otherPublic.push({ ...row, funder: 'Landkreis', amountCents: 1000 });
  return data;
}

/** Option values that already are the German word shown in the form. */
const germanAsStored = new Set(['keine', 'beantragt', 'bewilligt']);
/** A stored code rather than a name: lower-case identifiers ("natuerliche_person") and "A1.3". */
const isCode = (value: string) =>
  !germanAsStored.has(value) && /^[A-Za-z0-9_.-]+$/.test(value) && (/[_.0-9]/.test(value) || value === value.toLowerCase());

describe('German labels for every changed field (issue 22, defect 4)', () => {
  it('finds the fields of every section', () => {
    expect(leaves.length).toBeGreaterThan(90);
    expect(leaves.map((l) => l.path)).toContain('project.softwareReason');
    expect(leaves.map((l) => l.path)).toContain('budget.lines[id=r1].unitPriceCents');
  });

  for (const [name, data] of [
    ['with the rows present', withRows()],
    ['after the rows were removed', emptyApplication()],
  ] as const) {
    it(`names every path in German, ${name}`, () => {
      const raw = leaves
        .map(({ path }) => ({ path, label: describePath(path, data) }))
        .filter(
          ({ label }) => /weitere Angabe/i.test(label) || /[a-z][A-Z]/.test(label) || label.includes('[') || !/^[A-ZÄÖÜ]/.test(label),
        );
      expect(raw).toEqual([]);
    });
  }

  it('shows stored codes with the words of the form', () => {
    const raw = leaves.flatMap(({ path, options }) =>
      (options ?? [])
        .filter(isCode)
        .map((option) => ({ path, option, shown: describeValue(path, path.endsWith('targetGroups') ? [option] : option) }))
        .filter(({ option, shown }) => shown === option),
    );
    expect(raw).toEqual([]);
  });

  it('says what an emptied grant means: the largest possible one', () => {
    expect(describeValue('budget.requestedGrantCents', undefined)).toBe('höchstmöglich (wird automatisch berechnet)');
    expect(describeValue('budget.requestedGrantCents', 800_000)).toBe('8.000,00\u00a0€');
  });

  it('names the field of the issue report', () => {
    expect(describePath('project.softwareReason', emptyApplication())).toBe('Begründung, warum das Beteiligungsportal nicht ausreicht');
  });

  it('names every field of every step form, for input shown back as typed', () => {
    const data = withRows();
    const steps: EditableStep[] = ['antragsteller', 'vorhaben', 'zeitplan', 'kosten', 'erklaerungen'];
    const names = steps.flatMap((step) => flatten(codecFor(step).values(data)).map(([name]) => ({ step, name })));
    expect(names.length).toBeGreaterThan(60);
    const raw = names
      .filter(({ name }) => !name.endsWith('.id'))
      .map(({ step, name }) => ({ name, label: describeFormField(step, name) }))
      .filter(({ label }) => /weitere Angabe/i.test(label) || /[a-z][A-Z]/.test(label) || label.includes('['));
    expect(raw).toEqual([]);
    expect(describeFormField('kosten', 'lines[1].unitPrice')).toBe('Ausgabe 2 – Einzelpreis');
  });
});
