import type { Page } from '@playwright/test';
import { group } from './wizard';

async function next(page: Page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL((url) => url.href !== before);
}

/** Answers the Förder-Check for a fundable Gemeinde Einzelvorhaben. */
export async function completeCheckAsGemeinde(page: Page) {
  await page.goto('/foerdercheck');
  await page.getByRole('button', { name: /Förder-Check starten|Neu beginnen/ }).click();
  await page.getByLabel('Art der antragstellenden Organisation').selectOption('gemeinde');
  await next(page);
  await page.getByLabel('Landkreis oder kreisfreie Stadt des Sitzes').selectOption('Sächsische Schweiz-Osterzgebirge');
  await next(page);
  await page.getByLabel(/Einzelvorhaben zur Bürgerbeteiligung/).check();
  await next(page);
  await group(page, /als Verbund/)
    .getByLabel('Nein')
    .check();
  await next(page);
  await group(page, /gesetzlich vorgeschriebenes/)
    .getByLabel('Nein')
    .check();
  await group(page, /Bürgerbudgets oder Bürgerhaushalts/)
    .getByLabel('Nein')
    .check();
  await next(page);
  await page.getByLabel('In Sachsen', { exact: true }).check();
  await next(page);
  await page.getByLabel('Geplanter Beginn').fill('01.04.2027');
  await page.getByLabel('Geplantes Ende').fill('31.12.2027');
  await next(page);
  await page.getByLabel('Nein').check();
  await next(page);
  await group(page, /Beteiligungsportal des Freistaates/)
    .getByLabel('Ja')
    .check();
  await group(page, /kaufen oder mieten/)
    .getByLabel('Nein')
    .check();
  await next(page);
  await page.getByLabel('Ja').check();
  await next(page);
  await page.getByLabel('Nein, keine').check();
  await next(page);
  await page.getByLabel('Voraussichtliche Gesamtkosten in Euro').fill('12.000');
  await page.getByLabel('Gewünschte Förderung in Euro').fill('10.000');
  await next(page);
  for (const name of [/EBBS/, /Beteiligungsportals weiterzugeben/, /Grundordnung/, /subventionserheblich/, /Datenschutz/]) {
    await group(page, name).getByLabel('Ja').check();
  }
  await group(page, /Vorsteuerabzug/)
    .getByLabel('Nein')
    .check();
  await next(page);
}
