import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImplementationSuite, runImplementationCase } from '../../machines/umsetzung/suite';

/** The YAML cases of the rules after the Bescheid (tests/cases-umsetzung). */
const dir = 'tests/cases-umsetzung';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('YAML cases after the Bescheid', () => {
  const all = files.flatMap((file) => parseImplementationSuite(readFileSync(join(dir, file), 'utf8'), file));
  it('holds at least 40 cases for both kinds of grantee', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.some((c) => c.case?.bescheid.part === 'A')).toBe(true);
    expect(all.some((c) => c.case?.bescheid.part === 'B')).toBe(true);
  });
  for (const parsed of all) {
    it(`${parsed.source}: ${parsed.case?.name ?? ''}`, () => {
      expect(runImplementationCase(parsed).failures).toEqual([]);
    });
  }
});

describe('the case runner', () => {
  it('reports a wrong status, a wrong value, an unknown rule and an ambiguous amount', () => {
    const text = [
      'name: absichtlich falsch',
      'date: 2026-05-01',
      'bescheid: { part: A, receivedOn: 2026-03-10, period: { start: 2026-04-01, end: 2027-03-31 }, grant: 9000, rate: 90, lines: { honorare: 10000 }, ownCash: 1000 }',
      'expect:',
      '  findings: [{ rule: beginn.frist, status: ausgelöst }, { rule: gibt.es.nicht, status: ok }]',
      '  values: { payout.first: 3600.01 }',
      '---',
      'name: Tausenderpunkt',
      'date: 2026-05-01',
      'bescheid: { part: A, receivedOn: 2026-03-10, period: { start: 2026-04-01, end: 2027-03-31 }, grant: 9.000, rate: 90, lines: { honorare: 10000 }, ownCash: 1000 }',
      'expect: {}',
    ].join('\n');
    const [wrong, ambiguous] = parseImplementationSuite(text, 'x.yaml');
    const outcome = runImplementationCase(wrong!);
    expect(outcome.failures).toEqual([
      expect.stringMatching(/^beginn\.frist: erwartet „ausgelöst“, erhalten „noch offen“/),
      'gibt.es.nicht: keine Regel mit dieser Kennung.',
      'payout.first: erwartet 3600.01, erhalten 3600.00.',
    ]);
    expect(runImplementationCase(ambiguous!).failures[0]).toMatch(/mehrdeutig/);
  });
});
