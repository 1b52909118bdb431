import { expect, signIn, test } from '../support/fixtures';

test('warns five minutes before the idle timeout and lets the user stay signed in', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'kommune');
  await expect(page.getByText('nach 30 Minuten ohne Aktivität abgemeldet')).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });
  await expect(dialog).toBeHidden();
  await page.clock.fastForward('25:30');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('in 5 Minuten');
  await expect(dialog.getByRole('button', { name: 'Angemeldet bleiben' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Angemeldet bleiben' }).click();
  await expect(dialog).toBeHidden();
});
