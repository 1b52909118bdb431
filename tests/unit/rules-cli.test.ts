import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rulesCli } from '../../scripts/rules';
import { inProcess, throughTsx } from '../support/cli';

/** `npm run rules`: what ministry staff and CI rely on – output, and an exit code that fails a build. */
const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The command's function in this process; the entry point itself is run through tsx below. */
const run = (...args: string[]) => inProcess((io) => rulesCli(args, io));

const facts = {
  applicant: { kind: 'gemeinde', landkreis: 'Meißen', vatDeductible: false },
  project: { route: 'A1.1', location: 'sachsen', start: '2027-03-01', end: '2027-12-31', alreadyStarted: false },
  budget: { totalExpenditure: 12000, requestedGrant: 11000, ownCash: 1000 },
};

describe('npm run rules', () => {
  it('check prints the verdict and every criterion with its trace as JSON', async () => {
    const file = join(dir, 'fall.json');
    writeFileSync(file, JSON.stringify({ referenceDate: '2026-11-22', facts }));
    const result = await run('check', file);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(['foerderfaehig', 'foerderfaehig_mit_begruendung', 'nicht_foerderfaehig', 'unvollstaendig']).toContain(output.verdict);
    const rate = output.findings.find((f: { id: string }) => f.id === 'finanzen.foerdersatz');
    expect(rate).toMatchObject({ status: 'nicht_erfuellt' }); // 11.000 of 12.000 € is more than 90 %
    expect(rate.trace.length).toBeGreaterThan(0);
  });

  it('test passes the shipped suite with exit code 0', async () => {
    const result = await run('test');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\n\d+ bestanden, 0 fehlgeschlagen/);
  });

  it('test exits 1 when a case expects the wrong verdict, naming the case', async () => {
    const file = join(dir, 'falsch.yaml');
    writeFileSync(
      file,
      [
        'name: Absichtlich falsche Erwartung',
        'referenceDate: 2026-11-22',
        `facts: ${JSON.stringify(facts)}`,
        'expect:',
        '  verdict: foerderfaehig',
        '',
      ].join('\n'),
    );
    const result = await run('test', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✗ Absichtlich falsche Erwartung');
    expect(result.stdout).toContain('0 bestanden, 1 fehlgeschlagen');
  });

  it('a malformed case exits 2 with a German message naming the field', async () => {
    const file = join(dir, 'kaputt.json');
    writeFileSync(file, JSON.stringify({ referenceDate: '2026-11-22', facts: { ...facts, budget: { totalExpenditure: -5 } } }));
    const result = await run('check', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('totalExpenditure');
    expect(result.stdout).toBe('');
    const missing = await run('check', join(dir, 'gibt-es-nicht.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Datei oder Ordner nicht gefunden');
  });

  // The command itself (tsx, the entry point, the exit code a CI job reads); a few seconds of CPU
  // per start, far more on a busy machine: an explicit budget, not a timing assertion (ADR 0006).
  it('the command line runs the suite and sets the exit code for a build to read', { timeout: 120_000 }, () => {
    const passed = throughTsx('scripts/rules.ts', 'test');
    expect(passed.status).toBe(0);
    expect(passed.stdout).toMatch(/\n\d+ bestanden, 0 fehlgeschlagen/);
    const unknown = throughTsx('scripts/rules.ts', 'pruefen');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unbekannter Befehl');
  });
});
