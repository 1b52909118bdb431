import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { thousandsSeparatorProblemsInText } from '../../machines/frl/case-text';
import { readBenchInput } from '../../machines/frl/regelwerk/bench';
import { parseSuiteFile, runCase } from '../../machines/frl/suite';
import { rulesCli } from '../../scripts/rules';
import { inProcess } from '../support/cli';

const ambiguous = (field: string, written: string, digits: string) =>
  `${field}: ${written} ist mehrdeutig – schreiben Sie ${digits} (ohne Tausenderpunkt) oder ${digits}.00`;

describe('amounts written with German thousands separators', () => {
  it('are found by their source text, in YAML and in JSON, with the field named', () => {
    expect(thousandsSeparatorProblemsInText('facts:\n  budget: { totalExpenditure: 10.000, requestedGrant: 1.234.567 }\n')).toEqual([
      ambiguous('facts.budget.totalExpenditure', '10.000', '10000'),
      ambiguous('facts.budget.requestedGrant', '1.234.567', '1234567'),
    ]);
    expect(thousandsSeparatorProblemsInText('{"facts": {"budget": {"ownCash": 12.000}, "verbund": {"partners": [{"x": 1.000}]}}}')).toEqual(
      [ambiguous('facts.budget.ownCash', '12.000', '12000'), ambiguous('facts.verbund.partners.0.x', '1.000', '1000')],
    );
  });

  it('leave plain numbers, decimals, dates and quoted text alone', () => {
    const text = [
      'referenceDate: 2026-11-22',
      'facts:',
      '  budget: { totalExpenditure: 12000, financingCosts: 1000.50, requestedGrant: 10.5, ownCash: 1.00, inKind: 10.0000 }',
      '  project: { crossBorderReason: "10.000" }',
    ].join('\n');
    expect(thousandsSeparatorProblemsInText(text)).toEqual([]);
    // Unreadable text is left to the parser that reports it.
    expect(thousandsSeparatorProblemsInText('{"a": ')).toEqual([]);
  });

  it('are refused by the YAML suite instead of being read as 10', () => {
    const [parsed] = parseSuiteFile(
      [
        'name: Tausenderpunkt',
        'referenceDate: 2025-08-15',
        'facts: { applicant: { kind: gemeinde }, budget: { totalExpenditure: 12.000, requestedGrant: 10000 } }',
        'expect: { verdict: nicht_foerderfaehig }',
      ].join('\n'),
      'x.yaml',
    );
    const outcome = runCase(parsed!);
    expect(outcome.passed).toBe(false);
    expect(outcome.failures).toEqual([ambiguous('facts.budget.totalExpenditure', '12.000', '12000')]);
  });

  it('are refused by the test bench, for JSON and YAML', () => {
    expect(readBenchInput('{"referenceDate": "2025-08-15", "facts": {"budget": {"totalExpenditure": 10.000}}}')).toEqual({
      kind: 'error',
      messages: [ambiguous('facts.budget.totalExpenditure', '10.000', '10000')],
    });
    expect(readBenchInput('referenceDate: 2025-08-15\nfacts:\n  budget:\n    requestedGrant: 9.000\n')).toEqual({
      kind: 'error',
      messages: [ambiguous('facts.budget.requestedGrant', '9.000', '9000')],
    });
    expect(readBenchInput('referenceDate: 2025-08-15\nfacts:\n  budget:\n    requestedGrant: 9000.00\n').kind).toBe('case');
  });
});

describe('npm run rules -- check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a case file with a thousands separator and names the field', async () => {
    const file = join(dir, 'fall.json');
    writeFileSync(file, '{"referenceDate": "2025-08-15", "facts": {"budget": {"totalExpenditure": 10.000, "requestedGrant": 9000}}}');
    const run = await inProcess((io) => rulesCli(['check', file], io));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(ambiguous('facts.budget.totalExpenditure', '10.000', '10000'));
    const yaml = join(dir, 'fall.yaml');
    writeFileSync(yaml, 'referenceDate: 2025-08-15\nfacts:\n  budget: { totalExpenditure: 10000, requestedGrant: 9000 }\n');
    expect((await inProcess((io) => rulesCli(['check', yaml], io))).status).toBe(0);
  });
});
