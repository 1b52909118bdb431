import { createTestEvent, lastMailTo } from '../support/e2e-database';
import { expect, expectAccessible, test, uniqueEmail } from '../support/fixtures';

/** axe on the event pages that need data of their own: the form with errors and the personal page (JavaScript project only, as axe needs it). */
test('the registration form with errors and the personal registration page stay accessible', async ({ page }) => {
  const eventId = await createTestEvent({ capacity: 3 });
  await page.goto(`/veranstaltungen/${eventId}`);
  await page.locator('form[aria-labelledby="anmeldung-titel"] button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  const email = uniqueEmail('axe');
  await page.getByLabel('Name', { exact: true }).fill('Anna Axe');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Ich habe die Datenschutzhinweise zur Anmeldung gelesen.').check();
  await page.locator('form[aria-labelledby="anmeldung-titel"] button[type="submit"]').click();
  await expect(page.getByText(/Wir halten einen Platz für Sie frei/)).toBeVisible();
  await expectAccessible(page);
  const path = /(\/veranstaltungen\/anmeldung\/[A-Za-z0-9_-]+)/.exec(lastMailTo(email))![1]!;
  await page.goto(path);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await expect(page.getByText('Angemeldet', { exact: true })).toBeVisible();
  await expectAccessible(page);
});
