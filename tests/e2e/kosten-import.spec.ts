import { expect, signIn, test } from '../support/fixtures';
import { applicationWithBudgetStep } from '../support/budget';
import { clientFor } from '../support/http';

/**
 * Issue 21 Nr. 3 (ADR 0078): the Ausgaben of the budget from a spreadsheet, without JavaScript:
 * the file is uploaded, a column the import could not guess is chosen by hand, every row is shown
 * with its amount and its problems, and only after the confirmation are the lines in the plan.
 */
test('cost lines from a CSV file: upload, fix the mapping, preview, confirm, lines in the table', async ({ page, baseURL }) => {
  test.slow();
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  await client.dispose();
  const file = [
    'Kategorie;Was genau;Menge;Einzelpreis;Pauschalbetrag;Jahr',
    'Honorare;Moderation der Auftaktwerkstatt;2;1.234,56;;2027',
    'öffentlichkeitsarbeit;Plakate und Flyer;;;850;2028',
    'Verpflegung;Imbiss;;;;2027',
  ].join('\r\n');

  await signIn(page, 'verein');
  await page.goto(`${app}/kosten`);
  await page.getByRole('link', { name: 'Ausgaben aus CSV-Datei übernehmen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ausgaben aus einer CSV-Datei übernehmen' })).toBeVisible();
  await page
    .getByLabel('CSV-Datei', { exact: true })
    .setInputFiles({ name: 'kosten.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Datei lesen' }).click();

  // "Was genau" is not a name the import knows: the description has to be chosen.
  await expect(page.getByText('Bitte wählen Sie die Spalte für „Beschreibung“.')).toBeVisible();
  await expect(page.getByLabel('Kategorie', { exact: true })).toHaveValue('0');
  await page.getByLabel('Beschreibung', { exact: true }).selectOption({ label: 'Spalte 2: Was genau' });
  await page.getByRole('button', { name: 'Zuordnung prüfen' }).click();
  await expect(page.getByText('Bitte wählen Sie die Spalte für „Beschreibung“.')).toHaveCount(0);

  const preview = page.getByRole('table', { name: 'Zeilen der Datei mit Betrag und Ergebnis der Prüfung' });
  await expect(preview.getByRole('row', { name: /Moderation der Auftaktwerkstatt/ })).toContainText('2.469,12 €');
  await expect(preview.getByRole('row', { name: /Plakate und Flyer/ })).toContainText('850,00 €');
  await expect(page.getByText('3 Zeilen: 2 fehlerfrei (3.319,12 €), 1 mit Fehlern. Noch ist nichts übernommen.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Zeilen mit Fehlern' })).toContainText(
    'Zeile 4: Menge oder Stunden: Bitte geben Sie die Menge an (mehr als 0). Einzelpreis: Bitte geben Sie den Einzelpreis an.',
  );

  await page.getByRole('button', { name: '2 Ausgaben übernehmen' }).click();
  await expect(page.getByRole('alert')).toContainText('1 Zeile hat Fehler');
  await page.getByLabel('Nur fehlerfreie Zeilen übernehmen', { exact: false }).check();
  await page.getByRole('button', { name: '2 Ausgaben übernehmen' }).click();

  await expect(page).toHaveURL(new RegExp(`${app}/kosten\\?importiert=2#summen$`));
  await expect(page.getByRole('status').filter({ hasText: '2 Ausgaben übernommen.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Moderation der Auftaktwerkstatt/ })).toContainText('2.469,12 €');
  await expect(page.getByRole('row', { name: /Plakate und Flyer/ })).toContainText('850,00 €');
  // 'Imbiss' also stands in the Verpflegung hint: the table has the two good rows only.
  await expect(page.getByRole('row', { name: /Imbiss/ })).toHaveCount(0);
});
