import { readFileSync } from 'node:fs';
import { expect, signIn, test } from '../support/fixtures';
import { pdfText, squash } from '../support/pdf';
import { startApplication } from '../support/wizard';

test('from the task list: the PDF of a draft, the JSON export and its import as a new draft', async ({ page }) => {
  await signIn(page, 'verein');
  const overview = await startApplication(page);
  await page.getByRole('link', { name: 'Vorhaben', exact: true }).click();
  await page.getByLabel('Titel des Vorhabens').fill('Zukunftswerkstatt Neißeufer');
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await expect(page.getByText('Ihre Angaben wurden gespeichert.')).toBeVisible();

  await page.getByRole('radio', { name: 'Zur Einreichung' }).check();
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF herunterladen' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^Antrag-FRL-Buergerbeteiligung-Buergerforum-Oberlausitz-e-V-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = squash(pdfText(new Uint8Array(readFileSync(await pdf.path()))));
  expect(text).toContain('Entwurf');
  expect(text).toContain('Bürgerforum Oberlausitz e. V.');
  expect(text).toContain('Łukasz Wójcik');
  expect(text).toContain('Anlage 3');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Antrag als JSON-Datei exportieren' }).click(),
  ]);
  const exported = readFileSync(await json.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ schemaVersion: 1 });

  await page.goto('/antraege');
  await page.getByRole('link', { name: 'Aus Datei importieren' }).click();
  await page.getByLabel('JSON-Datei').setInputFiles({ name: 'antrag.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.getByRole('button', { name: 'Als neuen Entwurf importieren' }).click();
  await expect(page.getByText('Der Antrag wurde aus der Datei als neuer Entwurf angelegt.')).toBeVisible();
  expect(page.url()).not.toBe(overview);
  const title = (JSON.parse(exported) as { application: { project: { title: string } } }).application.project.title;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a file that is not an application gets a German message on the import page', async ({ page }) => {
  await signIn(page, 'verein');
  await page.goto('/antraege/importieren');
  await page.getByLabel('JSON-Datei').setInputFiles({ name: 'liste.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2, 3]') });
  await page.getByRole('button', { name: 'Als neuen Entwurf importieren' }).click();
  await expect(page.getByRole('alert')).toContainText('Die Datei enthält keinen Antrag');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antrag aus JSON-Datei importieren');
});
