import { expect, signIn, test, waitForHydration } from '../support/fixtures';

/**
 * Text typed while the scripts are still loading survives hydration (ADR 0103). React 18 sets a
 * text area back to its server-rendered text when it hydrates; the page's scripts are held back here
 * until the typing is done, so the test does not depend on how fast the machine is.
 */
test('a text area keeps what was typed before the page hydrated', async ({ page }) => {
  await signIn(page, 'ministerium');
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/build\/.+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/regelwerk/aufrufe/neu', { waitUntil: 'commit' });
  const documents = page.getByLabel('Einzureichende Unterlagen');
  const source = page.getByLabel('Quelle');
  await expect(documents).not.toHaveValue('');
  await documents.fill('Projektskizze\nKostenplan');
  await source.fill('Bekanntmachung vom 01.12.2026');
  release();
  await waitForHydration(page, 'textarea[name="requiredDocuments"]');
  await expect(documents).toHaveValue('Projektskizze\nKostenplan');
  await expect(source).toHaveValue('Bekanntmachung vom 01.12.2026');

  // The enhanced form checks the kept text: the title and deadline are missing, the documents are not.
  await page.getByRole('button', { name: 'Vorschlag speichern und Auswirkungen prüfen' }).click();
  await expect(page.getByRole('link', { name: /Titel des Förderaufrufs/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /einzureichenden Unterlagen/ })).toHaveCount(0);
  await expect(documents).toHaveValue('Projektskizze\nKostenplan');
});
