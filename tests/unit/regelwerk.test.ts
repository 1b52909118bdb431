import { parseWithZod } from '@conform-to/zod/v4';
import { describe, expect, it } from 'vitest';
import { currentCalls, knownCalls } from '../../machines/frl/calls';
import { evaluate } from '../../machines/frl/engine';
import { caseFactsSchema, factsSchema } from '../../machines/frl/facts';
import { shippedParameters, valueOn } from '../../machines/frl/parameters';
import { caseAsYaml, readBenchInput } from '../../machines/frl/regelwerk/bench';
import { callFormSchema, callIdFrom, callToForm } from '../../machines/frl/regelwerk/call-form';
import { callsWithOverrides, rollbackProposal, tableWithPublications, type PublishedValue } from '../../machines/frl/regelwerk/overlay';
import { parameterChangeSchema, parseParameterValue, valueForInput } from '../../machines/frl/regelwerk/parameter-change';
import { compareResults, describeShift, previewDrafts, previewSuite } from '../../machines/frl/regelwerk/preview';
import { rank, suppressSmallCounts } from '../../machines/frl/regelwerk/statistics';
import { parseSuiteFile, runCase } from '../../machines/frl/suite';
import { sampleGemeindeApplication } from '../support/sample-application';

const today = '2026-11-22';

/** Field errors of a submission ({} when it succeeded). */
const errorsOf = (submission: { status?: string; error?: Record<string, string[] | null> | null } | object) =>
  ('error' in submission ? submission.error : null) ?? {};

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

const validChange = {
  parameterId: 'grant.cap.A1.1',
  value: '9.000',
  effectiveFrom: '01.01.2027',
  reference: 'FRL Teil 2 A V Nr. 2.1 in der Fassung vom 01.12.2026',
};

describe('a new parameter value', () => {
  const schema = parameterChangeSchema(shippedParameters, today);

  it('is read in the unit of its parameter', () => {
    expect(parseParameterValue(shippedParameters['grant.cap.A1.1'], '12.000,50')).toEqual({ ok: true, value: 1_200_050 });
    expect(parseParameterValue(shippedParameters['grant.maxRate'], '87,5')).toEqual({ ok: true, value: 8750 });
    expect(parseParameterValue(shippedParameters['grant.maxRate'], '101').ok).toBe(false);
    expect(parseParameterValue(shippedParameters['duration.A1.1'], '18')).toEqual({ ok: true, value: 18 });
    expect(parseParameterValue(shippedParameters['duration.A1.1'], '1,5').ok).toBe(false);
    expect(parseParameterValue(shippedParameters.minimumWage, '0').ok).toBe(false);
    expect(valueForInput(shippedParameters.minimumWage, 1460)).toBe('14,60');
    expect(valueForInput(shippedParameters['grant.maxRate'], 8750)).toBe('87,5');
  });

  it('is accepted with value, date in the future and reference', () => {
    const submission = parseWithZod(form(validChange), { schema });
    expect(submission.status).toBe('success');
    if (submission.status === 'success') {
      expect(submission.value).toMatchObject({ parameterId: 'grant.cap.A1.1', value: 900_000, effectiveFrom: '2027-01-01' });
    }
  });

  it('is refused without a reference or an effective date, with a German message at the field', () => {
    const submission = parseWithZod(form({ ...validChange, reference: '', effectiveFrom: '' }), { schema });
    expect(submission.status).toBe('error');
    expect(errorsOf(submission).reference?.[0]).toMatch(/Fundstelle/);
    expect(errorsOf(submission).effectiveFrom?.[0]).toMatch(/ab wann/);
  });

  it('is refused when it would take effect in the past, and says why', () => {
    const submission = parseWithZod(form({ ...validChange, effectiveFrom: '21.11.2026' }), { schema });
    expect(errorsOf(submission).effectiveFrom?.[0]).toMatch(/Vergangenheit.*stillschweigend.*22\.11\.2026/);
    // Today is allowed: the preview shows its effect before anything is published.
    expect(parseWithZod(form({ ...validChange, effectiveFrom: '22.11.2026' }), { schema }).status).toBe('success');
  });

  it('reports every problem at once (missing reference and a past date)', () => {
    const submission = parseWithZod(form({ ...validChange, reference: '', effectiveFrom: '01.01.2020', value: 'zwölf' }), { schema });
    expect(Object.keys(errorsOf(submission)).sort()).toEqual(['effectiveFrom', 'reference', 'value']);
  });

  it('is refused when the same value is already in force', () => {
    const submission = parseWithZod(form({ ...validChange, value: '10.000' }), { schema });
    expect(errorsOf(submission).value?.[0]).toMatch(/bereits 10\.000/);
  });
});

