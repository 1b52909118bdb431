import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSuiteFile, runCase } from '../../machines/frl/suite';

/** The YAML suite a ministry lawyer reads and extends (tests/cases, docs/rules-cases.md). */
const dir = 'tests/cases';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('YAML case suite', () => {
  it('holds cases', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    describe(file, () => {
      for (const parsed of parseSuiteFile(readFileSync(join(dir, file), 'utf8'), file)) {
        it(parsed.case?.name ?? parsed.source, () => {
          const outcome = runCase(parsed);
          expect(outcome.failures).toEqual([]);
        });
      }
    });
  }
});

describe('the suite runner', () => {
  it('reports a failing expectation, an unknown citation and a YAML error in German', () => {
    const text = [
      'name: absichtlich falsch',
      'referenceDate: 2026-11-22',
      'facts: { applicant: { kind: natuerliche_person } }',
      'expect:',
      '  verdict: foerderfaehig',
      '  findings:',
      '    - citation: FRL Teil 9 Nr. 1',
      '      status: erfüllt',
      '    - citation: FRL Teil 2 A III Satz 1',
      '      status: erfüllt',
      '---',
      'name: [kaputt',
    ].join('\n');
    const [first, second] = parseSuiteFile(text, 'x.yaml');
    const outcome = runCase(first!);
    expect(outcome.passed).toBe(false);
    expect(outcome.failures).toEqual([
      'Ergebnis: erwartet „Förderfähig“, erhalten „Nicht förderfähig“.',
      'FRL Teil 9 Nr. 1: kein Kriterium mit dieser Fundstelle.',
      'FRL Teil 2 A III Satz 1: passt auf mehrere Kriterien (antragsteller.art, antragsteller.sitz-kommune); bitte „criterion“ angeben.',
    ]);
    expect(runCase(second!).failures[0]).toMatch(/^YAML-Fehler/);
  });
});
