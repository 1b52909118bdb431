import { expect, signIn, test } from '../support/fixtures';
import { startAtBudget } from '../support/wizard';

/**
 * From the catalogue into a draft (issue 17.3): "Methode übernehmen" adds the format and returns
 * to the Vorhaben step; the method's cost drivers appear as suggestions on the Kosten step, and
 * taking one adds a line without an amount. Plain forms, so the same steps run with and without JS.
 */
test('an applicant takes a method from the catalogue into a draft and a suggested cost line into the budget', async ({ page }) => {
  await signIn(page, 'kommune');
  const overview = await startAtBudget(page);
  const id = overview.split('/').pop();

  await page.goto(`${overview}/vorhaben`);
  await page.getByRole('link', { name: 'Methodenkatalog' }).click();
  await expect(page).toHaveURL(new RegExp(`/methoden\\?antrag=${id}$`));
  await page.getByRole('searchbox', { name: 'Suchbegriff' }).fill('Jugendlicher');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await page.getByRole('list', { name: 'Gefundene Methoden' }).getByRole('link', { name: 'Kinder- und Jugendbeteiligung' }).click();
  await expect(page.getByLabel('Antrag', { exact: true })).toHaveValue(id!);
  await page.getByRole('button', { name: 'Methode übernehmen' }).click();

  await expect(page).toHaveURL(new RegExp(`/antraege/${id}/vorhaben\\?methode=uebernommen`));
  await expect(page.getByRole('status').filter({ hasText: 'als Beteiligungsformat übernommen' })).toBeVisible();
  const formats = page.getByLabel('Format', { exact: true });
  await expect(formats).toHaveCount(2);
  await expect(formats.nth(1)).toHaveValue('kinder-jugendbeteiligung');

  // Taking it a second time adds nothing.
  await page.goto(`/methoden/kinder-und-jugendbeteiligung?antrag=${id}`);
  await page.getByRole('button', { name: 'Methode übernehmen' }).click();
  await expect(page.getByText('bereits als Beteiligungsformat gewählt')).toBeVisible();
  await expect(page.getByLabel('Format', { exact: true })).toHaveCount(2);

  await page.goto(`${overview}/kosten`);
  const suggestions = page.getByRole('region', { name: 'Vorschläge aus Ihren Beteiligungsformaten' });
  await expect(suggestions.getByRole('listitem').filter({ hasText: 'Jugendgerechte Moderation' })).toBeVisible();
  await expect(suggestions.getByRole('listitem').filter({ hasText: 'Losverfahren, Anschreiben und Nachfassen' })).toBeVisible(); // from the Bürgerrat chosen earlier
  await suggestions.getByRole('button', { name: /Als Ausgabe übernehmen.*Jugendgerechte Moderation/ }).click();

  const description = page.getByLabel(/^Beschreibung, Ausgabe/);
  await expect(description).toHaveCount(1);
  await expect(description).toHaveValue('Jugendgerechte Moderation');
  await expect(page.getByLabel('Kategorie, Ausgabe 1')).toHaveValue('honorare');
  await expect(page.getByLabel('Pauschalbetrag in Euro')).toHaveValue('');
});

test('a visitor without an account is asked to sign in, and an excluded instrument offers no "übernehmen"', async ({ page }) => {
  await page.goto('/methoden/buergerrat');
  await expect(page.getByRole('link', { name: 'Melden Sie sich an' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Methode übernehmen' })).toHaveCount(0);
  await page.goto('/methoden/einwohnerversammlung');
  await expect(page.getByRole('heading', { name: 'In einen Antrag übernehmen' })).toHaveCount(0);
});
