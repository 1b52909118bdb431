import { createTestNetworkMember } from '../support/e2e-database';
import { expect, signIn, test } from '../support/fixtures';

/**
 * Deleting one's own account (issue 20 Nr. 5, ADR 0074) without JavaScript: a wrong password
 * changes nothing; the right one deletes the account, ends the session, and the network posts stay
 * as "Ehemaliges Mitglied".
 */
test('a member deletes the account; a wrong password first changes nothing, the posts stay anonymised', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const name = `Scheidende Person ${suffix}`;
  const title = `Erfahrungen mit Bürgerräten (${suffix})`;
  const account = await createTestNetworkMember(name);
  await signIn(page, account);
  await page.goto('/netzwerk/themen');
  await page.getByLabel('Kategorie des Themas').selectOption({ label: 'Methoden' });
  await page.getByLabel('Überschrift des Themas').fill(title);
  await page.getByLabel('Ja, eine Frage').check();
  await page.getByLabel('Text', { exact: true }).fill('Wie lange hat bei Ihnen die Auswahl per Los gedauert?');
  await page.getByRole('button', { name: 'Thema veröffentlichen' }).click();
  await expect(page.getByText('Ihr Thema ist veröffentlicht.')).toBeVisible();
  const threadPath = new URL(page.url()).pathname;

  await page.goto('/konto');
  await page.getByRole('link', { name: 'Konto löschen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Konto löschen' })).toBeVisible();
  await page.getByLabel('Ihr Passwort').fill('falsches Passwort 123');
  await page.getByLabel('Ich möchte mein Konto endgültig löschen.').check();
  const [wrong] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/konto/loeschen')),
    page.getByRole('button', { name: 'Konto endgültig löschen' }).click(),
  ]);
  expect(wrong.status()).toBe(400);
  await expect(page.getByText('Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht.').first()).toBeVisible();
  await page.goto('/konto');
  await expect(page.getByRole('heading', { level: 1, name: 'Ihr Konto' })).toBeVisible();

  await page.goto('/konto/loeschen');
  await page.getByLabel('Ihr Passwort').fill(account.password);
  await page.getByLabel('Ich möchte mein Konto endgültig löschen.').check();
  await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
  await expect(page.getByText('Ihr Konto wurde gelöscht.').first()).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
  await page.goto('/konto');
  expect(new URL(page.url()).pathname).toBe('/anmelden');

  // Signing in again fails; another member sees the thread by "Ehemaliges Mitglied".
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByText('E-Mail-Adresse oder Passwort stimmen nicht.').first()).toBeVisible();
  const otherContext = await browser.newContext({ javaScriptEnabled: false });
  const other = await otherContext.newPage();
  await signIn(other, 'kommune');
  await other.goto(threadPath);
  const opening = other.getByRole('article').filter({ hasText: 'Wie lange hat bei Ihnen die Auswahl per Los gedauert?' });
  await expect(opening).toContainText('Ehemaliges Mitglied');
  await expect(other.getByText(name)).toHaveCount(0);
  await otherContext.close();
});
