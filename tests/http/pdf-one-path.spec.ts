import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { exportApplication } from '../../forms/antrag/json';
import { formsCli } from '../../forms/cli';
import { inProcess } from '../support/cli';
import { createTestApplicant, e2eDatabase } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';
import { pdfInfo, pdfPages, squash } from '../support/pdf';
import { maximumTextApplication, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

/**
 * Issue 14.1: the web download and `npm run forms -- fill` make the PDF through one function from
 * the same data. For a draft, an application in advice and a submitted one, both variants are
 * downloaded over HTTP and compared with the CLI's PDF for the same JSON export.
 */

const variants = ['einreichung', 'bearbeitbar'] as const;
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

/**
 * The PDF of `npm run forms -- fill` for the exported JSON: the command's function, called in this
 * process (its entry point through tsx is tested in tests/unit/forms-cli.test.ts, ADR 0108).
 */
async function cliPdf(json: string, variant: (typeof variants)[number]): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-one-path-'));
  try {
    writeFileSync(join(dir, 'antrag.json'), json);
    const args = [
      'fill',
      join(dir, 'antrag.json'),
      join(dir, 'antrag.pdf'),
      `--datum=${today()}`,
      ...(variant === 'bearbeitbar' ? ['--bearbeitbar'] : []),
    ];
    const run = await inProcess((io) => formsCli(args, io));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return new Uint8Array(readFileSync(join(dir, 'antrag.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What must agree: page count, every footer, the list of enclosures, and Anlage 3. */
function outline(bytes: Uint8Array) {
  const pages = pdfPages(bytes, { layout: true });
  // Reading order (not layout) for the enclosure list, whose cells wrap.
  const text = squash(pdfPages(bytes).join(' '));
  const list = /Dem Antrag liegen bei \(Anlagenverzeichnis; Anlagen ohne Nummer fehlen noch\): (.*?) Unterschrift /.exec(text)?.[1];
  return {
    pages: Number(pdfInfo(bytes).Pages),
    footers: pages.map((page) =>
      page
        .split('\n')
        .filter((line) => /Antrag FRL Bürgerbeteiligung ·|Seite \d+ von \d+/.test(line))
        .map(squash),
    ),
    enclosures: list,
    anlage3: text.includes('Anlage 3 – Ergebnis der Förderprüfung'),
    draft: text.includes('Entwurf – der Antrag ist noch nicht vollständig'),
  };
}

async function compareWithCli(client: Client, id: number) {
  const exported = await client.get(`/antraege/${id}/export.json`);
  expect(exported.status()).toBe(200);
  const json = await exported.text();
  const outlines = [];
  for (const variant of variants) {
    const response = await client.get(`/antraege/${id}/pdf?fassung=${variant}`);
    expect(response.status()).toBe(200);
    const web = outline(new Uint8Array(await response.body()));
    const cli = outline(await cliPdf(json, variant));
    expect(web, variant).toEqual(cli);
    expect(web.anlage3, variant).toBe(true);
    expect(web.enclosures, variant).toBeTruthy();
    web.footers.forEach((lines, i) => expect(lines.join(' '), `${variant}, Seite ${i + 1}`).toContain(`Seite ${i + 1} von ${web.pages}`));
    outlines.push(web);
  }
  return outlines;
}

async function reviewVersion(client: Client, path: string): Promise<string> {
  return /name="reviewVersion" value="(\d+)"/.exec(await (await client.get(path)).text())![1]!;
}

function statusOf(id: number): string {
  const db = e2eDatabase();
  const row = db.prepare('select status from applications where id = ?').get(id) as { status: string };
  db.close();
  return row.status;
}

async function imported(client: Client, text: string): Promise<number> {
  const response = await client.post('/antraege/importieren', { text });
  expect(response.status()).toBe(302);
  return Number(/\/antraege\/(\d+)/.exec(response.headers().location!)![1]);
}

test.describe('one PDF path (issue 14.1)', () => {
  test('a draft: web download and CLI agree (both say "Entwurf": its Verbundvereinbarung is missing)', async ({ baseURL }) => {
    const client = await clientFor(baseURL!, await createTestApplicant('Gemeinde Wiesenbach'));
    const id = await imported(client, exportApplication(sampleGemeindeApplication()));
    const [einreichung] = await compareWithCli(client, id);
    expect(einreichung!.draft).toBe(true);
    expect(einreichung!.enclosures).toContain('Verbundvereinbarung noch nicht beigefügt');
    await client.dispose();
  });

  test('an application in advice with a stored Verbundvereinbarung: listed alike by web and CLI', async ({ baseURL }) => {
    const client = await clientFor(baseURL!, await createTestApplicant('Gemeinde Wiesenbach'));
    const advisor = await clientFor(baseURL!, 'beratung');
    const id = await imported(client, exportApplication(sampleGemeindeApplication()));
    const uploaded = await client.api.post(`/antraege/${id}/anlagen`, {
      multipart: {
        csrf: client.csrf,
        docType: 'verbundvereinbarung',
        file: { name: 'Verbundvereinbarung.pdf', mimeType: 'application/pdf', buffer: readFileSync('tests/support/beispiel.pdf') },
      },
    });
    expect(uploaded.status()).toBe(302);
    const asked = await client.post(`/antraege/${id}/status`, {
      intent: 'beratung.anfragen',
      advisor: '',
      note: '',
      reviewVersion: await reviewVersion(client, `/antraege/${id}/status`),
    });
    expect(asked.status()).toBe(302);
    const taken = await advisor.post(`/beratung/${id}`, {
      intent: 'beratung.uebernehmen',
      reviewVersion: await reviewVersion(advisor, `/beratung/${id}`),
    });
    expect(taken.status()).toBe(302);
    expect(statusOf(id)).toBe('in_beratung');
    const [einreichung] = await compareWithCli(client, id);
    expect(einreichung!.draft).toBe(false);
    expect(einreichung!.enclosures).toMatch(/4 Verbundvereinbarung Verbundvereinbarung\.pdf \(PDF, \d+ KB; SHA-256 [0-9a-f]{16}…\)/);
    // The advisor downloads the same document.
    await compareWithCli(advisor, id);
    await Promise.all([client.dispose(), advisor.dispose()]);
  });

  test('a submitted application: web download and CLI agree', async ({ baseURL }) => {
    const client = await clientFor(baseURL!, await createTestApplicant('Bürgerforum Oberlausitz e. V.'));
    const id = await imported(client, exportApplication(sampleVereinApplication()));
    const date = today().split('-').reverse().join('.');
    const recorded = await client.post(`/antraege/${id}/status`, {
      intent: 'einreichung.erfassen',
      date,
      reference: 'SAB-2026-0815',
      reviewVersion: await reviewVersion(client, `/antraege/${id}/status`),
    });
    expect(recorded.status()).toBe(302);
    expect(statusOf(id)).toBe('eingereicht');
    await compareWithCli(client, id);
    await client.dispose();
  });
});

test('the longest text the schema allows makes its PDF while /healthz answers (issue 23.1)', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, await createTestApplicant('Bürgerforum Oberlausitz e. V.'));
  const id = await imported(client, exportApplication(maximumTextApplication()));
  // Both at once: the server makes the PDF (it took 40 s and blocked every request before) and
  // answers the liveness probe; both must succeed.
  const [pdf, health] = await Promise.all([client.get(`/antraege/${id}/pdf?fassung=einreichung`), client.get('/healthz')]);
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe('ok');
  expect(pdf.status()).toBe(200);
  const text = squash(pdfPages(new Uint8Array(await pdf.body())).join(' '));
  expect(text).toContain('Baustein 30');
  await client.dispose();
});

test('the JSON import answers a 20 MB file and a Latin-1 file with their own German messages (issue 23.7)', async ({ baseURL }) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  const client = await clientFor(baseURL!, person);
  const big = await client.api.post('/antraege/importieren', {
    multipart: {
      csrf: client.csrf,
      datei: { name: 'gross.json', mimeType: 'application/json', buffer: Buffer.alloc(20 * 1024 * 1024, 0x20) },
    },
  });
  expect(big.status()).toBe(303);
  expect(big.headers().location).toBe('/antraege/importieren?fehler=zu-gross');
  const page = await (await client.get(big.headers().location!)).text();
  expect(page).toContain('Die Datei ist größer als 2 MB.');
  expect(page).not.toContain('Anlagen dürfen höchstens 10 MB');

  const latin1 = Buffer.from(exportApplication(sampleVereinApplication()), 'latin1');
  const refused = await client.api.post('/antraege/importieren', {
    multipart: { csrf: client.csrf, datei: { name: 'antrag.json', mimeType: 'application/json', buffer: latin1 } },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('nicht als UTF-8 gespeichert');

  const db = e2eDatabase();
  const drafts = db.prepare('select count(*) as n from applications where created_by = ?').get(person.id) as { n: number };
  db.close();
  expect(drafts.n).toBe(0);
  await client.dispose();
});
