import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportApplication } from '../../forms/antrag/json';
import { pdfText, squash } from '../support/pdf';
import { sampleAttachments, sampleVereinApplication } from '../support/sample-application';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'forms-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(tsx, ['forms/cli.ts', ...args], { encoding: 'utf8' });

// Each test spawns tsx several times (a few seconds each, many more on a busy machine): an explicit budget,
// not a timing assertion (ADR 0006).
describe('npm run forms', { timeout: 180_000 }, () => {
  it('inspect lists the fields of a PDF with type, page and geometry', () => {
    const out = execFileSync(tsx, ['forms/cli.ts', 'inspect', 'forms/antrag/template.pdf'], { encoding: 'utf8' });
    expect(out).toMatch(/^Feld\s+Typ\s+Seite\s+x \/ y \(pt\)\s+Breite × Höhe\s+Bezeichnung/);
    expect(out).toMatch(/antragsteller\.name\s+Textfeld\s+1\s+49,7 \/ [\d,]+\s+495,3 × 16\s+Name der Kommune oder Organisation/);
    expect(out).toMatch(/erklaerung\.fdgo\s+Kontrollkästchen\s+4/);
    expect(out).toMatch(/\n\d{3} Felder, \d{3} Widgets, 10 Seiten\n$/);
    const json = JSON.parse(execFileSync(tsx, ['forms/cli.ts', 'inspect', 'forms/antrag/template.pdf', '--json'], { encoding: 'utf8' }));
    expect(json.pages).toBe(10);
    expect(json.fields[0]).toMatchObject({ name: 'sab.antragsnummer', kind: 'text', page: 1 });
  });

  it('fill writes the application as PDF', () => {
    const input = join(dir, 'antrag.json');
    const output = join(dir, 'antrag.pdf');
    // Without its stored documents (the letter of support, the exemption notice) the Verein's draft is
    // incomplete: the CLI decides that exactly as the web download does.
    writeFileSync(input, exportApplication(sampleVereinApplication()));
    const result = run('fill', input, output, '--datum=2026-11-22');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Geschrieben: .*antrag\.pdf \(\d+ KB\)\n$/);
    const text = squash(pdfText(readFileSync(output)));
    expect(text).toContain('Łukasz Wójcik');
    expect(text).toContain('Entwurf – der Antrag ist noch nicht vollständig');
    expect(text).toContain('Stand 22.11.2026');
    expect(text).toContain('Anlage 3 – Ergebnis der Förderprüfung');
    expect(text).toContain('Unterstützungsschreiben der betroffenen Kommune noch nicht beigefügt');

    const complete = join(dir, 'vollstaendig.json');
    writeFileSync(
      complete,
      exportApplication(sampleVereinApplication(), {
        attachments: sampleAttachments(['unterstuetzungsschreiben', 'freistellungsbescheid']),
      }),
    );
    expect(run('fill', complete, output, '--datum=2026-11-22').stderr).toBe('');
    const final = squash(pdfText(readFileSync(output)));
    expect(final).not.toContain('Entwurf – der Antrag');
    expect(final).toContain('4 Unterstützungsschreiben der betroffenen Kommune unterstuetzungsschreiben-beispiel.pdf');
  });

  it('explains bad input in German', () => {
    const input = join(dir, 'kaputt.json');
    writeFileSync(input, '{"schemaVersion": 1, "application": {"schemaVersion": 1, "project": {"title": 5}}}');
    const result = run('fill', input, join(dir, 'x.pdf'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Feld „application.project.title“: erwartet wird ein Text.');
    expect(run('inspect', join(dir, 'fehlt.pdf')).stderr).toContain('gibt es nicht');
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from(exportApplication(sampleVereinApplication()), 'latin1'));
    const refused = run('fill', latin1, join(dir, 'x.pdf'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('nicht als UTF-8 gespeichert');
    const unknown = run('gibtsnicht');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unbekannter Befehl „gibtsnicht“');
  });
});
