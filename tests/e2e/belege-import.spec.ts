import { formatEuro } from '../../machines/shared/format';
import { expect, signIn, test } from '../support/fixtures';
import { clientFor } from '../support/http';
import { financeExport } from '../support/receipts-csv';
import { approvedApplication, bescheidForm } from '../support/umsetzung';

/**
 * Issue 19 Nr. 2: a municipality takes its receipts over from its finance system's CSV export:
 * the file in Windows-1252 is recognised, the columns are suggested, every row is checked with the
 * clause, only the rows that pass are taken over, and a second import of the same file adds nothing.
 */
test('receipts from a finance export: mapping, checked rows, only the good ones taken over, a second import adds nothing', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const client = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(client, `Belegimport ${test.info().project.name}`);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  await client.dispose();
  const file = financeExport();

  await signIn(page, 'kommune');
  await page.goto(`/antraege/${id}/umsetzung/belege`);
  await page.getByRole('link', { name: 'Belege aus einer CSV-Datei übernehmen' }).click();
  await page.getByRole('button', { name: 'Datei lesen' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte wählen Sie die CSV-Datei mit den Belegen.');

  await page.getByLabel('CSV-Datei', { exact: true }).setInputFiles({ name: 'finanzen.csv', mimeType: 'text/csv', buffer: file.bytes });
  await page.getByRole('button', { name: 'Datei lesen' }).click();
  await expect(page.getByText(/wir haben sie als Windows-1252 gelesen/)).toBeVisible();
  // The columns are suggested from their names.
  await expect(page.getByLabel('Rechnungsdatum')).toHaveValue('0');
  await expect(page.getByLabel('Zahlungsdatum')).toHaveValue('1');
  await expect(page.getByLabel('Empfänger')).toHaveValue('2');
  await expect(page.getByLabel('Position des Finanzierungsplans')).toHaveValue('spalte:4');
  await expect(page.getByText('Büro Größe 7')).toBeVisible();
  await expect(
    page.getByText(`20 Zeilen: 19 fehlerfrei (${formatEuro(file.validSumCents)}), 1 mit Fehlern, 0 schon in der Belegliste.`),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Zeilen mit Fehlern' })).toContainText(
    'Zeile 21: Rechnungsdatum: Das Rechnungsdatum 15.03.2026 liegt außerhalb des Bewilligungszeitraums',
  );

  // Taking over with an error in the file needs a deliberate choice; nothing is stored before.
  await page.getByRole('button', { name: '19 Belege übernehmen' }).click();
  await expect(page.getByRole('alert')).toContainText('1 Zeile hat Fehler');
  await page.getByLabel(/Nur die fehlerfreien Zeilen übernehmen/).check();
  await page.getByRole('button', { name: '19 Belege übernehmen' }).click();
  await expect(page.getByText('19 Belege aus der CSV-Datei sind übernommen.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Belege in zeitlicher Reihenfolge \(19\)/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Stand je Position gegen den bewilligten Plan' }).locator('tfoot')).toContainText(
    formatEuro(file.validSumCents),
  );

  // The same export again (next month's export still holds these rows): nothing is added twice.
  await page.getByRole('link', { name: 'Belege aus einer CSV-Datei übernehmen' }).click();
  await page.getByLabel('CSV-Datei', { exact: true }).setInputFiles({ name: 'finanzen.csv', mimeType: 'text/csv', buffer: file.bytes });
  await page.getByRole('button', { name: 'Datei lesen' }).click();
  await expect(page.getByText('20 Zeilen: 0 fehlerfrei (0,00 €), 1 mit Fehlern, 19 schon in der Belegliste.')).toBeVisible();
  await page.getByLabel(/Nur die fehlerfreien Zeilen übernehmen/).check();
  await page.getByRole('button', { name: '0 Belege übernehmen' }).click();
  await expect(page.getByRole('alert')).toContainText('Keine Zeile lässt sich übernehmen');
  await page.goto(`/antraege/${id}/umsetzung/belege`);
  await expect(page.getByRole('table', { name: /Belege in zeitlicher Reihenfolge \(19\)/ })).toBeVisible();
});
