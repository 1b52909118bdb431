import { PDFDocument } from 'pdf-lib';
import { expect, test } from '@playwright/test';
import { exportApplication } from '../../forms/antrag/json';
import { createTestApplicant, e2eDatabase, e2ePublicUrl } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';
import { pdfText, squash } from '../support/pdf';
import { sampleGemeindeApplication } from '../support/sample-application';

async function newApplication(client: Client): Promise<number> {
  const created = await client.post('/antraege/neu', {});
  expect(created.status()).toBe(302);
  return Number(/\/antraege\/(\d+)/.exec(created.headers().location ?? '')![1]);
}

/** Drafts one person created (other tests create drafts in the same organisation in parallel). */
function draftsCreatedBy(userId: number): Array<{ id: number; organisation: string }> {
  const db = e2eDatabase();
  const rows = db
    .prepare(
      'select applications.id, organisations.name as organisation from applications join organisations on organisations.id = applications.organisation_id where created_by = ? and deleted_at is null order by applications.id',
    )
    .all(userId) as Array<{ id: number; organisation: string }>;
  db.close();
  return rows;
}

test('an incomplete draft downloads as a PDF marked "Entwurf", named after organisation and date, and the download is logged', async ({
  baseURL,
}) => {
  const client = await clientFor(baseURL!, 'kommune2');
  const id = await newApplication(client);
  const response = await client.get(`/antraege/${id}/pdf?fassung=einreichung`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['cache-control']).toContain('no-store');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
  expect(response.headers()['content-disposition']).toBe(
    `attachment; filename="Antrag-FRL-Buergerbeteiligung-Gemeinde-Wiesenbach-${today}.pdf"`,
  );
  const bytes = new Uint8Array(await response.body());
  const pages = pdfText(bytes)
    .split('\f')
    .filter((p) => p.trim());
  for (const page of pages) expect(page).toContain('Entwurf');
  expect(squash(pdfText(bytes))).toContain('Gemeinde Wiesenbach');
  // Flattened: no form fields left.
  expect((await PDFDocument.load(bytes)).getForm().getFields()).toHaveLength(0);

  const editable = await client.get(`/antraege/${id}/pdf?fassung=bearbeitbar`);
  const editableDoc = await PDFDocument.load(new Uint8Array(await editable.body()));
  expect(editableDoc.getForm().getFields().length).toBeGreaterThan(100);
  expect(squash(pdfText(new Uint8Array(await editable.body())))).toContain('Anlage 3');

  const db = e2eDatabase();
  const events = db
    .prepare("select details from application_events where application_id = ? and type = 'pdf.downloaded' order by id")
    .all(id) as Array<{ details: string }>;
  db.close();
  expect(events.map((e) => JSON.parse(e.details))).toEqual([
    { variant: 'einreichung', draft: true, withQualityCheck: false, as: 'member' },
    { variant: 'bearbeitbar', draft: true, withQualityCheck: false, as: 'member' },
  ]);
  await client.dispose();
});

test('export → import → export gives the identical document, as a new draft of the own organisation', async ({ baseURL }) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  const client = await clientFor(baseURL!, person);
  // Built from the configured public address (PUBLIC_URL), not from the host the request came to.
  const schemaUrl = `${e2ePublicUrl()}/schema/antrag-v1.json`;
  expect(schemaUrl).not.toContain(new URL(baseURL!).host);
  const original = exportApplication(sampleGemeindeApplication(), { schemaUrl });
  const imported = await client.post('/antraege/importieren', { text: original });
  expect(imported.status()).toBe(302);
  expect(imported.headers().location).toMatch(/^\/antraege\/\d+\?hinweis=importiert$/);
  const id = /\/antraege\/(\d+)/.exec(imported.headers().location!)![1];
  expect(draftsCreatedBy(person.id)).toEqual([{ id: Number(id), organisation: 'Gemeinde Wiesenbach' }]);
  const exported = await client.get(`/antraege/${id}/export.json`);
  expect(exported.headers()['content-type']).toContain('application/json');
  const first = await exported.text();
  expect(first).toBe(original);
  // And once more through the app: the export of the re-import is identical again.
  const again = await client.post('/antraege/importieren', { text: first });
  const secondId = /\/antraege\/(\d+)/.exec(again.headers().location!)![1];
  expect(await (await client.get(`/antraege/${secondId}/export.json`)).text()).toBe(first);
  // Behind a proxy the app sees another host; the document stays the same.
  const proxied = await client.api.get(`/antraege/${id}/export.json`, { headers: { host: 'intern.example:8080' } });
  expect(await proxied.text()).toBe(first);
  await client.dispose();
});

test('a file of another organisation is imported with the own master data, and says so', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const foreign = exportApplication(sampleGemeindeApplication());
  const response = await client.post('/antraege/importieren', { text: foreign });
  expect(response.headers().location).toMatch(/hinweis=importiert-stammdaten$/);
  const id = /\/antraege\/(\d+)/.exec(response.headers().location!)![1];
  const exported = JSON.parse(await (await client.get(`/antraege/${id}/export.json`)).text()) as {
    application: { applicant: { organisation: { name: string } } };
  };
  expect(exported.application.applicant.organisation.name).toBe('Bürgerforum Oberlausitz e. V.');
  await client.dispose();
});

test('broken or invalid files are refused with German messages, the pasted text is kept and no draft is created', async ({ baseURL }) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  const client = await clientFor(baseURL!, person);
  const cases: Array<[string, string]> = [
    ['{"schemaVersion": 1, "application": ', 'Die Datei ist kein gültiges JSON'],
    ['{"schemaVersion": 7, "application": {}}', 'Die Datei hat die Schemaversion 7; unterstützt wird Version 1.'],
    ['[1, 2]', 'Die Datei enthält keinen Antrag'],
    ['', 'Bitte wählen Sie eine JSON-Datei aus'],
  ];
  const tooLong = JSON.parse(exportApplication(sampleGemeindeApplication())) as { application: { project: { title: string } } };
  tooLong.application.project.title = 'x'.repeat(300);
  cases.push([JSON.stringify(tooLong), 'Feld „application.project.title“: höchstens 200 Zeichen erlaubt.']);
  for (const [text, message] of cases) {
    const response = await client.post('/antraege/importieren', { text });
    expect(response.status(), text.slice(0, 40)).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    if (text.length < 100) expect(html).toContain(text.replace(/"/g, '&quot;').slice(0, 20));
  }
  expect(draftsCreatedBy(person.id)).toEqual([]);
  await client.dispose();
});

test('the JSON Schema is public at a stable URL and names itself', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'anonymous');
  const response = await client.get('/schema/antrag-v1.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/schema+json');
  const schema = (await response.json()) as { $id: string; $schema: string; required: string[] };
  expect(schema.$id).toBe(`${e2ePublicUrl()}/schema/antrag-v1.json`);
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'application']));
  await client.dispose();
});
