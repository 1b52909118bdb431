import { demoAccounts } from '../../db/seed';
import { expect, signIn, test, uniqueEmail, type DemoRole } from '../support/fixtures';

const landing: Record<DemoRole, { path: string; heading: string }> = {
  kommune: { path: '/antraege', heading: 'Meine Anträge' },
  kommune2: { path: '/antraege', heading: 'Meine Anträge' },
  verein: { path: '/antraege', heading: 'Meine Anträge' },
  beratung: { path: '/beratung', heading: 'Beratung' },
  ministerium: { path: '/regelwerk', heading: 'Regelwerk' },
  ministerium2: { path: '/regelwerk', heading: 'Regelwerk' },
  admin: { path: '/verwaltung', heading: 'Verwaltung' },
};

test.describe('sign-in', () => {
  for (const who of Object.keys(landing) as DemoRole[]) {
    // With JavaScript one role suffices: the sign-in form is the same for all (every start page is
    // opened with JavaScript in accessibility.js-only.spec.ts).
    test(`demo account ${who} signs in and lands on its start page`, { tag: who === 'kommune' ? '@js' : [] }, async ({ page }) => {
      await signIn(page, who);
      await expect(page).toHaveURL(landing[who].path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(landing[who].heading);
      const account = demoAccounts.find((a) => a.email.startsWith(`${who}@`))!;
      await expect(page.getByRole('banner')).toContainText(account.name);
    });
  }

  test('a wrong password gets a German message and keeps the e-mail address', async ({ page }) => {
    const email = uniqueEmail('falsch');
    await page.goto('/anmelden');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('falsches-passwort-123');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await expect(page.getByText('E-Mail-Adresse oder Passwort stimmen nicht.')).toBeVisible();
    await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(email);
  });

  test('an empty form names each missing field in the error summary, linked to the field', { tag: '@js' }, async ({ page }) => {
    await page.goto('/anmelden');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Bitte geben Sie eine E-Mail-Adresse an.');
    await expect(summary).toContainText('Bitte geben Sie Ihr Passwort ein.');
    await summary.getByRole('link', { name: 'Bitte geben Sie eine E-Mail-Adresse an.' }).click();
    await expect(page.getByLabel('E-Mail-Adresse')).toBeFocused();
    await expect(page.getByLabel('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'kommune');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByText('Sie haben sich abgemeldet.')).toBeVisible();
    await page.goto('/antraege');
    await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fantraege/);
  });

  // The only successful sign-in through the form (signIn in tests/support/fixtures.ts posts it
  // directly): with and without JavaScript.
  test('after sign-in the user returns to the page they asked for', { tag: '@js' }, async ({ page }) => {
    await page.goto('/organisation');
    await expect(page).toHaveURL(/\/anmelden/);
    await page.getByLabel('E-Mail-Adresse').fill('kommune@demo.example');
    await page.getByLabel('Passwort', { exact: true }).fill('Demo-Passwort-2026');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await expect(page).toHaveURL('/organisation');
  });
});

test.describe('registration', () => {
  test('a new association registers, completes its master data and invites a colleague', { tag: '@js' }, async ({ page, browser }) => {
    const email = uniqueEmail('verein');
    await page.goto('/registrieren');
    await page.getByLabel('Ihr Name').fill('Erika Mustermann');
    await page.getByLabel('Dienstliche E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('ein langes Passwort 2026');
    await page.getByLabel('Passwort wiederholen').fill('ein langes Passwort 2026');
    await page.getByLabel('Nein, ich lege sie neu an').check();
    await page.getByLabel('Art der Organisation').selectOption('verein');
    await page.getByLabel('Name der Organisation').fill('Nachbarschaft Łódź–Ångström e. V.');
    await page.getByLabel('Landkreis oder kreisfreie Stadt des Sitzes').selectOption('Leipzig');
    await page.getByRole('button', { name: 'Konto anlegen' }).click();

    await expect(page).toHaveURL('/organisation?neu=1');
    await expect(page.getByText('Bitte vervollständigen Sie die Stammdaten')).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Nachbarschaft Łódź–Ångström e. V.');

    await page.getByLabel('Registernummer').fill('VR 9876');
    await page.getByLabel('Straße und Hausnummer').fill('Karl-Liebknecht-Straße 10');
    await page.getByLabel('Postleitzahl').fill('04107');
    await page.getByLabel('Ort').fill('Leipzig');
    await page.getByLabel('Vertretungsberechtigte Person').fill('Erika Mustermann');
    await page.getByLabel('Funktion der vertretungsberechtigten Person').fill('Vorsitzende');
    await page.getByLabel('Ansprechperson für den Antrag').fill('Erika Mustermann');
    await page.getByLabel('E-Mail-Adresse der Ansprechperson').fill(email);
    await page.getByLabel('Telefon der Ansprechperson').fill('0341 1234567');
    await page.getByLabel('Kontoinhaber').fill('Nachbarschaft e. V.');
    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 01');
    await page.getByLabel('Kreditinstitut').fill('Sparkasse Leipzig');
    await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
    await expect(page.getByRole('alert')).toContainText('Die IBAN ist nicht gültig');
    await expect(page.getByLabel('Kreditinstitut')).toHaveValue('Sparkasse Leipzig');

    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
    await expect(page.getByText('Die Angaben wurden gespeichert.')).toBeVisible();
    await expect(page.getByText('Bitte vervollständigen Sie die Stammdaten')).toHaveCount(0);

    const code = (await page.locator('.invite-code strong').textContent())!.trim();
    const colleague = await browser.newContext();
    const colleaguePage = await colleague.newPage();
    const colleagueEmail = uniqueEmail('kollege');
    await colleaguePage.goto('/registrieren');
    await colleaguePage.getByLabel('Ihr Name').fill('Max Kollege');
    await colleaguePage.getByLabel('Dienstliche E-Mail-Adresse').fill(colleagueEmail);
    await colleaguePage.getByLabel('Passwort', { exact: true }).fill('noch ein langes Passwort');
    await colleaguePage.getByLabel('Passwort wiederholen').fill('noch ein langes Passwort');
    await colleaguePage.getByLabel('Ja, ich trete ihr bei').check();
    await colleaguePage.getByLabel('Einladungscode').fill(code.toLowerCase());
    await colleaguePage.getByRole('button', { name: 'Konto anlegen' }).click();
    await expect(colleaguePage).toHaveURL('/antraege');
    await expect(colleaguePage.getByText('Anträge von Nachbarschaft Łódź–Ångström e. V.')).toBeVisible();
    await colleague.close();
  });

  test('registration errors are shown at the fields and nothing typed is lost', async ({ page }) => {
    await page.goto('/registrieren');
    await page.getByLabel('Ihr Name').fill('Kurz');
    await page.getByLabel('Dienstliche E-Mail-Adresse').fill('keine-adresse');
    await page.getByLabel('Passwort', { exact: true }).fill('kurz');
    await page.getByLabel('Ja, ich trete ihr bei').check();
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Bitte geben Sie eine gültige E-Mail-Adresse an');
    await expect(summary).toContainText('mindestens 12 Zeichen');
    await expect(summary).toContainText('Einladungscode');
    await expect(page.getByLabel('Ihr Name')).toHaveValue('Kurz');
    await expect(page.getByLabel('Dienstliche E-Mail-Adresse')).toHaveValue('keine-adresse');
    await expect(page.getByLabel('Ja, ich trete ihr bei')).toBeChecked();
  });
});

test.describe('account', () => {
  test('lists the sessions of the user and ends another one', async ({ page, browser }) => {
    await signIn(page, 'kommune2');
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, 'kommune2');
    await page.goto('/konto');
    await expect(page.getByText('Diese Sitzung')).toBeVisible();
    await page.getByRole('button', { name: 'Alle anderen Sitzungen beenden' }).click();
    await expect(page.getByText('Alle anderen Sitzungen wurden beendet.')).toBeVisible();
    await otherPage.goto('/antraege');
    await expect(otherPage).toHaveURL(/\/anmelden/);
    await other.close();
  });

  test('an admin creates an advisor account that can sign in', { tag: '@js' }, async ({ page, browser }) => {
    await signIn(page, 'admin');
    const email = uniqueEmail('beraterin');
    await page.getByLabel('Name', { exact: true }).fill('Neue Beraterin');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Rolle').selectOption('advisor');
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const notice = page.getByRole('status');
    await expect(notice).toContainText(email);
    const password = (await notice.locator('code').textContent())!.trim();
    const context = await browser.newContext();
    const advisorPage = await context.newPage();
    await signIn(advisorPage, { email, password });
    await expect(advisorPage).toHaveURL('/beratung');
    await context.close();
  });
});

test.describe('shell', () => {
  test('the skip link is the first stop and moves focus to the content', { tag: '@js' }, async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#inhalt$/);
  });

  test('unknown pages get a German 404 inside the page frame', async ({ page }) => {
    const response = await page.goto('/gibt-es-nicht');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
  });

  test('the accessibility statement takes feedback without an account', async ({ page }) => {
    await page.goto('/barrierefreiheit');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await expect(page.getByRole('alert')).toContainText('Bitte beschreiben Sie');
    await page.getByLabel('Wo sind Sie auf eine Barriere gestoßen?').fill('Der Kontrast der Fußzeile ist mir zu schwach.');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await expect(page.getByText('Vielen Dank, Ihre Rückmeldung ist bei uns eingegangen.')).toBeVisible();
  });
});
