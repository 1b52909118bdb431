import type { Browser, Page } from '@playwright/test';
import { createTestApplicant } from '../support/e2e-database';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

/**
 * Issue 20 Nr. 1–2 end to end, with and without JavaScript: two new accounts join the EBBS network
 * with a profile (visibility per field), one finds the other by method and region in the member
 * directory; a visitor without an account sees only the public fields. Messages and topics have
 * their own specs (netzwerk-nachrichten.spec.ts, netzwerk-themen.spec.ts).
 */

async function memberPage(browser: Browser, organisation: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, await createTestApplicant(organisation));
  return page;
}

test('two members find each other by method and region; a visitor sees only what is public', async ({ browser }, info) => {
  const axe = info.project.name === 'js' ? (page: Page) => expectAccessible(page) : async () => {};
  const suffix = `${Date.now().toString(36)}${info.project.name}`;
  const nameA = `Jugendbeirat Auental ${suffix}`;

  // A joins: a wrong entry keeps the rest of the form and says what is wrong, in German.
  const a = await memberPage(browser, 'Gemeinde Wiesenbach');
  await a.getByRole('navigation').getByRole('link', { name: 'Netzwerk' }).first().click();
  await expect(a.getByRole('heading', { level: 1, name: 'EBBS-Netzwerk' })).toBeVisible();
  await axe(a);
  await a.getByRole('link', { name: 'Dem Netzwerk beitreten' }).click();
  await a.getByLabel('Name im Netzwerk').fill('');
  await a.getByLabel('Region (Landkreis oder kreisfreie Stadt)').selectOption('Zwickau');
  await a.getByLabel('Bürgerrat').check();
  await a.getByRole('textbox', { name: /^Über uns / }).fill('<script>alert("x")</script> Jugendbeirat seit 2024');
  await a.getByRole('group', { name: 'Öffentlich sichtbar' }).getByLabel('Region (Landkreis)').check();
  await a.getByRole('button', { name: 'Beitreten' }).click();
  await expect(a.getByText('Bitte geben Sie den Namen im Netzwerk an.').first()).toBeVisible();
  await expect(a.getByRole('textbox', { name: /^Über uns / })).toHaveValue('<script>alert("x")</script> Jugendbeirat seit 2024');
  await axe(a);
  await a.getByLabel('Name im Netzwerk').fill(nameA);
  await a.getByRole('button', { name: 'Beitreten' }).click();
  await expect(a.getByText('Willkommen im Netzwerk! Ihr Profil ist gespeichert.')).toBeVisible();
  await a.getByRole('link', { name: 'So sehen andere Ihr Profil' }).click();
  await a.waitForURL(/\/netzwerk\/mitglieder\/\d+$/);
  await expect(a.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  const profileUrl = new URL(a.url()).pathname;

  // B, not yet a member, is sent to the network's start page; after joining finds A by method and region.
  const b = await memberPage(browser, 'Bürgerforum Oberlausitz e. V.');
  await b.goto('/netzwerk/mitglieder');
  await expect(b).toHaveURL(/\/netzwerk$/);
  await b.getByRole('link', { name: 'Dem Netzwerk beitreten' }).click();
  await b.getByLabel('Name im Netzwerk').fill(`Bürgerforum ${suffix}`);
  await b.getByRole('button', { name: 'Beitreten' }).click();
  await expect(b.getByText('Willkommen im Netzwerk! Ihr Profil ist gespeichert.')).toBeVisible();
  await b.goto('/netzwerk');
  await b.getByRole('link', { name: 'Mitglieder finden' }).click();
  await b.getByLabel('Region').selectOption('Zwickau');
  await b.getByLabel('Methode').selectOption('buergerrat');
  await b.getByRole('button', { name: 'Suchen' }).click();
  await expect(b).toHaveURL(/landkreis=Zwickau/);
  await axe(b);
  await b.getByRole('link', { name: nameA }).click();
  await expect(b.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  // Script typed into a profile is shown as text, never run.
  await expect(b.getByText('<script>alert("x")</script> Jugendbeirat seit 2024')).toBeVisible();
  await expect(b.getByText('Bürgerrat')).toBeVisible();
  await axe(b);
  // A filter that does not fit finds nobody.
  await b.goto('/netzwerk/mitglieder?landkreis=Zwickau&methode=mediation');
  await expect(b.getByText('Keine Mitglieder gefunden. Bitte lockern Sie die Filter.')).toBeVisible();

  // A visitor without an account: the directory asks to sign in; the profile shows the public region only.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/netzwerk/mitglieder');
  await expect(visitor).toHaveURL(/\/anmelden/);
  await visitor.goto(profileUrl);
  await expect(visitor.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  await expect(visitor.getByText('Landkreis Zwickau')).toBeVisible();
  await expect(visitor.getByText('Jugendbeirat seit 2024')).toHaveCount(0);
  await expect(visitor.getByText('Bürgerrat')).toHaveCount(0);
  await axe(visitor);

  // The moderator (EBBS advisor) blocks A with a reason; A then sees no network content.
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, 'beratung');
  await moderator.goto(profileUrl);
  await moderator.getByRole('button', { name: 'Mitglied sperren' }).click();
  await expect(moderator.getByText('Bitte nennen Sie den Grund der Sperre (5 bis 500 Zeichen); er steht im Protokoll.')).toBeVisible();
  await axe(moderator);
  await moderator.getByLabel('Grund der Sperre').fill('Werbung in mehreren Beiträgen');
  await moderator.getByRole('button', { name: 'Mitglied sperren' }).click();
  await expect(moderator.getByText('Dieses Mitglied ist gesperrt und sieht keine Inhalte des Netzwerks.')).toBeVisible();
  const blocked = await a.goto('/netzwerk/mitglieder');
  expect(blocked?.status()).toBe(403);
  await b.goto('/netzwerk/mitglieder?landkreis=Zwickau&methode=buergerrat');
  await expect(b.getByRole('link', { name: nameA })).toHaveCount(0);
});
