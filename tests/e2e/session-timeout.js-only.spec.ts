import { expect, signIn, test, waitForHydration } from '../support/fixtures';

test('warns five minutes before the idle timeout and lets the user stay signed in', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'kommune');
  await expect(page.getByText('nach 30 Minuten ohne Aktivität abgemeldet')).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });
  await expect(dialog).toBeHidden();
  // The warning fires on the next tick after the jump; had React not yet hydrated the page by then,
  // it would find the text the script wrote into the dialog, render the page anew and replace the
  // open dialog with a closed one (seen once on a busy machine).
  await waitForHydration(page, 'dialog[data-session-timeout] [data-minutes-left]');
  await page.clock.fastForward('25:30');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('in 5 Minuten');
  await expect(dialog.getByRole('button', { name: 'Angemeldet bleiben' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Angemeldet bleiben' }).click();
  await expect(dialog).toBeHidden();
});
