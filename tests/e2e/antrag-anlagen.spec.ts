import { fileURLToPath } from 'node:url';
import { expect, signIn, test } from '../support/fixtures';
import { fillProject, startApplication, submitStep } from '../support/wizard';

const pdf = fileURLToPath(new URL('../support/beispiel.pdf', import.meta.url));

test('uploading: a fake PDF is refused, a real one is listed and can be downloaded and removed', { tag: '@js' }, async ({ page }) => {
  await signIn(page, 'kommune');
  const overview = await startApplication(page);
  await page.getByRole('link', { name: 'Vorhaben', exact: true }).click();
  await fillProject(page);
  await submitStep(page);
  await page.goto(`${overview}/anlagen`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anlagen');

  await page.getByLabel('Art der Unterlage').selectOption('sonstiges');
  await page
    .getByLabel('Datei', { exact: true })
    .setInputFiles({ name: 'vertrag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Das ist kein PDF.') });
  await page.getByRole('button', { name: 'Hochladen' }).click();
  await expect(page.getByRole('alert')).toContainText('„vertrag.pdf“ ist keine PDF-, JPEG-, PNG-, DOCX- oder ODT-Datei');

  await page.getByLabel('Art der Unterlage').selectOption('kostenangebote');
  await page.getByLabel('Datei', { exact: true }).setInputFiles(pdf);
  await page.getByRole('button', { name: 'Hochladen' }).click();
  await expect(page.getByText('Die Datei wurde hochgeladen.')).toBeVisible();
  const link = page.getByRole('link', { name: 'beispiel.pdf' });
  await expect(link).toBeVisible();
  const download = await Promise.all([page.waitForEvent('download'), link.click()]).then(([d]) => d);
  expect(download.suggestedFilename()).toBe('beispiel.pdf');

  await page.getByRole('button', { name: /Entfernen – beispiel.pdf/ }).click();
  await expect(page.getByText('Die Anlage wurde entfernt.')).toBeVisible();
  await expect(page.getByText('Noch keine Dateien.')).toBeVisible();
});

test('a file over 10 MB gets a German message, with or without JavaScript', { tag: '@js' }, async ({ page }) => {
  await signIn(page, 'kommune');
  const overview = await startApplication(page);
  await page.getByRole('link', { name: 'Vorhaben', exact: true }).click();
  await fillProject(page);
  await submitStep(page);
  await page.goto(`${overview}/anlagen`);
  await page.getByLabel('Art der Unterlage').selectOption('sonstiges');
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 32)]);
  await page.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'gross.pdf', mimeType: 'application/pdf', buffer: big });
  await page.getByRole('button', { name: 'Hochladen' }).click();
  await expect(page.getByText(/größer als 10 MB/).first()).toBeVisible();
  await expect(page.getByLabel('Art der Unterlage')).toHaveValue('sonstiges');
});

test('after an upload, a refused one shows only its error, keeps the chosen kind, and umlauts stay in names (issue 22, defect 3)', async ({
  page,
}) => {
  await signIn(page, 'kommune');
  const overview = await startApplication(page);
  await page.getByRole('link', { name: 'Vorhaben', exact: true }).click();
  await fillProject(page);
  await submitStep(page);
  await page.goto(`${overview}/anlagen`);
  // An Einzelvorhaben without Verbund needs no attachment: the page does not claim that all are there.
  await expect(page.getByText('Für Ihren Förderweg schreibt die Richtlinie keine Anlage vor.')).toBeVisible();
  await expect(page.getByText('Alle für Ihren Förderweg nötigen Unterlagen liegen vor.')).toHaveCount(0);

  // "Müller" as a Mac sends it (u + combining diaeresis) is stored and offered as "Müller"; a ";" in
  // the name (which Remix's multipart reader refused as a whole) becomes a space in the stored name.
  const { readFile } = await import('node:fs/promises');
  await page.getByLabel('Art der Unterlage').selectOption('kostenangebote');
  await page.getByLabel('Datei', { exact: true }).setInputFiles({
    name: 'Angebot Müller; Stand 03-2026.pdf'.normalize('NFD'),
    mimeType: 'application/pdf',
    buffer: await readFile(pdf),
  });
  await page.getByRole('button', { name: 'Hochladen' }).click();
  await expect(page.getByText('Die Datei wurde hochgeladen.')).toBeVisible();
  const link = page.getByRole('link', { name: 'Angebot Müller Stand 03-2026.pdf' });
  await expect(link).toBeVisible();
  const download = await Promise.all([page.waitForEvent('download'), link.click()]).then(([d]) => d);
  expect(download.suggestedFilename()).toBe('Angebot Müller Stand 03-2026.pdf');

  await page.getByLabel('Art der Unterlage').selectOption('satzung-traeger');
  await page
    .getByLabel('Datei', { exact: true })
    .setInputFiles({ name: 'satzung.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Kein PDF.') });
  await page.getByRole('button', { name: 'Hochladen' }).click();
  await expect(page.getByRole('alert')).toContainText('Die Datei wurde nicht hochgeladen');
  await expect(page.getByText('Die Datei wurde hochgeladen.')).toHaveCount(0);
  await expect(page.getByLabel('Art der Unterlage')).toHaveValue('satzung-traeger');
});