describe('published values over the shipped table', () => {
  const published: PublishedValue[] = [
    { publication: 1, parameterId: 'grant.cap.A1.1', value: 900_000, from: '2027-01-01', reference: 'Erlass A' },
    { publication: 2, parameterId: 'grant.cap.A1.1', value: 950_000, from: '2027-01-01', reference: 'Erlass B (Korrektur)' },
  ];

  it('returns a new table, keeps old values, and lets the later publication win on the same date', () => {
    const table = tableWithPublications(shippedParameters, published);
    expect(table).not.toBe(shippedParameters);
    expect(shippedParameters['grant.cap.A1.1'].values).toHaveLength(1);
    expect(table['grant.cap.A1.1'].values.map((v) => v.value)).toEqual([1_000_000, 950_000]);
    expect(valueOn(table['grant.cap.A1.1'], '2026-12-31')!.value).toBe(1_000_000);
    expect(valueOn(table['grant.cap.A1.1'], '2027-01-01')).toMatchObject({ value: 950_000, publication: 2 });
    expect(tableWithPublications(shippedParameters, [])).toBe(shippedParameters);
  });

  it('gives the rule version the number of the publication in force', () => {
    const table = tableWithPublications(shippedParameters, published);
    const facts = factsSchema.parse({});
    expect(evaluate('2027-01-02', facts, { parameters: table }).ruleVersion.id).toBe('2023-06-30+2027-01-01/v2');
    expect(evaluate('2026-12-31', facts, { parameters: table }).ruleVersion.id).toBe('2023-06-30+2026-01-01');
  });

  it('rolls back by proposing the value in force before the publication', () => {
    const proposal = rollbackProposal(shippedParameters, published, published[1]!, today);
    expect(proposal).toMatchObject({ parameterId: 'grant.cap.A1.1', from: '2027-01-01', value: { value: 900_000, reference: 'Erlass A' } });
    const first = rollbackProposal(shippedParameters, published, published[0]!, today);
    expect(first!.value.value).toBe(1_000_000);
    // Once the date has passed, the old value returns from today on (the past stays as it was).
    expect(rollbackProposal(shippedParameters, published, published[0]!, '2027-03-01')!.from).toBe('2027-03-01');
  });

  it('publishing the proposal restores the earlier value on the date it applies', () => {
    const proposal = rollbackProposal(shippedParameters, published, published[1]!, today)!;
    const after = tableWithPublications(shippedParameters, [
      ...published,
      {
        publication: 3,
        parameterId: proposal.parameterId,
        value: proposal.value.value,
        from: proposal.from,
        reference: proposal.value.reference,
      },
    ]);
    expect(valueOn(after['grant.cap.A1.1'], '2027-06-01')!.value).toBe(900_000);
    expect(after['grant.cap.A1.1'].values.some((v) => v.value === 950_000)).toBe(false);
  });

  it('shows every open call, else the next one announced', () => {
    const special = {
      ...knownCalls[5]!,
      id: 'sonderaufruf',
      title: 'Sonderaufruf',
      opensOn: '2025-07-01',
      publishedOn: '2025-07-01',
      deadline: '2025-08-31',
    };
    const calls = callsWithOverrides(knownCalls, [special]);
    expect(currentCalls(calls, '2025-08-15').map((c) => c.title)).toEqual(['Sonderaufruf', '6. Förderaufruf FRL Bürgerbeteiligung']);
    expect(currentCalls(calls, '2025-09-19')).toEqual([]);
    const next = {
      ...special,
      id: 'aufruf-7',
      title: '7. Förderaufruf',
      opensOn: '2027-01-10',
      publishedOn: '2027-01-10',
      deadline: '2027-03-31',
    };
    expect(currentCalls(callsWithOverrides(knownCalls, [next]), '2026-11-22')).toMatchObject([
      { title: '7. Förderaufruf', state: 'upcoming', opens: '2027-01-10' },
    ]);
  });

  it('merges stored calls over the shipped ones by id', () => {
    const edited = { ...knownCalls[5]!, notes: 'geändert' };
    const added = { ...knownCalls[5]!, id: 'aufruf-7', title: '7. Förderaufruf', deadline: '2027-03-31' };
    const calls = callsWithOverrides(knownCalls, [edited, added]);
    expect(calls).toHaveLength(knownCalls.length + 1);
    expect(calls.find((c) => c.id === 'aufruf-6')!.notes).toBe('geändert');
    expect(calls.at(-1)!.id).toBe('aufruf-7');
    expect(callsWithOverrides(knownCalls, [])).toBe(knownCalls);
  });
});

