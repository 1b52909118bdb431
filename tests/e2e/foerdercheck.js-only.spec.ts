import { expect, expectAccessible, test } from '../support/fixtures';

test('with JavaScript the same machine gives instant feedback while typing', async ({ page }) => {
  await page.goto('/foerdercheck');
  await page.getByRole('button', { name: 'Förder-Check starten' }).click();
  await expectAccessible(page);
  const preview = page.getByRole('complementary', { name: 'Zwischenstand' });
  await expect(preview).toContainText('Sobald Sie die Frage beantwortet haben');
  await page.getByLabel('Art der antragstellenden Organisation').selectOption('natuerliche_person');
  await expect(preview).toContainText('Nicht förderfähig');
  await expect(preview).toContainText('Als Nächstes kommt das Ergebnis');
  await page.getByLabel('Art der antragstellenden Organisation').selectOption('stadt');
  await expect(preview).toContainText('Als Nächstes kommt „Wo hat Ihre Organisation ihren Sitz?“');
});

test('question and result pages pass axe', async ({ page }) => {
  await page.goto('/foerdercheck');
  await page.getByRole('button', { name: 'Förder-Check starten' }).click();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Art der antragstellenden Organisation').selectOption('unternehmen');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page).toHaveURL('/foerdercheck/ergebnis');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Erklärungen in einfacher Sprache anzeigen' }).click();
  await expectAccessible(page);
});

test('the Zwischenstand names the question that really follows, on every question reached by "Weiter" (issue 22, defect 1)', async ({
  page,
}) => {
  const preview = page.getByRole('complementary', { name: 'Zwischenstand' });
  const weiter = async (expectedHeading: string) => {
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expectedHeading);
    // Focus moves to the new question's heading, as on a page load.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  };
  await page.goto('/foerdercheck');
  await page.getByRole('button', { name: 'Förder-Check starten' }).click();
  await page.getByLabel('Art der antragstellenden Organisation').selectOption('gemeinde');
  await expect(preview).toContainText('Als Nächstes kommt „Wo hat Ihre Organisation ihren Sitz?“');
  await weiter('Wo hat Ihre Organisation ihren Sitz?');
  // A new question starts without the previous question's preview.
  await expect(preview).toContainText('Sobald Sie die Frage beantwortet haben');
  await page.getByLabel('Landkreis oder kreisfreie Stadt des Sitzes').selectOption('Görlitz');
  await expect(preview).toContainText('Als Nächstes kommt „Welcher Förderweg passt zu Ihrem Vorhaben?“');
  await weiter('Welcher Förderweg passt zu Ihrem Vorhaben?');
  await page.getByRole('radio', { name: /^Bürgerkommune/ }).check();
  await expect(preview).toContainText('Als Nächstes kommt „Stellen Sie den Antrag gemeinsam mit anderen Kommunen?“');
  await weiter('Stellen Sie den Antrag gemeinsam mit anderen Kommunen?');
  await page
    .getByRole('group', { name: /als Verbund/ })
    .getByLabel('Nein')
    .check();
  await expect(preview).toContainText('Als Nächstes kommt „Hat Ihre Kommune Beteiligung schon verbindlich geregelt');
  await weiter('Hat Ihre Kommune Beteiligung schon verbindlich geregelt oder regelmäßig praktiziert?');

  // Back on a visited question, the preview follows the answer given there, not the furthest step.
  await page.getByRole('button', { name: 'Zurück' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stellen Sie den Antrag gemeinsam mit anderen Kommunen?');
  await page
    .getByRole('group', { name: /als Verbund/ })
    .getByLabel('Nein')
    .check();
  await expect(preview).toContainText('Als Nächstes kommt „Hat Ihre Kommune Beteiligung schon verbindlich geregelt');
});
