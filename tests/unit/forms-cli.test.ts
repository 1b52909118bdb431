import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportApplication } from '../../forms/antrag/json';
import { formsCli } from '../../forms/cli';
import { inProcess, throughTsx } from '../support/cli';
import { pdfText, squash } from '../support/pdf';
import { sampleAttachments, sampleVereinApplication } from '../support/sample-application';

const dir = mkdtempSync(join(tmpdir(), 'forms-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command's function in this process; the entry point itself is run through tsx below. */
const run = (...args: string[]) => inProcess((io) => formsCli(args, io));

describe('npm run forms', () => {
  it('inspect lists the fields of a PDF with type, page and geometry', async () => {
    const { stdout: out, status } = await run('inspect', 'forms/antrag/template.pdf');
    expect(status).toBe(0);
    expect(out).toMatch(/^Feld\s+Typ\s+Seite\s+x \/ y \(pt\)\s+Breite × Höhe\s+Bezeichnung/);
    expect(out).toMatch(/antragsteller\.name\s+Textfeld\s+1\s+49,7 \/ [\d,]+\s+495,3 × 16\s+Name der Kommune oder Organisation/);
    expect(out).toMatch(/erklaerung\.fdgo\s+Kontrollkästchen\s+4/);
    expect(out).toMatch(/\n\d{3} Felder, \d{3} Widgets, 10 Seiten\n$/);
    const json = JSON.parse((await run('inspect', 'forms/antrag/template.pdf', '--json')).stdout);
    expect(json.pages).toBe(10);
    expect(json.fields[0]).toMatchObject({ name: 'sab.antragsnummer', kind: 'text', page: 1 });
  });

  it('fill writes the application as PDF', async () => {
    const input = join(dir, 'antrag.json');
    const output = join(dir, 'antrag.pdf');
    // Without its stored documents (the letter of support, the exemption notice) the Verein's draft is
    // incomplete: the CLI decides that exactly as the web download does.
    writeFileSync(input, exportApplication(sampleVereinApplication()));
    const result = await run('fill', input, output, '--datum=2026-11-22');
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
    expect((await run('fill', complete, output, '--datum=2026-11-22')).stderr).toBe('');
    const final = squash(pdfText(readFileSync(output)));
    expect(final).not.toContain('Entwurf – der Antrag');
    expect(final).toContain('4 Unterstützungsschreiben der betroffenen Kommune unterstuetzungsschreiben-beispiel.pdf');
  });

  it('explains bad input in German', async () => {
    const input = join(dir, 'kaputt.json');
    writeFileSync(input, '{"schemaVersion": 1, "application": {"schemaVersion": 1, "project": {"title": 5}}}');
    const result = await run('fill', input, join(dir, 'x.pdf'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Feld „application.project.title“: erwartet wird ein Text.');
    expect((await run('inspect', join(dir, 'fehlt.pdf'))).stderr).toContain('gibt es nicht');
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from(exportApplication(sampleVereinApplication()), 'latin1'));
    const refused = await run('fill', latin1, join(dir, 'x.pdf'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('nicht als UTF-8 gespeichert');
    const unknown = await run('gibtsnicht');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unbekannter Befehl „gibtsnicht“');
  });

  // The command itself (tsx, the entry point, its streams and exit code); a few seconds of CPU per
  // start, far more on a busy machine: an explicit budget, not a timing assertion (ADR 0006).
  it('the command line writes the PDF and answers bad input with exit code and message', { timeout: 120_000 }, () => {
    const input = join(dir, 'befehl.json');
    const output = join(dir, 'befehl.pdf');
    writeFileSync(input, exportApplication(sampleVereinApplication()));
    const written = throughTsx('forms/cli.ts', 'fill', input, output, '--datum=2026-11-22');
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(/^Geschrieben: .*befehl\.pdf \(\d+ KB\)\n$/);
    expect(squash(pdfText(readFileSync(output)))).toContain('Łukasz Wójcik');
    const unknown = throughTsx('forms/cli.ts', 'gibtsnicht');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unbekannter Befehl „gibtsnicht“');
  });
});
