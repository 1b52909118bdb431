import { expect, expectAccessible, signIn, test } from '../support/fixtures';
import { createTestAdvisor, createTestApplicant, lastMailTo } from '../support/e2e-database';
import { queryE2eDatabase } from '../support/regelwerk';

/**
 * The administration and "Passwort vergessen?" as people use them, with and without JavaScript;
 * axe runs on every state in the JavaScript project (it needs scripts in the page).
 */

test('a person who forgot the password gets a link by e-mail, sets a new one and signs in with it', async ({ page }, info) => {
  const axe = info.project.name === 'js' ? () => expectAccessible(page) : async () => {};
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  await page.goto('/anmelden');
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passwort vergessen');
  await axe();
  await page.getByLabel('E-Mail-Adresse').fill(person.email);
  await page.getByRole('button', { name: 'Link zum Zurücksetzen senden' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Wenn für die Adresse ein Konto besteht, haben wir Ihnen eine E-Mail mit einem Link geschickt.',
  );
  await axe();

  // The newest mail with this subject: tests running alongside may notify the organisation's members.
  const mail = lastMailTo(person.email, /^Neues Passwort für den Förderlotsen festlegen$/);
  await page.goto(new URL(/https?:\/\/\S+\/passwort-neu\/\S+/.exec(mail)![0]).pathname);
  await page.getByLabel('Neues Passwort', { exact: true }).fill('Ein neues Passwort 2026');
  await page.getByLabel('Neues Passwort wiederholen').fill('Ein anderes Passwort 2026');
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('Die beiden Passwörter stimmen nicht überein.');
  await axe();
  await page.getByLabel('Neues Passwort', { exact: true }).fill('Ein neues Passwort 2026');
  await page.getByLabel('Neues Passwort wiederholen').fill('Ein neues Passwort 2026');
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await expect(page.getByRole('status')).toContainText('Ihr neues Passwort ist gespeichert.');
  await signIn(page, { email: person.email, password: 'Ein neues Passwort 2026' });
  await expect(page).toHaveURL('/antraege');
});

test('the administration refuses an organisation for an EBBS account, locks only after a confirmation and finds it in the audit', async ({
  page,
}, info) => {
  const axe = info.project.name === 'js' ? () => expectAccessible(page) : async () => {};
  const advisor = await createTestAdvisor(`Beraterin ${info.project.name} ${Date.now().toString(36)}`);
  const applicant = await createTestApplicant('Bürgerforum Oberlausitz e. V.');
  await signIn(page, 'admin');
  await page.getByRole('link', { name: advisor.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(advisor.name);
  await axe();
  await page.getByLabel('Organisation').selectOption({ label: 'Gemeinde Wiesenbach' });
  await page.getByRole('button', { name: 'Rolle und Organisation speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('Nur antragstellende Konten gehören zu einer Organisation.');
  await expect(page.getByLabel('Organisation')).toHaveValue(/\d+/);
  await axe();

  await page.goto(`/verwaltung/konten/${applicant.id}`);
  await page.getByRole('link', { name: 'Konto sperren …' }).click();
  await expect(page.getByRole('heading', { name: /wirklich sperren\?$/ })).toBeVisible();
  await axe();
  expect(
    queryE2eDatabase<{ disabled_at: string | null }>('select disabled_at from users where id = ?', applicant.id)[0]!.disabled_at,
  ).toBeNull();
  await page.getByRole('button', { name: 'Ja, Konto sperren' }).click();
  await expect(page.getByRole('status')).toContainText('Das Konto ist gesperrt.');
  await expect(page.getByRole('button', { name: 'Konto entsperren' })).toBeVisible();

  await page.getByRole('link', { name: 'Protokoll: alle Einträge von und zu diesem Konto' }).click();
  await expect(page.getByRole('row', { name: /Konto gesperrt/ })).toContainText(applicant.email);
  await page.getByLabel('Bereich').selectOption({ label: 'Regelwerk' });
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.getByRole('status')).toHaveText('Keine Einträge für diese Auswahl.');
  await axe();

  // One's own account offers neither a role change nor a lock.
  await page.goto('/verwaltung');
  await page.getByRole('link', { name: 'Katrin Admin' }).click();
  await expect(page.getByText('Das ist Ihr eigenes Konto.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Konto sperren …' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rolle und Organisation speichern' })).toHaveCount(0);
});
