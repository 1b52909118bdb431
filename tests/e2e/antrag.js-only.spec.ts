import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';
import { fillBudget, fillDeclarations, startApplication, startAtBudget, submitStep } from '../support/wizard';

test('the wizard step pages pass axe, with and without errors', async ({ page }) => {
  await signIn(page, 'kommune');
  await page.goto('/antraege');
  await expectAccessible(page);
  await page.goto('/antraege/neu');
  await expectAccessible(page);
  const overview = await startApplication(page);
  await expectAccessible(page);
  for (const step of ['antragsteller', 'vorhaben', 'zeitplan']) {
    await page.goto(`${overview}/${step}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Speichern und weiter' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectAccessible(page);
  }
});

test('a filled wizard passes axe: budget, declarations, annexes, check answers, delete and bin', async ({ page }) => {
  await signIn(page, 'kommune');
  const overview = await startAtBudget(page);
  await fillBudget(page);
  await expectAccessible(page);
  await submitStep(page);
  await expectAccessible(page);
  await fillDeclarations(page);
  await submitStep(page);
  await expect(page).toHaveURL(/\/anlagen$/);
  await expectAccessible(page);
  await page.goto(`${overview}/pruefen`);
  await expect(page.getByRole('heading', { name: 'Angaben prüfen', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${overview}/loeschen`);
  await expectAccessible(page);
  await page.goto('/antraege/papierkorb');
  await expectAccessible(page);
});

test('autosave: changes are saved while typing and announced politely', async ({ page, browser }) => {
  await signIn(page, 'kommune');
  const overview = await startApplication(page);
  await page.goto(`${overview}/vorhaben`);
  await page.getByLabel('Titel des Vorhabens').fill('Automatisch gespeichert');
  const status = page.getByRole('status').filter({ hasText: /Gespeichert um \d\d:\d\d/ });
  await expect(status).toBeVisible();
  // A colleague sees the saved value without any button being pressed.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await signIn(colleague, 'kommune2');
  await colleague.goto(`${overview}/vorhaben`);
  await expect(colleague.getByLabel('Titel des Vorhabens')).toHaveValue('Automatisch gespeichert');
  // After autosave the page's version is current: "Weiter" is no conflict.
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await expect(page.getByText('Ihre Angaben wurden gespeichert.')).toBeVisible();
  await other.close();
});

test('a button pressed while an autosave is on its way waits for it instead of conflicting', async ({ page }) => {
  await signIn(page, 'kommune');
  const overview = await startApplication(page);
  await page.goto(`${overview}/vorhaben`);
  // Hold the first autosave's answer until the user has typed more and pressed the button.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  let autosaveSent!: () => void;
  const sent = new Promise<void>((resolve) => (autosaveSent = resolve));
  await page.route(`**${overview}/vorhaben/zwischenspeichern`, async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || held || !(request.postData() ?? '').includes('autosave')) return route.continue();
    held = true;
    const response = await route.fetch();
    autosaveSent();
    await gate;
    await route.fulfill({ response });
  });
  await page.getByLabel('Titel des Vorhabens').fill('Erster Teil');
  await sent;
  await page.getByLabel('Kurzbeschreibung').fill('Später getippt');
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  release();
  await expect(page.getByText('Ihre Angaben wurden gespeichert.')).toBeVisible();
  await page.goto(`${overview}/vorhaben`);
  await expect(page.getByLabel('Titel des Vorhabens')).toHaveValue('Erster Teil');
  await expect(page.getByLabel('Kurzbeschreibung')).toHaveValue('Später getippt');
});

/** The user opens the Vorhaben step of a new draft; a colleague (without JavaScript) then saves a new title. */
async function colleagueSavedMeanwhile(page: Page, browser: Browser) {
  await signIn(page, 'kommune');
  const overview = await startApplication(page);
  await page.goto(`${overview}/vorhaben`);
  const other = await browser.newContext({ javaScriptEnabled: false });
  const colleague = await other.newPage();
  await signIn(colleague, 'kommune2');
  await colleague.goto(`${overview}/vorhaben`);
  await colleague.getByLabel('Titel des Vorhabens').fill('Titel der Kollegin');
  await colleague.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await expect(colleague.getByText('Ihre Angaben wurden gespeichert.')).toBeVisible();
  return { overview, other };
}

