import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedParameters } from '../../machines/frl/parameters';
import { evaluate, parseCase } from '../../machines/frl/engine';
import { knownCalls } from '../../machines/frl/calls';
import {
  caseFormGroups,
  caseFormSchema,
  caseToForm,
  factFieldLabel,
  formToCase,
  placeholderText,
} from '../../machines/frl/regelwerk/case-form';
import { parseSuiteFile } from '../../machines/frl/suite';

/** What a browser sends for the form's values: empty fields arrive as undefined (Conform). */
function submitted(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? submitted(v as Record<string, unknown>) : v]),
  );
}

const rules = { parameters: shippedParameters, calls: knownCalls };
const verdictOf = (referenceDate: string, facts: unknown) => {
  const parsed = parseCase({ referenceDate, facts });
  return evaluate(parsed.referenceDate, parsed.facts, rules).verdict;
};

const suite = readdirSync('tests/cases')
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseSuiteFile(readFileSync(join('tests/cases', f), 'utf8'), f))
  .filter((c) => c.case);

describe('the test bench case form', () => {
  it('labels every field in German (no fact shown by its technical path)', () => {
    for (const { fields } of caseFormGroups) for (const f of fields) expect(factFieldLabel(f), `${f.group}.${f.key}`).not.toContain('.');
  });

  it('gives every case of the shipped suite the same verdict after a round trip through the form', () => {
    expect(suite.length).toBeGreaterThan(20);
    for (const { source, case: c } of suite) {
      const referenceDate = String(c!.referenceDate);
      const form = caseFormSchema.safeParse(submitted(caseToForm({ referenceDate, facts: c!.facts as never })));
      expect(form.success, `${source}: ${form.error?.message}`).toBe(true);
      const back = formToCase(form.data!);
      expect(back.referenceDate, source).toBe(referenceDate);
      expect(verdictOf(back.referenceDate, back.facts), source).toBe(verdictOf(referenceDate, c!.facts));
    }
  });

  it('reads German amounts and dates, and "offen" as not given', () => {
    const form = caseFormSchema.parse({
      referenceDate: '01.03.2027',
      expectedVerdict: 'nicht_foerderfaehig',
      applicant: { kind: 'gemeinde', vatDeductible: 'nein' },
      project: { start: '1.4.2027' },
      budget: { totalExpenditure: '3.000,50', requestedGrant: '2.700' },
    });
    expect(formToCase(form)).toEqual({
      name: undefined,
      referenceDate: '2027-03-01',
      expectedVerdict: 'nicht_foerderfaehig',
      facts: {
        applicant: { kind: 'gemeinde', vatDeductible: false },
        project: { start: '2027-04-01' },
        declarations: {},
        budget: { totalExpenditure: 3000.5, requestedGrant: 2700 },
      },
    });
  });

  it('takes a draft anonymised: reasons become a placeholder, partner names go, the verdict stays', () => {
    const facts = {
      applicant: {
        kind: 'verein',
        landkreis: 'Görlitz',
        nonprofit: true,
        locallyRooted: false,
        seatExceptionReason: 'Unser Vorsitzender Herr Beispiel wohnt in Zittau.',
      },
      project: {
        route: 'B',
        location: 'sachsen',
        softwareProcurement: true,
        softwareReason: 'Die Gemeinde Musterdorf braucht eigene Software.',
      },
      budget: { totalExpenditure: 20000, requestedGrant: 18000, ownCash: 2000 },
    };
    const values = caseToForm({ referenceDate: '2026-11-22', facts: facts as never }, { anonymise: true });
    const text = JSON.stringify(values);
    expect(text).not.toContain('Beispiel');
    expect(text).not.toContain('Musterdorf');
    expect((values.applicant as Record<string, string>).seatExceptionReason).toBe(placeholderText);
    const back = formToCase(caseFormSchema.parse(submitted(values)));
    expect(verdictOf(back.referenceDate, back.facts)).toBe(verdictOf('2026-11-22', facts));

    const verbund = caseToForm(
      {
        referenceDate: '2026-11-22',
        facts: { verbund: { leadNamed: true, partners: [{ name: 'Stadt Nossen', kind: 'stadt' }] } } as never,
      },
      { anonymise: true },
    );
    expect(JSON.stringify(verbund)).not.toContain('Nossen');
    expect(verbund.partnerKinds).toEqual(['stadt']);
  });
});
