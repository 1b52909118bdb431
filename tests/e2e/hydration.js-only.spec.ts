import type { Page } from '@playwright/test';
import { expect, signIn, test, waitForHydration } from '../support/fixtures';

/** Holds back the app's scripts (Remix's build) from now on until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/build\/.+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Text typed while the scripts are still loading survives hydration (ADR 0103). React 18 sets a
 * text area back to its server-rendered text when it hydrates; the page's scripts are held back here
 * until the typing is done, so the test does not depend on how fast the machine is.
 */
test('a text area keeps what was typed before the page hydrated', async ({ page }) => {
  await signIn(page, 'ministerium');
  const release = await holdScripts(page);
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

test('a text area with errors keeps the selection made before the page hydrated, and the focus', async ({ page }) => {
  await signIn(page, 'ministerium');
  await page.goto('/regelwerk/pruefstand');
  await waitForHydration(page, 'textarea[name="fall"]');
  const field = page.getByLabel('Fall (JSON oder YAML)');
  // Typed in two lines: the browser sends the line break as CR LF.
  await field.fill('referenceDate: 2026-11-22\nfacts:\n  applicant: { kind: gemeinde\n');
  const release = await holdScripts(page);
  // The test bench's form always loads a new page: it comes back with the error and the text.
  await page.getByRole('button', { name: 'Fall prüfen' }).click();
  await expect(page.getByRole('alert')).toContainText('Der Fall ist kein gültiges YAML');
  // The person selects the whole text to replace it while the scripts are still loading.
  await field.evaluate((area: HTMLTextAreaElement) => {
    area.focus();
    area.setSelectionRange(0, area.value.length);
  });
  release();
  await waitForHydration(page, 'textarea[name="fall"]');
  // Two frames: React's renders after the hydration (Conform's state) have run.
  for (let frame = 0; frame < 2; frame++)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  // The error summary did not take the focus from the field, and the selection is still the whole text.
  await expect(field).toBeFocused();
  await page.keyboard.insertText('name: Ersetzt');
  await expect(field).toHaveValue('name: Ersetzt');
});
