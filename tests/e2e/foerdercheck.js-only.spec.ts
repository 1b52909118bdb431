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
