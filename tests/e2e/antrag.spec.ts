import { expect, signIn, test } from '../support/fixtures';
import {
  addRow,
  fillApplicant,
  fillBudget,
  fillDeclarations,
  fillProject,
  fillSchedule,
  startApplication,
  startAtBudget,
  submitStep,
} from '../support/wizard';

test.describe('Antrag wizard', () => {
  test('a Gemeinde prepares a complete application step by step and checks its answers', { tag: '@js' }, async ({ page }) => {
    await signIn(page, 'kommune');
    const overview = await startApplication(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antrag ohne Titel');
    await expect(page.locator('.task-list__item', { hasText: 'Kosten- und Finanzierungsplan' }).first()).toContainText(
      'Kann noch nicht begonnen werden',
    );
    await expect(page.getByRole('link', { name: 'Weiter mit „Antragsteller“' })).toBeVisible();

    await page.getByRole('link', { name: 'Antragsteller', exact: true }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Gemeinde Wiesenbach');
    await fillApplicant(page);
    await submitStep(page);

    await expect(page).toHaveURL(/\/vorhaben$/);
    await fillProject(page);
    await submitStep(page);

    await expect(page).toHaveURL(/\/zeitplan$/);
    await fillSchedule(page);
    await submitStep(page);

    await expect(page).toHaveURL(/\/kosten$/);
    await fillBudget(page);
    await submitStep(page);
    await expect(page).toHaveURL(/\/erklaerungen$/);
    await expect(page.getByRole('link', { name: /Datenschutzhinweise zum Förderverfahren lesen/ })).toHaveAttribute(
      'href',
      '/datenschutz#foerderverfahren',
    );
    await fillDeclarations(page);
    await submitStep(page);
    await expect(page).toHaveURL(/\/anlagen$/);
    await expect(page.getByText('Für Ihren Förderweg schreibt die Richtlinie keine Anlage vor.')).toBeVisible();
    await page.getByRole('link', { name: 'Zur Übersicht' }).click();
    await expect(page).toHaveURL(overview);
    for (const step of ['Antragsteller', 'Vorhaben', 'Zeitplan', 'Kosten- und Finanzierungsplan', 'Erklärungen', 'Anlagen']) {
      await expect(page.locator('.task-list__item', { hasText: step }).first()).toContainText('Erledigt');
    }
    await expect(page.getByRole('heading', { name: 'Förderprüfung: Förderfähig' })).toBeVisible();
    // Resuming leads to where the work is: now the check of all answers.
    await page.getByRole('link', { name: 'Weiter mit „Angaben prüfen“' }).click();
    await expect(page.getByRole('heading', { name: 'Angaben prüfen', level: 1 })).toBeVisible();
    await expect(page.getByText('Bürgerrat Verkehrswende Wiesenbach').first()).toBeVisible();
    await expect(page.getByText('10.000,00 €').first()).toBeVisible();
    // Every answer that decides eligibility is there to check, not only the main ones.
    for (const [label, value] of <Array<[string, string]>>[
      ['Durchführung', 'in Sachsen'],
      ['Gesetzlich vorgeschriebenes Beteiligungsverfahren', 'nein'],
      ['Mittel eines Bürgerbudgets', 'nein'],
      ['Förderung durch Bund oder EU', 'keine'],
      ['Eigenmittel in Geld', '1.000,00 €'],
    ]) {
      const answer = page.locator('.summary-list > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
      await expect(answer.locator('dd').first()).toHaveText(value);
    }
    // The budget lines are listed with how their amounts come about.
    const lines = page.getByRole('region', { name: 'Ausgaben' });
    await expect(lines.getByRole('row', { name: /Moderation Bürgerrat, 4 Sitzungen/ })).toContainText('4 × 2.500,00 €');
    await expect(lines.getByRole('row', { name: /Moderation Bürgerrat, 4 Sitzungen/ })).toContainText('10.000,00 €');

    // Once looked at, "Angaben prüfen" is done on the task list (issue 22, defect 8).
    await page.goto(overview);
    await expect(page.locator('.task-list__item', { hasText: 'Angaben prüfen' })).toContainText('Erledigt');

    // "Ändern" leads to the field and, after saving, back to the check (issue 22, defect 7).
    await page.goto(`${overview}/pruefen`);
    await page.getByRole('link', { name: 'Ändern Titel' }).click();
    await expect(page).toHaveURL(/\/vorhaben\?zurueck=pruefen#grunddaten$/);
    await page.getByLabel('Titel des Vorhabens').fill('Bürgerrat Verkehrswende im Ortskern');
    await page.getByRole('button', { name: 'Speichern und zurück zu „Angaben prüfen“' }).click();
    await expect(page).toHaveURL(new RegExp(`${overview}/pruefen$`));
    await expect(page.getByText('Bürgerrat Verkehrswende im Ortskern').first()).toBeVisible();

    // A change made elsewhere after the check puts it back in progress until it is looked at again.
    await page.goto(`${overview}/zeitplan`);
    await page.getByLabel('Ende', { exact: true }).fill('30.11.2027');
    await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
    await expect(page.locator('.task-list__item', { hasText: 'Angaben prüfen' })).toContainText('In Bearbeitung');
  });

  test('invalid input gets a German message at the field and nothing typed is lost', { tag: '@js' }, async ({ page }) => {
    await signIn(page, 'kommune2');
    await startApplication(page);
    await page.getByRole('link', { name: 'Zeitplan', exact: true }).click();
    await page.getByLabel('Beginn', { exact: true }).fill('01.03.2027');
    await page.getByLabel('Ende', { exact: true }).fill('31.02.2028');
    await page.getByRole('button', { name: 'Speichern und weiter' }).click();
    await expect(page.getByRole('alert')).toContainText('Den 31.02.2028 gibt es nicht.');
    await expect(page.getByLabel('Beginn', { exact: true })).toHaveValue('01.03.2027');
    await expect(page.getByLabel('Ende', { exact: true })).toHaveValue('31.02.2028');
    // Saving for later keeps even the invalid value; it is shown again with its message.
    await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
    await expect(page.getByText('Einige Angaben sind noch fehlerhaft')).toBeVisible();
    await page.getByRole('link', { name: 'Zeitplan', exact: true }).click();
    await expect(page.getByLabel('Ende', { exact: true })).toHaveValue('31.02.2028');
    await expect(page.getByText('Den 31.02.2028 gibt es nicht.').first()).toBeVisible();
  });

  test('Enter in a field saves and goes on; it never removes a row', { tag: '@js' }, async ({ page }) => {
    await signIn(page, 'kommune');
    const overview = await startAtBudget(page);
    await fillBudget(page);
    await addRow(page, 'Ausgabe hinzufügen');
    await page.getByLabel('Beschreibung, Ausgabe 2').fill('Plakate');
    await page.getByLabel('Menge oder Stunden, Ausgabe 2').fill('10');
    await page.getByLabel('Einzelpreis oder Stundensatz in Euro, Ausgabe 2').fill('25');
    await page.getByLabel('Eigenmittel in Geld (Euro)').fill('1.025');
    const before = page.url();
    await page.getByLabel('Einzelpreis oder Stundensatz in Euro, Ausgabe 2').press('Enter');
    await page.waitForURL((url) => url.href !== before);
    await page.goto(`${overview}/kosten`);
    const rows = page.locator('.budget-table tbody tr');
    await expect(rows).toHaveCount(2);
    // Saved lines are shown as text, each with its amount, until "Ändern" opens one.
    await expect(rows.nth(0)).toContainText('Moderation Bürgerrat, 4 Sitzungen');
    await expect(rows.nth(0)).toContainText('10.000,00 €');
    await expect(rows.nth(1)).toContainText('Plakate');
    await expect(rows.nth(1)).toContainText('250,00 €');
  });

  test('the Ausgaben table: "Neu berechnen" sums without JavaScript, "Ändern" opens one line, the rest stays as saved', async ({
    page,
  }) => {
    await signIn(page, 'kommune');
    const overview = await startAtBudget(page);
    await fillBudget(page);
    await page.getByRole('button', { name: 'Neu berechnen' }).click();
    await expect(page).toHaveURL(new RegExp(`${overview}/kosten#summen$`));
    const rows = page.locator('.budget-table tbody tr');
    await expect(rows.nth(0)).toContainText('10.000,00 €');
    await expect(page.getByLabel('Beschreibung, Ausgabe 1')).toHaveCount(0);

    await addRow(page, 'Ausgabe hinzufügen');
    await page.getByLabel('Beschreibung, Ausgabe 2').fill('Plakate');
    await page.getByLabel('Menge oder Stunden, Ausgabe 2').fill('10');
    await page.getByLabel('Einzelpreis oder Stundensatz in Euro, Ausgabe 2').fill('25');
    await page.getByRole('button', { name: 'Neu berechnen' }).click();
    await expect(rows.nth(1)).toContainText('250,00 €');
    await expect(page.locator('#summen')).toContainText('10.250,00 €');

    await page.getByRole('link', { name: 'Ändern – Ausgabe 1' }).click();
    await expect(page).toHaveURL(/zeile=/);
    await expect(page.getByLabel('Beschreibung, Ausgabe 1')).toHaveValue('Moderation Bürgerrat, 4 Sitzungen');
    await expect(page.getByLabel('Beschreibung, Ausgabe 2')).toHaveCount(0);
    await page.getByLabel('Menge oder Stunden, Ausgabe 1').fill('5');
    await page.getByRole('button', { name: 'Neu berechnen' }).click();
    await expect(rows.nth(0)).toContainText('12.500,00 €');
    await expect(rows.nth(1)).toContainText('Plakate');
    await expect(page.locator('#summen')).toContainText('12.750,00 €');
  });

  test('a step that cannot be started yet cannot be opened by URL', async ({ page }) => {
    await signIn(page, 'kommune2');
    const overview = await startApplication(page);
    await page.goto(`${overview}/kosten`);
    await expect(page).toHaveURL(new RegExp(`${overview}\\?gesperrt=kosten`));
    await expect(page.getByText('„Kosten- und Finanzierungsplan“ kann noch nicht begonnen werden')).toBeVisible();
  });

  test('drafts are listed, duplicated, deleted with confirmation and restored', async ({ page }) => {
    await signIn(page, 'kommune2');
    const overview = await startApplication(page);
    const id = overview.split('/').pop();
    await page.goto('/antraege');
    const row = page.locator('tr', { has: page.locator(`a[href="/antraege/${id}"]`) });
    await expect(row).toContainText('Tom Richter');
    await row.getByRole('button', { name: /Duplizieren/ }).click();
    await expect(page.getByText('Der Antrag wurde dupliziert.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kopie von Antrag ohne Titel');
    await page.goto(`/antraege/${id}/loeschen`);
    await page.getByRole('button', { name: 'Ja, Antrag löschen' }).click();
    await expect(page.getByText('Sie können ihn 30 Tage lang im Papierkorb wiederherstellen.')).toBeVisible();
    await page.getByRole('link', { name: 'Gelöschte Anträge (Papierkorb)' }).click();
    await page
      .getByRole('button', { name: /Wiederherstellen/ })
      .first()
      .click();
    await expect(page.getByText('Der Antrag wurde wiederhergestellt.')).toBeVisible();
  });

  test('colleagues of the same organisation work on the same draft; others see nothing', async ({ page, browser }) => {
    await signIn(page, 'kommune');
    const overview = await startApplication(page);
    const colleague = await browser.newContext();
    const colleaguePage = await colleague.newPage();
    await signIn(colleaguePage, 'kommune2');
    await colleaguePage.goto(overview);
    await expect(colleaguePage.getByRole('heading', { level: 1 })).toHaveText('Antrag ohne Titel');
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await signIn(strangerPage, 'verein');
    const response = await strangerPage.goto(overview);
    expect(response?.status()).toBe(404);
    await colleague.close();
    await stranger.close();
  });
});