test('a conflicting save shows both versions; the user keeps theirs', async ({ page, browser }) => {
  const { overview, other } = await colleagueSavedMeanwhile(page, browser);

  await page.getByLabel('Kurzbeschreibung').fill('Meine Beschreibung');
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await expect(page.getByRole('heading', { name: 'Jemand anderes hat diesen Abschnitt inzwischen geändert' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Meine Beschreibung' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Titel der Kollegin' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Meine Eingaben speichern' }).click();
  await expect(page.getByText('Ihre Angaben wurden gespeichert.')).toBeVisible();
  await page.goto(`${overview}/vorhaben`);
  await expect(page.getByLabel('Kurzbeschreibung')).toHaveValue('Meine Beschreibung');
  await other.close();
});

test('an autosave that meets a colleague’s save shows the conflict without a button pressed', async ({ page, browser }) => {
  const { other } = await colleagueSavedMeanwhile(page, browser);

  // Typing alone: the autosave finds the newer version and the page shows both, the typed text kept.
  await page.getByLabel('Titel des Vorhabens').fill('Mein Titel');
  await expect(page.getByRole('heading', { name: 'Jemand anderes hat diesen Abschnitt inzwischen geändert' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Mein Titel' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Titel der Kollegin' })).toBeVisible();
  await other.close();
});

test('budget: sums and charts follow every keystroke, computed by the server; a line opens in place', async ({ page }) => {
  await signIn(page, 'kommune');
  await startAtBudget(page);
  const url = page.url();
  await page.getByRole('button', { name: 'Ausgabe hinzufügen' }).click();
  await expect(page.locator('.budget-table tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Ausgabe hinzufügen' }).click();
  expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);
  const rows = page.locator('.budget-table tbody tr');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Beschreibung, Ausgabe 1').fill('Moderation');
  await page.getByLabel('Menge oder Stunden, Ausgabe 1').fill('3');
  await page.getByLabel('Einzelpreis oder Stundensatz in Euro, Ausgabe 1').fill('1.000');
  // Each line's amount follows the keystrokes too.
  await expect(rows.nth(0).getByRole('cell', { name: '3.000,00 €' })).toBeVisible();
  await page.getByLabel('Beschreibung, Ausgabe 2').fill('Plakate');
  await page.getByLabel('Kategorie, Ausgabe 2').selectOption('oeffentlichkeitsarbeit');
  await page.getByLabel('Menge oder Stunden, Ausgabe 2').fill('2,5');
  await page.getByLabel('Einzelpreis oder Stundensatz in Euro, Ausgabe 2').fill('100');
  await expect(rows.nth(1).getByRole('cell', { name: '250,00 €' })).toBeVisible();
  // With JavaScript the sums follow as you type: no "Neu berechnen" button.
  await expect(page.getByRole('button', { name: 'Neu berechnen' })).toHaveCount(0);
  const sums = page.locator('#summen');
  await expect(sums).toContainText('3.250,00 €');
  await expect(page.getByRole('img', { name: /Ausgaben nach Kategorie/ })).toBeVisible();
  await expect(page.getByText('Höchstmögliche Zuwendung nach Ihrem Plan: 2.925 €')).toBeVisible();
  await page.getByLabel('Eigenmittel in Geld (Euro)').fill('325');
  await expect(sums).toContainText('ausgeglichen');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Entfernen – Ausgabe 2' }).click();
  await expect(rows).toHaveCount(1);
  await expect(sums).toContainText('25,00 € zu viel finanziert');

  // Saved lines come back as text; "Ändern" opens one in place and puts the cursor into it.
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await page.waitForURL(/\/antraege\/\d+\?hinweis=/);
  await page.goto(url);
  await expect(page.getByLabel('Beschreibung, Ausgabe 1')).toHaveCount(0);
  await expect(rows.nth(0)).toContainText('3.000,00 €');
  const before = page.url();
  await page.getByRole('link', { name: 'Ändern – Ausgabe 1' }).click();
  expect(page.url()).toBe(before);
  await expect(page.getByLabel('Kategorie, Ausgabe 1')).toBeFocused();
  await page.getByLabel('Menge oder Stunden, Ausgabe 1').fill('4');
  await expect(rows.nth(0)).toContainText('4.000,00 €');
  await expectAccessible(page);
});
