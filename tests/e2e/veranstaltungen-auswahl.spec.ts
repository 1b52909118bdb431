import { closeApplications, createTestEvent, e2ePublicUrl, lastMailTo, mailCount } from '../support/e2e-database';
import { expect, signIn, test, uniqueEmail } from '../support/fixtures';
import type { Page } from '@playwright/test';

/**
 * Issue 18 Nr. 9 end to end: an event with selection. People apply with a motivation by the
 * deadline, the organisers decide and complete the selection, everyone learns the outcome by
 * e-mail, and a seat a selected person gives back goes to the reserve list.
 */

const applyButton = (page: Page) => page.locator('form[aria-labelledby="anmeldung-titel"] button[type="submit"]');

async function apply(page: Page, eventId: number, name: string, email: string, motivation: string) {
  await page.goto(`/veranstaltungen/${eventId}`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Warum möchten Sie teilnehmen?').fill(motivation);
  await page.getByLabel('Ich habe die Datenschutzhinweise zur Anmeldung gelesen.').check();
  await applyButton(page).click();
  await expect(page.getByText(/Ihre Bewerbung ist eingegangen/)).toBeVisible();
}

function personalLink(email: string, subject: RegExp): string {
  const body = lastMailTo(email, subject);
  const escaped = e2ePublicUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`${escaped}(/veranstaltungen/anmeldung/[A-Za-z0-9_-]+)`).exec(body)?.[1];
  expect(link, `an absolute personal link in the e-mail to ${email}`).toBeTruthy();
  return link!;
}

test('apply with a motivation, organisers select after the deadline, everyone is told, a returned seat goes to the reserve list', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const start = new Date(Date.now() + 14 * 86_400_000);
  const eventId = await createTestEvent({
    capacity: 1,
    admission: 'auswahl',
    title: `Pilotphase ${Date.now().toString(36)}`,
    registrationClosesAt: new Date(start.getTime() - 86_400_000).toISOString(),
  });
  const [anna, ben, cora] = [uniqueEmail('anna'), uniqueEmail('ben'), uniqueEmail('cora')];

  // The public page says how seats are given and asks for a motivation; without one, a German message and nothing lost.
  await page.goto(`/veranstaltungen/${eventId}`);
  await expect(page.getByText('Bewerbung läuft')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bewerben' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Anna Antrag');
  await page.getByLabel('E-Mail-Adresse').fill(anna);
  await applyButton(page).click();
  await expect(
    page.getByText('Bitte schreiben Sie kurz, warum Sie teilnehmen möchten; danach wählen die Veranstalter aus.').first(),
  ).toBeVisible();
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(anna);

  await apply(page, eventId, 'Anna Antrag', anna, 'Wir planen einen Bürgerrat.');
  await apply(page, eventId, 'Ben Beispiel', ben, 'Unser Verein gestaltet den Dorfplatz neu.');
  await apply(page, eventId, 'Cora Cordes', cora, 'Ich möchte es mir ansehen.');
  expect(await mailCount(anna, 'Ihre Bewerbung ist eingegangen')).toBe(1);

  // Cora withdraws by her personal link.
  await page.goto(personalLink(cora, /Bewerbung ist eingegangen/));
  await expect(page.getByText('Ich möchte es mir ansehen.')).toBeVisible();
  await page.getByRole('button', { name: 'Bewerbung zurückziehen' }).click();
  await expect(page.getByText('Storniert')).toBeVisible();

  // The organiser reads the applications; before the deadline a preliminary selection only.
  const organiser = await browser.newPage();
  await signIn(organiser, 'beratung');
  await organiser.goto(`/veranstaltungen/verwalten/${eventId}`);
  await organiser.getByRole('link', { name: 'Bewerbungen lesen und auswählen' }).click();
  await expect(organiser.getByText('Wir planen einen Bürgerrat.')).toBeVisible();
  await expect(organiser.getByText(/Bewerbungsfrist läuft noch bis/)).toBeVisible();
  await expect(organiser.getByRole('button', { name: /Auswahl abschließen/ })).toHaveCount(0);
  await organiser
    .getByRole('group', { name: /Anna Antrag/ })
    .getByLabel('Ausgewählt')
    .check();
  await organiser.getByRole('button', { name: 'Vorauswahl speichern' }).click();
  await expect(organiser.getByText('Ihre Vorauswahl ist gespeichert. Noch hat niemand eine E-Mail bekommen.')).toBeVisible();
  await expect(organiser.getByRole('group', { name: /Anna Antrag/ }).getByLabel('Ausgewählt')).toBeChecked();
  expect(await mailCount(anna, 'Sie sind ausgewählt')).toBe(0);

  // After the deadline: an undecided application stops the completion, the choice made is kept.
  await closeApplications(eventId);
  await organiser.reload();
  await organiser.getByRole('button', { name: /Auswahl abschließen/ }).click();
  await expect(organiser.getByRole('alert')).toContainText('Über 1 Bewerbung ist noch nicht entschieden');
  await expect(organiser.getByRole('group', { name: /Anna Antrag/ }).getByLabel('Ausgewählt')).toBeChecked();
  await organiser
    .getByRole('group', { name: /Ben Beispiel/ })
    .getByLabel('Nachrückliste')
    .check();
  await organiser.getByRole('button', { name: /Auswahl abschließen/ }).click();
  await expect(
    organiser.getByText('Die Auswahl ist abgeschlossen. Alle Bewerbenden haben das Ergebnis per E-Mail bekommen.'),
  ).toBeVisible();
  await expect(organiser.getByText(/Ben Beispiel/).locator('..')).toContainText('Nachrückliste, Stelle 1');
  expect(await mailCount(anna, 'Sie sind ausgewählt')).toBe(1);
  expect(await mailCount(ben, 'Sie stehen auf der Nachrückliste')).toBe(1);
  expect(await mailCount(cora, 'Ergebnis der Auswahl')).toBe(0);

  await page.goto(`/veranstaltungen/${eventId}`);
  await expect(page.getByText('Auswahl abgeschlossen')).toBeVisible();

  // Anna gives her seat back: Ben is offered it.
  await page.goto(personalLink(anna, /Sie sind ausgewählt/));
  await expect(page.getByText('Ausgewählt – Bestätigung ausstehend')).toBeVisible();
  await page.getByRole('button', { name: 'Platz ablehnen' }).click();
  await expect(page.getByText('Storniert')).toBeVisible();
  expect(await mailCount(ben, 'Ein Platz ist frei geworden')).toBe(1);
  await page.goto(personalLink(ben, /Ein Platz ist frei geworden/));
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await expect(page.getByText('Angemeldet', { exact: true })).toBeVisible();
  await organiser.close();
});
