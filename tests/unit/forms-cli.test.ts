import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportApplication } from '../../forms/antrag/json';
import { pdfText, squash } from '../support/pdf';
import { sampleVereinApplication } from '../support/sample-application';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'forms-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(tsx, ['forms/cli.ts', ...args], { encoding: 'utf8' });

describe('npm run forms', () => {
  it('inspect lists the fields of a PDF with type, page and geometry', () => {
    const out = execFileSync(tsx, ['forms/cli.ts', 'inspect', 'forms/antrag/template.pdf'], { encoding: 'utf8' });
    expect(out).toMatch(/^Feld\s+Typ\s+Seite\s+x \/ y \(pt\)\s+Breite × Höhe\s+Bezeichnung/);
    expect(out).toMatch(/antragsteller\.name\s+Textfeld\s+1\s+49,7 \/ [\d,]+\s+495,3 × 16\s+Name der Kommune oder Organisation/);
    expect(out).toMatch(/erklaerung\.fdgo\s+Kontrollkästchen\s+4/);
    expect(out).toMatch(/\n\d{3} Felder, \d{3} Widgets, 9 Seiten\n$/);
    const json = JSON.parse(execFileSync(tsx, ['forms/cli.ts', 'inspect', 'forms/antrag/template.pdf', '--json'], { encoding: 'utf8' }));
    expect(json.pages).toBe(9);
    expect(json.fields[0]).toMatchObject({ name: 'sab.antragsnummer', kind: 'text', page: 1 });
  });

  it('fill writes the application as PDF', () => {
    const input = join(dir, 'antrag.json');
    const output = join(dir, 'antrag.pdf');
    writeFileSync(input, exportApplication(sampleVereinApplication()));
    const result = run('fill', input, output, '--datum=2026-11-22', '--entwurf');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Geschrieben: .*antrag\.pdf \(\d+ KB\)\n$/);
    const text = squash(pdfText(readFileSync(output)));
    expect(text).toContain('Łukasz Wójcik');
    expect(text).toContain('Entwurf – der Antrag ist noch nicht vollständig');
    expect(text).toContain('22.11.2026');
  });

  it('explains bad input in German', () => {
    const input = join(dir, 'kaputt.json');
    writeFileSync(input, '{"schemaVersion": 1, "application": {"schemaVersion": 1, "project": {"title": 5}}}');
    const result = run('fill', input, join(dir, 'x.pdf'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Feld „application.project.title“: erwartet wird ein Text.');
    expect(run('inspect', join(dir, 'fehlt.pdf')).stderr).toContain('gibt es nicht');
    const unknown = run('gibtsnicht');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unbekannter Befehl „gibtsnicht“');
  });
});
