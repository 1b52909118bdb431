import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

async function next(page: Page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL((url) => url.href !== before);
}

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });

test.describe('Förder-Check', () => {
  test('a Verein answers every question and gets a verdict with clauses and concrete next steps', async ({ page }) => {
    await page.goto('/foerdercheck');
    await page.getByRole('button', { name: 'Förder-Check starten' }).click();
    await expect(page).toHaveURL('/foerdercheck/art');
    await page.getByLabel('Art der antragstellenden Organisation').selectOption('verein');
    await next(page);
    await page.getByLabel('Landkreis oder kreisfreie Stadt des Sitzes').selectOption('Görlitz');
    await next(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ist Ihre Organisation als gemeinnützig anerkannt?');
    await page.getByLabel('Ja').check();
    await next(page);
    await group(page, /vor Ort aktiv/).getByLabel('Ja').check();
    await next(page);
    // A Verein is never asked for the Förderweg of Kommunen.
    await expect(page).toHaveURL('/foerdercheck/inhalt');
    await group(page, /Gemeinde, Stadt oder einen Landkreis/).getByLabel('Ja').check();
    await group(page, /abschließend getroffen/).getByLabel('Nein').check();
    await next(page);
    await page.getByLabel('In Sachsen', { exact: true }).check();
    await next(page);

    // An impossible date gets a message at the field; the other value stays.
    await page.getByLabel('Geplanter Beginn').fill('01.03.2027');
    await page.getByLabel('Geplantes Ende').fill('31.02.2028');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByRole('alert')).toContainText('Den 31.02.2028 gibt es nicht.');
    await expect(page.getByLabel('Geplanter Beginn')).toHaveValue('01.03.2027');
    await expect(page.getByLabel('Geplantes Ende')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Geplantes Ende').fill('31.12.2028');
    await next(page);

    await page.getByLabel('Nein').check();
    await next(page);
    await group(page, /Beteiligungsportal des Freistaates/).getByLabel('Ja').check();
    // The software exclusion is for Kommunen only (FRL Teil 2 A II Nr. 3): a Verein is not asked.
    await expect(group(page, /kaufen oder mieten/)).toHaveCount(0);
    await next(page);
    await group(page, /zusammen/).getByLabel('Ja').check();
    await group(page, /Unterstützungsschreiben/).getByLabel('Nein').check();
    await next(page);
    await page.getByLabel('Nein, keine').check();
    await next(page);

    // An ambiguous amount is questioned, not guessed.
    await page.getByLabel('Voraussichtliche Gesamtkosten in Euro').fill('40,000');
    await page.getByLabel('Gewünschte Förderung in Euro').fill('36.500,00');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByRole('alert')).toContainText('„40,000“ ist nicht eindeutig');
    await expect(page.getByLabel('Gewünschte Förderung in Euro')).toHaveValue('36.500,00');
    await page.getByLabel('Voraussichtliche Gesamtkosten in Euro').fill('40.000');
    await next(page);

    for (const name of [/EBBS/, /Beteiligungsportals weiterzugeben/, /Grundordnung/, /subventionserheblich/, /Datenschutz/]) {
      await group(page, name).getByLabel('Ja').check();
    }
    await group(page, /Vorsteuerabzug/).getByLabel('Nein').check();
    await group(page, /überwiegend aus öffentlichen/).getByLabel('Nein').check();
    await next(page);

    await expect(page).toHaveURL('/foerdercheck/ergebnis');
    await expect(page.getByRole('heading', { name: 'Ergebnis: Nicht förderfähig' })).toBeVisible();
    const steps = page.locator('.next-steps');
    await expect(steps).toContainText('Reduzieren Sie die beantragte Zuwendung auf 36.000');
    await expect(steps).toContainText('Unterstützungsschreiben');
    await expect(page.getByText('FRL Teil 2 A V Nr. 5, FRL Teil 2 B V Nr. 4')).toBeVisible();

    // Simple language on request, without JavaScript too.
    await page.getByRole('link', { name: 'Erklärungen in einfacher Sprache anzeigen' }).click();
    await expect(page.getByText('Das Land zahlt höchstens 90 Prozent.').first()).toBeVisible();

    // Change the amount through the link at the finding; the result updates.
    await page.locator('.finding', { hasText: 'Höchstens 90 %' }).getByRole('link', { name: /Angabe ändern/ }).click();
    await expect(page).toHaveURL('/foerdercheck/kosten');
    await expect(page.getByLabel('Voraussichtliche Gesamtkosten in Euro')).toHaveValue('40.000,00');
    await page.getByLabel('Gewünschte Förderung in Euro').fill('36.000');
    await next(page);
    await page.getByRole('button', { name: 'Ohne Änderung zum Ergebnis' }).click();
    await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
  });

  test('an applicant that can never be eligible goes straight to the result', async ({ page }) => {
    await page.goto('/foerdercheck');
    await page.getByRole('button', { name: 'Förder-Check starten' }).click();
    await page.getByLabel('Art der antragstellenden Organisation').selectOption('natuerliche_person');
    await next(page);
    await expect(page).toHaveURL('/foerdercheck/ergebnis');
    await expect(page.getByRole('heading', { name: 'Ergebnis: Nicht förderfähig' })).toBeVisible();
    await expect(page.locator('.next-steps')).toContainText('gemeinnützigen Träger');
  });

  test('back works, a reload loses nothing, and no step can be skipped by URL', async ({ page }) => {
    await page.goto('/foerdercheck');
    await page.getByRole('button', { name: 'Förder-Check starten' }).click();
    await page.getByLabel('Art der antragstellenden Organisation').selectOption('gemeinde');
    await next(page);
    await page.getByLabel('Landkreis oder kreisfreie Stadt des Sitzes').selectOption('Meißen');
    await next(page);
    await expect(page).toHaveURL('/foerdercheck/foerderweg');
    await page.goto('/foerdercheck/kosten');
    await expect(page).toHaveURL('/foerdercheck/foerderweg');
    await page.reload();
    await page.getByRole('button', { name: 'Zurück' }).click();
    await expect(page).toHaveURL('/foerdercheck/sitz');
    await expect(page.getByLabel('Landkreis oder kreisfreie Stadt des Sitzes')).toHaveValue('Meißen');
    await page.goto('/');
    await page.goto('/foerdercheck');
    await expect(page.getByRole('link', { name: /Weiter bei/ })).toBeVisible();
  });
});

test('a signed-in Gemeinde starts an application with the answers of its Förder-Check', async ({ page }) => {
  const { signIn } = await import('../support/fixtures');
  const { completeCheckAsGemeinde } = await import('../support/foerdercheck');
  await signIn(page, 'kommune2');
  await completeCheckAsGemeinde(page);
  await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
  await page.getByRole('button', { name: 'Antrag mit diesen Angaben beginnen' }).click();
  await expect(page.getByText('Der Antrag wurde mit Ihren Angaben aus dem Förder-Check angelegt.')).toBeVisible();
  await expect(page.getByText('Antrag · Einzelvorhaben')).toBeVisible();
  await page.getByRole('link', { name: 'Zeitplan', exact: true }).click();
  await expect(page.getByLabel('Beginn', { exact: true })).toHaveValue('01.04.2027');
  await expect(page.getByLabel('Ende', { exact: true })).toHaveValue('31.12.2027');
});