describe('preview of a change', () => {
  const lowerCap = tableWithPublications(shippedParameters, [
    { publication: 1, parameterId: 'grant.cap.A1.1', value: 900_000, from: '2027-01-01', reference: 'Erlass A' },
  ]);
  const current = { parameters: shippedParameters, calls: knownCalls };
  const proposed = { parameters: lowerCap, calls: knownCalls };

  it('finds the drafts whose verdict changes and names the criterion that moved', () => {
    // The sample Gemeinde's grant is 9.905 €; the wizard caps the grant at 9.000 €, so 905 € of the
    // expenditure are no longer financed and the plan does not balance any more.
    const drafts = [{ id: 7, data: sampleGemeindeApplication(), attachmentTypes: [] }];
    const [diff] = previewDrafts(drafts, '2027-01-01', current, proposed);
    expect(diff!.id).toBe(7);
    expect(diff!.comparison.verdictBefore).toBe('foerderfaehig');
    expect(diff!.comparison.verdictAfter).toBe('nicht_foerderfaehig');
    expect(diff!.comparison.ruleVersionAfter).toBe('2023-06-30+2027-01-01/v1');
    expect(diff!.comparison.shifts.map((s) => s.id)).toEqual(['finanzen.ausgeglichen']);
    expect(describeShift(diff!.comparison.shifts[0]!)).toMatch(/erfüllt → nicht erfüllt – Es fehlen 905,00/);
    // Before the new value takes effect nothing changes.
    expect(previewDrafts(drafts, '2026-12-31', current, proposed)).toEqual([]);
  });

  it('runs the suite with both rule sets', () => {
    const cases = parseSuiteFile(
      [
        'name: knapp unter dem Höchstbetrag',
        'referenceDate: 2027-02-01',
        'facts: { applicant: { kind: gemeinde }, project: { route: A1.1, start: 2027-03-01, end: 2027-12-31 }, budget: { totalExpenditure: 11000, requestedGrant: 9500, ownCash: 1500 } }',
        'expect: { findings: [ { criterion: finanzen.hoechstbetrag, status: erfüllt } ] }',
      ].join('\n'),
      'probe.yaml',
    );
    const [diff] = previewSuite(cases, current, proposed);
    expect(diff!.passedBefore).toBe(true);
    expect(diff!.passedAfter).toBe(false);
    expect(diff!.failuresAfter[0]).toMatch(/finanzen.hoechstbetrag/);
  });

  it('also checks an older case on the effective date, so a future value shows its effect', () => {
    const cases = parseSuiteFile(
      [
        'name: knapp unter dem Höchstbetrag, geprüft 2026',
        'referenceDate: 2026-06-01',
        'facts: { applicant: { kind: gemeinde }, project: { route: A1.1, start: 2027-03-01, end: 2027-12-31 }, budget: { totalExpenditure: 11000, requestedGrant: 9500, ownCash: 1500 } }',
        'expect: { findings: [ { criterion: finanzen.hoechstbetrag, status: erfüllt } ] }',
      ].join('\n'),
      'probe.yaml',
    );
    const [diff] = previewSuite(cases, current, proposed, '2027-01-01');
    // On its own date the case is untouched by a value that starts in 2027 ...
    expect(diff!.passedAfter).toBe(true);
    expect(diff!.comparison!.shifts).toEqual([]);
    // ... but on the effective date the cap criterion moves.
    expect(diff!.onEffectiveDate!.shifts.map((s) => s.id)).toEqual(['finanzen.hoechstbetrag']);
  });

  it('compares two results criterion by criterion', () => {
    const facts = factsSchema.parse({ applicant: { kind: 'gemeinde' } });
    const same = evaluate(today, facts);
    expect(compareResults(same, same).shifts).toEqual([]);
  });
});

