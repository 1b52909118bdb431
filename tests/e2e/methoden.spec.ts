import { expect, test } from '../support/fixtures';

/**
 * The public methods catalogue (issue 17), with and without JavaScript: everything is a GET form,
 * so both projects run the same steps.
 */
test('a new visitor without an account finds a method for young people, under 20 000 €, two evenings', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Methoden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Methoden der Bürgerbeteiligung' })).toBeVisible();

  await page.getByLabel('Zielgruppe').selectOption({ label: 'Jugendliche und junge Erwachsene' });
  await page.getByLabel('Typische Kosten ab').selectOption({ label: 'höchstens 20.000 €' });
  await page.getByLabel('Anzahl der Treffen').selectOption({ label: 'Zwei bis drei Termine' });
  await page.getByRole('button', { name: 'Suchen' }).click();

  await expect(page).toHaveURL(/zielgruppe=jugendliche/);
  const results = page.getByRole('list', { name: 'Gefundene Methoden' });
  await expect(results.getByRole('link', { name: 'Kinder- und Jugendbeteiligung' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Planungszelle und Bürgergutachten' })).toHaveCount(0);
  // The filters stay chosen on the result page.
  await expect(page.getByLabel('Zielgruppe')).toHaveValue('jugendliche');

  await results.getByRole('link', { name: 'Kinder- und Jugendbeteiligung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kinder- und Jugendbeteiligung' })).toBeVisible();
  const costs = page.getByRole('table', { name: 'Kostentreiber von Kinder- und Jugendbeteiligung' });
  await expect(costs.getByRole('row', { name: /Jugendgerechte Moderation\s+Honorare/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'QualitätsCheck: Kriterien, die diese Methode stärkt' })).toBeVisible();
  await expect(page.getByText('Mitwirkung aller Betroffenen', { exact: false }).first()).toBeVisible();
});

test('search ranks by relevance with German stemming, and bad input gets a message, not an error', async ({ page }) => {
  await page.goto('/methoden');
  await page.getByRole('searchbox', { name: 'Suchbegriff' }).fill('Jugendlicher');
  await page.getByRole('button', { name: 'Suchen' }).click();
  const results = page.getByRole('list', { name: 'Gefundene Methoden' });
  await expect(results.getByRole('heading').first()).toHaveText('Kinder- und Jugendbeteiligung');
  await expect(page.getByRole('status')).toContainText('die passendsten zuerst');

  await page.getByRole('searchbox', { name: 'Suchbegriff' }).fill('?!…');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByText('Ihre Suche enthält keine Wörter')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Suchbegriff' })).toHaveValue('?!…');
  await expect(results.getByRole('listitem')).toHaveCount(0);
});

test('an excluded statutory instrument says so and cites the clause', async ({ page }) => {
  await page.goto('/methoden/bauleitplanung-oeffentlichkeitsbeteiligung');
  await expect(page.getByText('Nicht förderfähig.', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('FRL Teil 2 A II Nr. 2').first()).toBeVisible();
});

test('the finder ranks methods for up to four goals and keeps the choice when there are too many', async ({ page }) => {
  await page.goto('/methoden');
  await page.getByRole('link', { name: 'Methodenfinder' }).click();
  for (const goal of [
    'Ideen sammeln',
    'Einen Konflikt bearbeiten',
    'Kinder und Jugendliche beteiligen',
    'Gemeinsam planen',
    'Ein Meinungsbild einholen',
  ]) {
    await page.getByRole('checkbox', { name: goal }).check();
  }
  await page.getByRole('button', { name: 'Methoden finden' }).click();
  await expect(page.getByText('Bitte wählen Sie höchstens 4 Ziele; Sie haben 5 gewählt.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Ein Meinungsbild einholen' })).toBeChecked();

  for (const goal of ['Einen Konflikt bearbeiten', 'Gemeinsam planen', 'Ein Meinungsbild einholen']) {
    await page.getByRole('checkbox', { name: goal }).uncheck();
  }
  await page.getByRole('button', { name: 'Methoden finden' }).click();
  const hits = page.getByRole('list', { name: 'Passende Methoden' });
  await expect(hits.getByRole('heading').first()).toHaveText('Kinder- und Jugendbeteiligung');
  await expect(hits.getByRole('listitem').first()).toContainText('Passt zu: Kinder und Jugendliche beteiligen, Ideen sammeln');
});

test('the catalogue works by keyboard alone', async ({ page }) => {
  await page.goto('/methoden');
  await page.getByRole('searchbox', { name: 'Suchbegriff' }).focus();
  await page.keyboard.type('Losverfahren');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=Losverfahren/);
  const first = page.getByRole('list', { name: 'Gefundene Methoden' }).getByRole('link').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Planungszelle|Bürgerrat/);
});

test('good examples: marked as fictional demo entries, filtered by method, linked both ways with the methods', async ({ page }) => {
  await page.goto('/methoden/buergerrat');
  const examples = page.getByRole('list', { name: 'Beispiele mit dieser Methode' });
  await examples.getByRole('link', { name: 'Bürgerrat Mobilität im Ortskern von Lindenau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bürgerrat Mobilität im Ortskern von Lindenau' })).toBeVisible();
  await expect(page.getByText('Erfundenes Demo-Beispiel.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Was wir anders machen würden' })).toBeVisible();

  await page.getByRole('link', { name: 'Alle Beispiele' }).click();
  await expect(page.getByText(/Einträge mit dem Hinweis/)).toBeVisible();
  await page.getByLabel('Methode').selectOption({ label: 'Nachbarschaftsgespräche' });
  await page.getByRole('button', { name: 'Suchen' }).click();
  const results = page.getByRole('list', { name: 'Gefundene Beispiele' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await results.getByRole('link', { name: 'Küchentischgespräche in der Weststadt' }).click();
  await page.getByRole('link', { name: 'Aktivierende Befragung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aktivierende Befragung' })).toBeVisible();
});
