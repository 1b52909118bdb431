import { readFileSync } from 'node:fs';
import { expect, signIn, test } from '../support/fixtures';
import { clientFor } from '../support/http';
import { pdfText, squash } from '../support/pdf';
import { approvedApplication, bescheidForm, receiptForm } from '../support/umsetzung';

/**
 * Issue 19 Nr. 5: a municipality writes its Verwendungsnachweis in the browser, with and without
 * JavaScript (listed in withJavaScriptToo): the figures come from its Belegliste, a wrong amount is
 * sent back at its field with everything kept, and the finished PDF says what the page said.
 */
test('a municipality writes the Sachbericht, confirms, and downloads a complete Verwendungsnachweis', async ({ page, baseURL }) => {
  test.slow();
  const client = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(client, `Nachweis E2E ${test.info().project.name}`);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  expect((await client.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ grossCents: '5.999,99' }))).status()).toBe(302);
  expect(
    (
      await client.post(
        `/antraege/${id}/umsetzung/belege`,
        receiptForm({ lineId: 'oeffentlichkeitsarbeit', grossCents: '4.000,01', payee: 'Druckerei Späth', purpose: 'Plakate' }),
      )
    ).status(),
  ).toBe(302);
  await client.dispose();

  await signIn(page, 'kommune');
  await page.goto(`/antraege/${id}/umsetzung`);
  await expect(page.getByText('nicht begonnen', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Verwendungsnachweis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verwendungsnachweis' })).toBeVisible();
  // The figures from the Belegliste, before anything is typed.
  await expect(page.getByRole('row', { name: /Summe der Ausgaben/ })).toContainText('10.000,00');
  await expect(page.getByText('Noch nicht vollständig')).toBeVisible();

  await page.getByLabel('Ziele und Zielerreichung').fill('Alle vier Ortsteile waren vertreten.');
  await page.getByLabel('Verwendung der Zuwendung: was wurde durchgeführt?').fill('Drei Bürgerwerkstätten.');
  await page.getByLabel('Wer wurde erreicht?').fill('Auch Jugendliche über die Schule.');
  await page.getByLabel('Ergebnisse und ihre Wirkung').fill('Der Gemeinderat hat die Empfehlungen beschlossen.');
  await page.getByLabel('Bewertung des Vorhabens').fill('Bewährt hat sich die aufsuchende Einladung.');
  await page.getByLabel('Zahl der beteiligten Personen').fill('312');
  await page.getByLabel('Eigene Mittel in Euro').fill('1.000,0O');
  await page.getByLabel(/stimmen mit den Büchern und Belegen überein/).check();
  await page.getByLabel(/Publizitätspflicht/).check();
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Eigene Mittel');
  // Everything typed is still there, the checkboxes too.
  await expect(page.getByLabel('Bewertung des Vorhabens')).toHaveValue('Bewährt hat sich die aufsuchende Einladung.');
  await expect(page.getByLabel(/Publizitätspflicht/)).toBeChecked();
  await summary.getByRole('link').first().click();
  await expect(page.getByLabel('Eigene Mittel in Euro')).toBeFocused();
  await page.getByLabel('Eigene Mittel in Euro').fill('1.000,00');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByRole('status')).toContainText('Der Entwurf ist gespeichert');
  // Only the date the purpose was fulfilled is missing; it is recorded on the project page.
  await expect(page.getByText(/wann der Zuwendungszweck erfüllt war/)).toBeVisible();
  await page.getByRole('link', { name: 'Nachweis E2E', exact: false }).first().click();
  await page.getByLabel('Zuwendungszweck erfüllt am').fill('30.11.2026');
  await page.getByRole('button', { name: 'Termine speichern' }).click();
  await expect(page.getByText('vollständig', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Verwendungsnachweis' }).click();
  await expect(page.getByText('Der Verwendungsnachweis ist vollständig')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Verwendungsnachweis als PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`Verwendungsnachweis-${id}.pdf`);
  const text = squash(pdfText(readFileSync((await file.path())!)));
  expect(text).toContain('Honorare 6.000,00 € 5.999,99 € −0,01 €');
  expect(text).toContain('Öffentlichkeitsarbeit 4.000,00 € 4.000,01 € +0,01 €');
  expect(text).toContain('Bewährt hat sich die aufsuchende Einladung.');
  expect(text).toContain('Zahl der beteiligten Personen: 312');
  expect(text).toContain('☒ Die Publizitätspflicht nach § 44a SäHO');
});

test('an association asks the EBBS to read its Sachbericht; the advisor answers at the questions', async ({ page, browser, baseURL }) => {
  test.slow();
  const client = await clientFor(baseURL!, 'verein');
  const title = `Durchsicht E2E ${test.info().project.name} ${Date.now()}`;
  const id = await approvedApplication(client, title);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  await client.dispose();

  await signIn(page, 'verein');
  await page.goto(`/antraege/${id}/umsetzung/verwendungsnachweis`);
  await page.getByLabel('Ziele und Zielerreichung').fill('Drei Foren, jedes mit über 40 Menschen.');
  await page.getByLabel('Worauf soll die Beratung besonders achten?').fill('Ist die Bewertung ausführlich genug?');
  await page.getByRole('button', { name: 'Speichern und zur Durchsicht geben' }).click();
  await expect(page.getByRole('status')).toContainText('der EBBS-Beratung zur Durchsicht gegeben');
  // The text typed before the button was saved with the request.
  await expect(page.getByLabel('Ziele und Zielerreichung')).toHaveValue('Drei Foren, jedes mit über 40 Menschen.');

  const advisorContext = await browser.newContext({ javaScriptEnabled: test.info().project.name !== 'nojs', locale: 'de-DE' });
  const advisor = await advisorContext.newPage();
  await signIn(advisor, 'beratung');
  await advisor.goto('/beratung');
  await advisor.getByRole('link', { name: title }).click();
  await expect(advisor.getByText('Ist die Bewertung ausführlich genug?')).toBeVisible();
  await expect(advisor.getByText('Drei Foren, jedes mit über 40 Menschen.')).toBeVisible();
  await advisor.getByRole('button', { name: 'Durchsicht übernehmen' }).click();
  await expect(advisor.getByRole('status')).toContainText('Sie haben den Sachbericht übernommen');
  await advisor.getByLabel('Hinweis zu „Bewertung des Vorhabens“').fill('Nennen Sie, was Sie anders machen würden.');
  await advisor.getByRole('button', { name: 'Rückmeldung senden' }).click();
  // The note is missing: said at the field, the remark kept.
  await expect(advisor.getByRole('alert')).toContainText('mindestens 10');
  await expect(advisor.getByLabel('Hinweis zu „Bewertung des Vorhabens“')).toHaveValue('Nennen Sie, was Sie anders machen würden.');
  await advisor.getByLabel('Rückmeldung an die Organisation').fill('Gut gegliedert; die Bewertung ist noch knapp.');
  await advisor.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await expect(advisor.getByRole('status')).toContainText('Ihre Rückmeldung ist gesendet');
  await advisorContext.close();

  await page.goto('/benachrichtigungen');
  await page
    .getByRole('link', { name: new RegExp(`Rückmeldung der EBBS-Beratung zum Sachbericht „${title}“`) })
    .first()
    .click();
  await expect(page.getByText('Gut gegliedert; die Bewertung ist noch knapp.')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Hinweis der Beratung zu „Bewertung des Vorhabens“' })).toContainText(
    'Nennen Sie, was Sie anders machen würden.',
  );
});