describe('test bench input', () => {
  it('reads the CLI JSON case and a YAML case', () => {
    expect(readBenchInput('{"referenceDate":"2026-11-22","facts":{}}')).toEqual({
      kind: 'case',
      value: { referenceDate: '2026-11-22', facts: {} },
    });
    expect(readBenchInput('referenceDate: 2026-11-22\nfacts: {}\n')).toEqual({
      kind: 'case',
      value: { referenceDate: '2026-11-22', facts: {} },
    });
    expect(readBenchInput('name: x\nreferenceDate: 2026-11-22\nfacts: {}\nexpect: { verdict: unvollstaendig }\n').kind).toBe('suite');
  });

  it('refuses broken input with the position of the problem', () => {
    const broken = readBenchInput('referenceDate: 2026-11-22\nfacts: { applicant: [\n');
    expect(broken.kind).toBe('error');
    if (broken.kind === 'error') expect(broken.messages[0]).toMatch(/kein gültiges YAML \(Zeile \d+, Spalte \d+\)/);
    const json = readBenchInput('{"referenceDate": ');
    if (json.kind === 'error') expect(json.messages[0]).toMatch(/kein gültiges JSON/);
    else expect.fail('JSON error expected');
    expect(readBenchInput('')).toMatchObject({ kind: 'error' });
    expect(readBenchInput('a: 1\n---\nb: 2\n')).toMatchObject({ kind: 'error' });
  });

  it('turns a checked case into a suite case that passes', () => {
    const facts = {
      applicant: { kind: 'gemeinde', landkreis: 'Meißen' },
      project: { route: 'A1.1' },
      budget: { totalExpenditure: 3000, requestedGrant: 2700, ownCash: 300 },
    };
    const result = evaluate(today, caseFactsSchema.parse(facts));
    const yaml = caseAsYaml({ name: 'Zu kleine Zuwendung', referenceDate: today, facts, result });
    const [parsed] = parseSuiteFile(yaml, 'neu.yaml');
    expect(parsed!.case!.expect.findings).toContainEqual({ criterion: 'finanzen.mindestbetrag', status: 'nicht erfüllt' });
    expect(runCase(parsed!).passed).toBe(true);
  });
});

describe('funding call form', () => {
  it('reads lists one per line and fills the opening from the publication', () => {
    const submission = parseWithZod(
      form({
        title: '7. Förderaufruf',
        issuedBy: 'SMS',
        publishedOn: '01.12.2026',
        deadline: '31.03.2027',
        focusTopics: 'Jugendbeteiligung\n\nBürgerräte ',
        requiredDocuments: 'Vorhabenbeschreibung\nFinanzierungsplan',
        source: 'Bekanntmachung vom 01.12.2026',
      }),
      { schema: callFormSchema },
    );
    expect(submission.status).toBe('success');
    if (submission.status !== 'success') return;
    expect(submission.value).toMatchObject({
      opensOn: '2026-12-01',
      focusTopics: ['Jugendbeteiligung', 'Bürgerräte'],
      requiredDocuments: ['Vorhabenbeschreibung', 'Finanzierungsplan'],
    });
    expect(callToForm(submission.value).focusTopics).toBe('Jugendbeteiligung\nBürgerräte');
  });

  it('refuses a deadline before the publication and missing documents', () => {
    const submission = parseWithZod(form({ title: 'X', issuedBy: 'SMS', publishedOn: '01.12.2026', deadline: '30.11.2026', source: 'Y' }), {
      schema: callFormSchema,
    });
    expect(errorsOf(submission).deadline?.[0]).toMatch(/vor der Veröffentlichung/);
    expect(errorsOf(submission).requiredDocuments?.[0]).toMatch(/Unterlagen/);
  });

  it('makes readable unique ids', () => {
    expect(callIdFrom('7. Förderaufruf – Bürgerräte', new Set())).toBe('7-foerderaufruf-buergerraete');
    expect(callIdFrom('Aufruf', new Set(['aufruf']))).toBe('aufruf-2');
  });
});

describe('statistics without small cells', () => {
  it('hides counts below the threshold, zeros included, so a hidden 1 looks like the 0s beside it', () => {
    const shown = suppressSmallCounts([
      { key: 'a', label: 'A', count: 12 },
      { key: 'b', label: 'B', count: 1 },
      { key: 'c', label: 'C', count: 0 },
      { key: 'd', label: 'D', count: 5 },
    ]);
    expect(shown.filter((c) => c.suppressed).map((c) => c.key)).toEqual(['b', 'c']);
    expect(shown.find((c) => c.key === 'a')!.suppressed).toBe(false);
  });

  it('hides the next smallest cell when a single hidden cell could be derived from the total', () => {
    const shown = suppressSmallCounts([
      { key: 'a', label: 'A', count: 12 },
      { key: 'b', label: 'B', count: 2 },
      { key: 'c', label: 'C', count: 5 },
    ]);
    expect(shown.filter((c) => c.suppressed).map((c) => c.key)).toEqual(['b', 'c']);
    expect(
      suppressSmallCounts([
        { key: 'a', label: 'A', count: 7 },
        { key: 'b', label: 'B', count: 9 },
      ]).some((c) => c.suppressed),
    ).toBe(false);
  });

  it('ranks the most frequent first', () => {
    expect(
      rank([
        { key: 'x', label: 'X', count: 1 },
        { key: 'y', label: 'Y', count: 3 },
        { key: 'z', label: 'Z', count: 0 },
      ]).map((c) => c.key),
    ).toEqual(['y', 'x']);
  });
});
