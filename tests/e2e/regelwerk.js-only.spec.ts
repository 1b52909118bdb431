import { expect, expectAccessible, signIn, test, waitForHydration } from '../support/fixtures';

/**
 * axe on the states of the workbench that only exist after a submission (errors, results, a draft
 * change), one test per page, so each stays short even on a busy machine.
 */
test('the parameter page stays accessible with errors and with a draft change', async ({ page }) => {
  await signIn(page, 'ministerium');
  await page.goto('/regelwerk/parameter');
  await page.getByRole('button', { name: 'Als Entwurf speichern und Auswirkungen prüfen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Parameter', { exact: true }).selectOption('duration.B');
  await page.getByLabel('Neuer Wert').fill('6');
  await page.getByLabel('Gilt ab').fill('01.01.2035');
  await page.getByLabel('Fundstelle (Rechtsgrundlage)').fill('FRL Teil 2 B V Nr. 3 (Barrierefreiheitstest)');
  await page.getByRole('button', { name: 'Als Entwurf speichern und Auswirkungen prüfen' }).click();
  await expect(page.getByRole('heading', { name: 'Auswirkungen, wenn Sie veröffentlichen' })).toBeVisible();
  await expectAccessible(page);
  // The confirmation page as the proposer sees it (without the approval, which is a second person's).
  const changePath = new URL(page.url()).pathname;
  await page.goto(`${changePath}/freigabe`);
  await expect(page.getByRole('heading', { name: 'Wen es betrifft' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(changePath);
  await page.getByRole('button', { name: 'Verwerfen' }).click();
  await expect(page.getByRole('status')).toContainText('nichts wurde veröffentlicht');
});

test('the test bench stays accessible with a result and with an error', async ({ page }) => {
  await signIn(page, 'ministerium');
  await page.goto('/regelwerk/pruefstand');
  await page.getByRole('button', { name: 'Fall prüfen' }).click();
  await expect(page.getByRole('heading', { name: /^Ergebnis:/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Fall (JSON oder YAML)').fill('{"referenceDate": ');
  await page.getByRole('button', { name: 'Fall prüfen' }).click();
  await expect(page.getByRole('alert')).toContainText('kein gültiges JSON');
  await expectAccessible(page);
});

test('the funding call form stays accessible with errors', async ({ page }) => {
  await signIn(page, 'ministerium');
  await page.goto('/regelwerk/aufrufe/neu');
  // Emptied once React has hydrated the field: this test is about the page with errors (typing
  // before hydration has its own test, ADR 0103).
  await waitForHydration(page, 'textarea[name="requiredDocuments"]');
  await page.getByLabel('Einzureichende Unterlagen').fill('');
  await page.getByRole('button', { name: 'Vorschlag speichern und Auswirkungen prüfen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});

test('the statechart pages reflow: only the diagram scrolls, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, 'ministerium');
  for (const path of ['/regelwerk', '/regelwerk/ablaeufe', '/regelwerk/parameter', '/regelwerk/statistik']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls horizontally`).toBeLessThanOrEqual(0);
  }
});
