import { expect, signIn, test } from '../support/fixtures';
import { answerAll, startCheck, submit } from '../support/qualitaetscheck';

test('a Verein invites the municipality by a guest link: guests answer without an account, appear in the round, and lose access when the link ends (issue 22)', async ({
  page,
  browser,
}) => {
  const title = `Nachbarschaftsforum ${Date.now().toString(36)}`;
  await signIn(page, 'verein');
  const checkPath = await startCheck(page, title);
  await page.goto(checkPath);
  const guests = page.getByRole('region', { name: 'Personen außerhalb Ihrer Organisation einladen' });
  await guests.getByLabel('Bezeichnung des Links').fill('Stadtverwaltung');
  await guests.getByRole('group', { name: 'Wie lange soll der Link gelten?' }).getByLabel('30 Tage').check();
  await submit(page, 'Gastlink erstellen');
  await expect(page.getByText(/^Der Gastlink ist erstellt\./)).toBeVisible();
  const link = await guests.getByLabel('Gastlink „Stadtverwaltung“').inputValue();
  expect(link).toMatch(/\/qualitaetscheck\/gast\/[A-Za-z0-9_-]{20,}$/);

  // Someone from the municipality, without an account.
  const context = await browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false,
  });
  const guest = await context.newPage();
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByRole('heading', { level: 1 })).toHaveText(`Bürgerforum Oberlausitz e. V. bittet um Ihre Sicht auf „${title}“`);
  await guest.getByRole('button', { name: 'QualitätsCheck beginnen' }).click();
  await expect(guest.getByRole('alert')).toContainText('Bitte wählen Sie, aus welcher Sicht Sie den QualitätsCheck ausfüllen.');
  await guest.getByLabel(/Wie sollen Sie in der Übersicht/).fill('Frau Weber, Bauamt');
  await guest.getByRole('group', { name: 'Aus welcher Sicht antworten Sie?' }).getByLabel('Verwaltung', { exact: true }).check();
  await submit(guest, 'QualitätsCheck beginnen');
  await expect(guest.getByText('Thema 1 von 10')).toBeVisible();
  await answerAll(guest, 'Trifft eher zu');
  await submit(guest, 'Zum Ergebnis');
  await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Ihr Ergebnis');
  await expect(guest.getByText(/fließen in das gemeinsame Profil der einladenden Organisation ein/)).toBeVisible();
  // The round itself (names, other answers) stays with the organisation.
  await guest.goto(checkPath);
  await expect(guest).toHaveURL(new RegExp(`${checkPath}/`));
  await expect(guest.getByRole('heading', { name: 'Wer antwortet' })).toHaveCount(0);

  // The organisation sees the guest in its round.
  await page.reload();
  await expect(page.getByRole('row', { name: /Frau Weber, Bauamt \(Gast\)/ })).toContainText('Verwaltung');
  await expect(guests).toContainText('1 Person antwortet');

  // Ending the link ends the guest's access; the answers stay in the profile.
  await guests.getByRole('button', { name: /Link beenden/ }).click();
  await expect(page.getByText(/^Der Gastlink ist beendet\./)).toBeVisible();
  await expect(page.getByRole('row', { name: /Frau Weber, Bauamt \(Gast\)/ })).toBeVisible();
  const denied = await guest.goto(`${checkPath}/ergebnis`);
  expect(denied?.status()).toBe(403);
  await expect(guest.getByText(/Ihr Gastzugang zu diesem QualitätsCheck ist abgelaufen oder wurde beendet/)).toBeVisible();
  const ended = await guest.goto(new URL(link).pathname);
  expect(ended?.status()).toBe(410);
  await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Diese Einladung gilt nicht mehr');
  await context.close();
});
