import { expect, expectAccessible, signIn, test } from '../support/fixtures';
import { clientFor } from '../support/http';
import { approvedApplication, bescheidForm, receiptForm } from '../support/umsetzung';

/**
 * An association requests money (Mittelabruf) – with and without JavaScript (this file runs in
 * both projects): a row added by a round trip, a refusal at the field with everything kept, the
 * saved request with its PDF; axe (with JavaScript: it runs in the page) on the form, the refusal
 * and the saved list.
 */
test('an association computes, corrects and saves a Mittelabruf and downloads its PDF', async ({ page, baseURL, javaScriptEnabled }) => {
  test.slow();
  const client = await clientFor(baseURL!, 'verein');
  const id = await approvedApplication(client, `Mittelabruf E2E ${test.info().project.name}`);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ advancePayments: 'ja', inKind: '0' }))).status()).toBe(
    302,
  );
  expect((await client.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ grossCents: '2.000,00' }))).status()).toBe(302);
  await client.dispose();

  await signIn(page, 'verein');
  await page.goto(`/antraege/${id}/umsetzung`);
  await page.getByRole('link', { name: 'Mittelabruf erstellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mittelabruf' })).toBeVisible();
  if (javaScriptEnabled !== false) await expectAccessible(page);

  await page.getByLabel('Datum des Mittelabrufs').fill('01.06.2026');
  await page.getByLabel('Voraussichtliche Auszahlung am').fill('10.06.2026');
  const first = page.getByRole('group', { name: 'Geplante Zahlung 1' });
  await first.getByLabel('Position').selectOption({ label: 'Honorare' });
  await first.getByLabel('Fällig am').fill('01.09.2026');
  await first.getByLabel('Betrag in €').fill('3.000,00');
  await first.getByLabel('Wofür').fill('Moderation Bürgerforum');
  await page.getByRole('button', { name: 'Weitere Zahlung anfügen' }).click();
  await expect(page.getByRole('group', { name: 'Geplante Zahlung 4' })).toBeVisible();
  await expect(first.getByLabel('Wofür')).toHaveValue('Moderation Bürgerforum');

  // One cent above 90 % of (2.000 € paid + 3.000 € planned): refused at the field, the amount kept.
  await page.getByLabel('Angeforderter Betrag').fill('4.500,01');
  await page.getByRole('button', { name: 'Mittelabruf speichern' }).click();
  await expect(page.locator('#mittelabruf-requested-error')).toContainText('Höchstens 4.500,00');
  await expect(page.locator('#mittelabruf-requested-error')).toContainText('ANBest-P Nr. 1.4');
  await expect(page.getByLabel('Angeforderter Betrag')).toHaveValue('4.500,01');
  await expect(first.getByLabel('Fällig am')).toHaveValue('01.09.2026');
  if (javaScriptEnabled !== false) await expectAccessible(page);

  await page.getByLabel('Angeforderter Betrag').fill('');
  await page.getByRole('button', { name: 'Berechnen' }).click();
  await expect(page.getByRole('row', { name: /Höchstens abrufbar/ })).toContainText('4.500,00');
  await page.getByRole('button', { name: 'Mittelabruf speichern' }).click();
  await expect(page.getByRole('status')).toContainText('Der Mittelabruf ist gespeichert');
  await expect(page.getByText(/Nr\. 1 vom 01\.06\.2026: 4\.500,00/)).toBeVisible();
  if (javaScriptEnabled !== false) await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /PDF herunterladen/ }).click();
  expect((await download).suggestedFilename()).toBe('Mittelabruf-1-2026-06-01.pdf');
});
