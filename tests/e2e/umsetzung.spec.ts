import { expect, signIn, test } from '../support/fixtures';
import { clientFor } from '../support/http';
import { approvedApplication } from '../support/umsetzung';

/**
 * A municipality records its Bescheid, reports the start and keeps its Belegliste – with and without
 * JavaScript (this file runs in both projects), by keyboard where it matters.
 */
test('a municipality records the Bescheid, reports the start and books, changes and removes receipts', async ({ page, baseURL }) => {
  // A long walk through four pages; the bound is an upper limit, not a duration to meet.
  test.slow();
  const client = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(client, `Umsetzung E2E ${test.info().project.name}`);
  await client.dispose();
  await signIn(page, 'kommune');
  await page.goto(`/antraege/${id}`);
  await page.getByRole('link', { name: /Vorhaben in Umsetzung/ }).click();
  await page.getByRole('link', { name: 'Bescheid erfassen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bescheid erfassen' })).toBeVisible();
  await expect(page.getByLabel('Datum des Bescheides')).toHaveValue('02.03.2026');

  await page.getByLabel('Aktenzeichen').fill('SAB-BB-2026-077');
  await page.getByLabel('Zugang des Bescheides').fill('10.03.2026');
  await page.getByLabel('Beginn des Bewilligungszeitraums').fill('01.04.2026');
  await page.getByLabel('Ende des Bewilligungszeitraums').fill('31.03.2027');
  await page.getByLabel('Bewilligte Zuwendung in Euro').fill('9.000');
  await page.getByLabel('Fördersatz in Prozent').fill('90');
  await page.getByRole('group', { name: 'Sind Sie zum Vorsteuerabzug berechtigt?' }).getByLabel('Nein').check();
  await page
    .getByRole('group', { name: /Vorauszahlungen auf Mittelabruf/ })
    .getByLabel('Nein')
    .check();
  const first = page.getByRole('group', { name: 'Position 1' });
  await first.getByLabel('Bezeichnung').fill('Honorare');
  await first.getByLabel('Bewilligter Betrag in Euro').fill('6.000,00');
  // A second line without JavaScript: the server answers with one more row, everything typed kept.
  await page.getByRole('button', { name: 'Weitere Position anfügen' }).click();
  await expect(page.getByRole('status')).toContainText('Position 2 ist angefügt');
  await expect(page.getByLabel('Aktenzeichen')).toHaveValue('SAB-BB-2026-077');
  const second = page.getByRole('group', { name: 'Position 2' });
  await second.getByLabel('Bezeichnung').fill('Öffentlichkeitsarbeit');
  await second.getByLabel('Bewilligter Betrag in Euro').fill('4.000,00');
  await page.getByLabel('Eigenmittel in Euro').fill('900');
  await page.getByRole('button', { name: 'Bescheid speichern' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie' });
  await expect(summary).toContainText('nicht ausgeglichen');
  await expect(page.getByLabel('Eigenmittel in Euro')).toHaveValue('900');
  await page.getByLabel('Eigenmittel in Euro').fill('1.000,00');
  await page.getByRole('button', { name: 'Bescheid speichern' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Vorhaben in Umsetzung' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Das Vorhaben ist jetzt in Umsetzung');
  await expect(page.getByText('11.04.2026')).toBeVisible();
  await expect(page.getByText(/Entscheidung nötig: Feste Rate unter der Untergrenze/)).toBeVisible();

  // The start: reported, the first instalment (40 %) becomes due once the Bescheid is final.
  await page.getByLabel('Vorhaben begonnen am').fill('15.04.2026');
  await page.getByLabel('Beginn der SAB angezeigt am').fill('20.04.2026');
  await page.getByRole('button', { name: 'Termine speichern' }).click();
  await expect(page.getByRole('row', { name: /Erste Rate/ })).toContainText('fällig seit 20.04.2026');
  await expect(page.getByRole('row', { name: /Erste Rate/ })).toContainText('3.600,00');

  // Belegliste: a receipt outside the period is refused at its field, then corrected.
  await page.getByRole('link', { name: 'Belegliste führen' }).click();
  await page.getByLabel('Position des Finanzierungsplans').selectOption({ label: 'Honorare' });
  await page.getByLabel('Rechnungsdatum').fill('01.04.2027');
  await page.getByLabel('Zahlungsdatum').fill('05.04.2027');
  await page.getByLabel('Empfänger').fill('Moderation Meier');
  await page.getByLabel('Grund der Zahlung').fill('Bürgerwerkstatt');
  await page.getByLabel('Betrag brutto in Euro').fill('1.234,56');
  await page.getByLabel('Betrag brutto in Euro').press('Enter');
  await expect(page.getByRole('alert')).toContainText('außerhalb des Bewilligungszeitraums');
  await expect(page.getByLabel('Empfänger')).toHaveValue('Moderation Meier');
  await page.getByLabel('Rechnungsdatum').fill('12.05.2026');
  await page.getByLabel('Zahlungsdatum').fill('20.05.2026');
  await page.getByLabel('Zahlungsdatum').press('Enter');
  await expect(page.getByRole('status')).toContainText('Der Beleg ist erfasst');
  await expect(page.getByRole('row', { name: /^Honorare/ })).toContainText('4.765,44');

  await page.getByRole('link', { name: /Ändern \(Moderation Meier/ }).click();
  // The list page has an amount field too: wait for the edit page before typing into it.
  await expect(page.getByRole('heading', { level: 1, name: 'Beleg ändern' })).toBeVisible();
  await page.getByLabel('Betrag brutto in Euro').fill('6.100,00');
  await page.getByRole('button', { name: 'Änderung speichern' }).click();
  await expect(page.getByRole('status')).toContainText('Der Beleg ist geändert');
  await expect(page.getByRole('row', { name: /^Honorare/ })).toContainText('-100,00 € (überschritten)');
  await expect(page.getByText(/durch Einsparungen gedeckt/)).toBeVisible();

  await page.getByRole('button', { name: /Entfernen \(Moderation Meier/ }).click();
  await expect(page.getByRole('status')).toContainText('Der Beleg ist entfernt');
  await expect(page.getByText('Noch keine Belege erfasst.')).toBeVisible();
});
