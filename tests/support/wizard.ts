import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Fills the wizard like a person would, with the keyboard-reachable controls and their labels. */
export const group = (page: Page, name: RegExp | string) => page.getByRole('group', { name });

export async function submitStep(page: Page, button = 'Speichern und weiter') {
  const before = page.url();
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((url) => url.href !== before);
}

export async function startApplication(page: Page): Promise<string> {
  await page.goto('/antraege/neu');
  await page.getByRole('button', { name: /Leeren Antrag beginnen/ }).click();
  await page.waitForURL(/\/antraege\/\d+(\?.*)?$/);
  return new URL(page.url()).pathname;
}

export async function fillApplicant(page: Page) {
  await group(page, /als Verbund/)
    .getByLabel('Nein')
    .check();
}

export async function addRow(page: Page, button: string) {
  // Rows are cards, the budget's Ausgaben rows of a table.
  const rows = page.locator('.row-card, .budget-table tbody tr');
  const before = await rows.count();
  await page.getByRole('button', { name: button }).click();
  await expect(rows).toHaveCount(before + 1);
}

export async function fillProject(page: Page) {
  await page.getByLabel('Titel des Vorhabens').fill('Bürgerrat Verkehrswende Wiesenbach');
  await page.getByLabel(/Einzelvorhaben zur Bürgerbeteiligung/).check();
  await page.getByLabel('Kurzbeschreibung').fill('Ein geloster Bürgerrat berät Empfehlungen für den Verkehr im Ortskern.');
  await page.getByLabel('Gesamtzielsetzung').fill('Die Gemeinde erhält abgestimmte Empfehlungen; Einwohner erleben Beteiligung.');
  await addRow(page, 'Teilvorhaben hinzufügen');
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Auswahl und Einladung');
  await addRow(page, 'Format hinzufügen');
  await page.getByLabel('Format', { exact: true }).selectOption('buergerrat');
  await page.getByLabel('Konsultation').check();
  await page.getByLabel('Alle Einwohnerinnen und Einwohner').check();
  await page.getByLabel('Jugendliche und junge Erwachsene').check();
  await page.getByLabel('Ort des Vorhabens').fill('Wiesenbach, Ortskern');
  await page.getByLabel('In Sachsen', { exact: true }).check();
  await group(page, /gesetzlich vorgeschriebenes/)
    .getByLabel('Nein')
    .check();
  await group(page, /Geld eines Bürgerbudgets/)
    .getByLabel('Nein')
    .check();
  await group(page, /Beteiligungsportal des Freistaates Sachsen/)
    .getByLabel('Ja')
    .check();
  await group(page, /Software kaufen/)
    .getByLabel('Nein')
    .check();
  await group(page, /freie Träger am Vorhaben/)
    .getByLabel('Ja')
    .check();
  await page.getByLabel('Beschreibung der Zusammenarbeit').fill('Der Heimatverein moderiert die Ortsteilrunden.');
  await page.getByLabel('Nein', { exact: true }).last().check();
  await group(page, /Bund oder EU/)
    .getByLabel('Nein')
    .check();
  await page.getByLabel('Warum ist das Vorhaben nötig?').fill('Der Durchgangsverkehr belastet den Ortskern seit Jahren.');
  await page.getByLabel('Warum brauchen Sie die Förderung?').fill('Moderation und Losverfahren kann die Gemeinde nicht allein bezahlen.');
}

export async function fillSchedule(page: Page) {
  await page.getByLabel('Beginn', { exact: true }).fill('01.03.2027');
  await page.getByLabel('Ende', { exact: true }).fill('31.12.2027');
  await group(page, /Aufträge vergeben/)
    .getByLabel('Nein')
    .check();
}

export async function fillBudget(page: Page) {
  await group(page, /Vorsteuerabzug/)
    .getByLabel('Nein')
    .check();
  await addRow(page, 'Ausgabe hinzufügen');
  await page.getByLabel('Kategorie, Ausgabe 1').selectOption('honorare');
  await page.getByLabel('Beschreibung, Ausgabe 1').fill('Moderation Bürgerrat, 4 Sitzungen');
  await page.getByLabel('Menge oder Stunden, Ausgabe 1').fill('4');
  await page.getByLabel('Einzelpreis oder Stundensatz in Euro, Ausgabe 1').fill('2.500,00');
  await page.getByLabel('Eigenmittel in Geld (Euro)').fill('1.000');
}

export async function fillDeclarations(page: Page) {
  for (const label of [
    /im Erfahrungs- und Beratungsnetzwerk/,
    /Projektideen/,
    /freiheitlichen demokratischen/,
    /noch nicht begonnen/,
    /subventionserheblich/,
    /personenbezogener Daten/,
  ]) {
    const box = page.getByLabel(label);
    if (await box.count()) await box.check();
  }
}

/** A new draft filled up to the Kosten step (Antragsteller, Vorhaben, Zeitplan done); returns its overview path. */
export async function startAtBudget(page: Page): Promise<string> {
  const overview = await startApplication(page);
  await page.goto(`${overview}/antragsteller`);
  await fillApplicant(page);
  await submitStep(page);
  await fillProject(page);
  await submitStep(page);
  await fillSchedule(page);
  await submitStep(page);
  return overview;
}
