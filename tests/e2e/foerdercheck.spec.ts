import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';

async function next(page: Page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL((url) => url.href !== before);
}

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });

test.describe('Förder-Check', () => {
  test('a Verein answers every question and gets a verdict with clauses and concrete next steps', { tag: '@js' }, async ({ page }) => {
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
    await group(page, /vor Ort aktiv/)
      .getByLabel('Ja')
      .check();
    await next(page);
    // A Verein is never asked for the Förderweg of Kommunen.
    await expect(page).toHaveURL('/foerdercheck/inhalt');
    await group(page, /Gemeinde, Stadt oder einen Landkreis/)
      .getByLabel('Ja')
      .check();
    await group(page, /abschließend getroffen/)
      .getByLabel('Nein')
      .check();
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
    await group(page, /Beteiligungsportal des Freistaates/)
      .getByLabel('Ja')
      .check();
    // The software exclusion is for Kommunen only (FRL Teil 2 A II Nr. 3): a Verein is not asked.
    await expect(group(page, /kaufen oder mieten/)).toHaveCount(0);
    await next(page);
    await group(page, /zusammen/)
      .getByLabel('Ja')
      .check();
    await group(page, /Unterstützungsschreiben/)
      .getByLabel('Nein')
      .check();
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

    // The notes to confirm are one link away, opened beside the questionnaire.
    const notes = page.getByRole('link', { name: /Datenschutzhinweise zum Förderverfahren lesen/ });
    await expect(notes).toHaveAttribute('href', '/datenschutz#foerderverfahren');
    await expect(notes).toHaveAttribute('target', '_blank');
    for (const name of [/EBBS/, /Beteiligungsportals weiterzugeben/, /Grundordnung/, /subventionserheblich/, /Datenschutz/]) {
      await group(page, name).getByLabel('Ja').check();
    }
    await group(page, /Vorsteuerabzug/)
      .getByLabel('Nein')
      .check();
    await group(page, /überwiegend aus öffentlichen/)
      .getByLabel('Nein')
      .check();
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

    // Change the amount through the link at the finding: "Weiter" returns to the updated result.
    await page
      .locator('.finding', { hasText: 'Höchstens 90 %' })
      .getByRole('link', { name: /Angabe ändern/ })
      .click();
    await expect(page).toHaveURL('/foerdercheck/kosten?zurueck=ergebnis');
    await expect(page.getByLabel('Voraussichtliche Gesamtkosten in Euro')).toHaveValue('40.000,00');
    await page.getByLabel('Gewünschte Förderung in Euro').fill('36.000');
    await next(page);
    await expect(page).toHaveURL('/foerdercheck/ergebnis');
    await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
    // Every later answer is still known: "Zurück" leads to the last question, not the changed one.
    await page.getByRole('button', { name: 'Zurück zur letzten Frage' }).click();
    await expect(page).toHaveURL('/foerdercheck/erklaerungen');
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

  test('back works, a reload loses nothing, and no step can be skipped by URL', { tag: '@js' }, async ({ page }) => {
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

/** A day relative to today in Saxony, as typed in a form ("15.01.2026"). */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const day = new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000);
  return new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(day);
}

test('a start before today with "not started" is a finding, and the check asks the question that resolves it', { tag: '@js' }, async ({
  page,
  javaScriptEnabled,
}) => {
  const { completeCheckAsGemeinde } = await import('../support/foerdercheck');
  await completeCheckAsGemeinde(page);
  await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
  // The start moves into the past, while "not started" stays answered (the case of issue 14).
  await page.goto('/foerdercheck/zeitraum');
  const past = dayFromToday(-30);
  await page.getByLabel('Geplanter Beginn').fill(past);
  await next(page);
  await expect(page).toHaveURL('/foerdercheck/beginn');

  // Taken straight to the result, the contradiction is a finding with its clauses.
  await page.getByRole('button', { name: 'Ohne Änderung zum Ergebnis' }).click();
  await expect(page.getByRole('heading', { name: 'Ergebnis: Nicht förderfähig' })).toBeVisible();
  const finding = page.locator('.finding', { hasText: 'Geplanter Beginn passt zu „noch nicht begonnen“' });
  await expect(finding).toContainText('nicht erfüllt');
  await expect(finding).toContainText('VwV zu § 44 SäHO Nr. 1.4, VVK Nr. 1.3');
  await expect(finding).toContainText(`Geplanter Beginn ${past}`);

  // Changing the answer from the result, the check first asks the question that resolves it.
  await finding.getByRole('link', { name: /Angabe ändern/ }).click();
  await expect(page).toHaveURL('/foerdercheck/zeitraum?zurueck=ergebnis');
  await next(page);
  await expect(page).toHaveURL('/foerdercheck/beginn-klaeren?zurueck=ergebnis');
  await expect(page.getByRole('heading', { name: 'Wann beginnt das Vorhaben wirklich?', level: 1 })).toBeVisible();
  await expect(page.getByText(`Als Beginn haben Sie den ${past} angegeben`)).toBeVisible();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte wählen Sie, was zutrifft.');
  // axe runs in the page: only with JavaScript.
  if (javaScriptEnabled !== false) await expectAccessible(page);
  await page.getByLabel(/noch keinen Auftrag vergeben/).check();
  await page.getByLabel('Neuer Beginn').fill(dayFromToday(-1));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('alert')).toContainText('Der neue Beginn darf nicht vor dem heutigen Tag');
  await page.getByLabel(/noch keinen Auftrag vergeben/).check();
  await page.getByLabel('Neuer Beginn').fill(dayFromToday(10));
  await next(page);
  // The remaining answers are kept: the way leads straight back to the result (issue 22, defect 7).
  await expect(page).toHaveURL('/foerdercheck/ergebnis');
  await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
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

test.describe('Förder-Check result (issue 22)', () => {
  test('the next step stands right under the verdict and criteria that do not apply are folded away', async ({ page }) => {
    const { completeCheckAsGemeinde } = await import('../support/foerdercheck');
    await completeCheckAsGemeinde(page);
    await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
    const nextStep = page.getByRole('heading', { name: 'Wie geht es weiter?' });
    const allCriteria = page.getByRole('heading', { name: 'Alle Kriterien' });
    await expect(page.getByRole('link', { name: 'Konto anlegen' })).toBeVisible();
    expect((await nextStep.boundingBox())!.y).toBeLessThan((await allCriteria.boundingBox())!.y);

    // A Gemeinde is not asked for Gemeinnützigkeit: that criterion does not apply and is folded away.
    const notApplicable = page.locator('.finding--entfaellt').first();
    await expect(notApplicable).toBeHidden();
    await page.getByText(/Kriterien? treff(en|t) auf Ihr Vorhaben nicht zu/).click();
    await expect(notApplicable).toBeVisible();
  });

  test('a change from the result that needs a new question asks it, then returns to the result (defect 7)', { tag: '@js' }, async ({
    page,
  }) => {
    const { completeCheckAsGemeinde } = await import('../support/foerdercheck');
    await completeCheckAsGemeinde(page);
    await page.goto('/foerdercheck/foerderweg?zurueck=ergebnis');
    await page.getByRole('radio', { name: /^Bürgerkommune/ }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    // Bürgerkommune needs its precondition, never asked before: that question comes first …
    await expect(page).toHaveURL('/foerdercheck/buergerkommune?zurueck=ergebnis');
    await page.getByRole('radio', { name: /Satzung/ }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    // … then the way leads straight back to the result, every other answer kept.
    await expect(page).toHaveURL('/foerdercheck/ergebnis');
    await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
    await page.getByRole('button', { name: 'Zurück zur letzten Frage' }).click();
    await expect(page).toHaveURL('/foerdercheck/erklaerungen');
  });

  test('a return target outside the allow-list is ignored', async ({ page }) => {
    const { completeCheckAsGemeinde } = await import('../support/foerdercheck');
    await completeCheckAsGemeinde(page);
    await page.goto('/foerdercheck/foerderung?zurueck=https://example.org');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page).toHaveURL('/foerdercheck/kosten');
  });
});
