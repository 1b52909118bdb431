import { expect, signIn, test } from '../support/fixtures';
import { startApplication } from '../support/wizard';

test.describe('on a phone (issue 22)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the header folds navigation and account behind "Menü", with or without JavaScript', async ({ page }) => {
    await signIn(page, 'verein');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'QualitätsCheck' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeHidden();
    await page.locator('summary', { hasText: 'Menü' }).click();
    await expect(nav.getByRole('link', { name: 'QualitätsCheck' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
    await nav.getByRole('link', { name: 'QualitätsCheck' }).click();
    await expect(page).toHaveURL('/qualitaetscheck');
  });

  test('a table wider than the screen says so and can be scrolled by keyboard', async ({ page }) => {
    await signIn(page, 'kommune2');
    await startApplication(page);
    await page.goto('/antraege');
    const region = page.getByRole('region', { name: 'Anträge' });
    await expect(region).toHaveAttribute('tabindex', '0');
    const hint = page.getByText('Die Tabelle ist breiter als der Bildschirm');
    await expect(hint).toBeVisible();
    await expect(region).toHaveAttribute('aria-describedby', (await hint.getAttribute('id'))!);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the header shows the navigation without a menu button', async ({ page }) => {
    await signIn(page, 'verein');
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'QualitätsCheck' })).toBeVisible();
    await expect(page.locator('summary', { hasText: 'Menü' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  });
});
