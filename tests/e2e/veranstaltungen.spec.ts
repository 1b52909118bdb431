import { createTestEvent, e2eDatabase, e2ePublicUrl, lastMailTo } from '../support/e2e-database';
import { expect, expectAccessible, signIn, test, uniqueEmail } from '../support/fixtures';
import type { Page } from '@playwright/test';

/**
 * Issue 18 end to end, with and without JavaScript: the calendar with its filters and seat light,
 * registration with double opt-in, the waitlist, cancellation by the personal link and promotion.
 */

async function register(page: Page, eventId: number, name: string, email: string) {
  await page.goto(`/veranstaltungen/${eventId}`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Ich habe die Datenschutzhinweise zur Anmeldung gelesen.').check();
  await page.locator('form[aria-labelledby="anmeldung-titel"] button[type="submit"]').click();
}

/** The personal link from the newest e-mail to the address, as a path on the test server. */
function personalLink(email: string, subject: RegExp): string {
  const body = lastMailTo(email, subject);
  const link = new RegExp(`${e2ePublicUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/veranstaltungen/anmeldung/[A-Za-z0-9_-]+)`).exec(
    body,
  )?.[1];
  expect(link, `an absolute personal link in the e-mail to ${email}`).toBeTruthy();
  return link!;
}

test('the calendar is in the header, filters by format and month, and shows the light as text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Veranstaltungen' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
  await expect(page.getByText('Nur noch wenige Plätze').first()).toBeVisible();
  await expect(page.getByText('Ausgebucht – Warteliste offen').first()).toBeVisible();
  await page.getByLabel('Form').selectOption('online');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page).toHaveURL(/format=online/);
  await expect(page.getByRole('link', { name: 'Demo: Online-Sprechstunde zum Förderaufruf' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demo: Methodentraining Bürgerrat' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Archiv vergangener Veranstaltungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vergangene Veranstaltungen' })).toBeVisible();
});

test('registration with double opt-in, waitlist, cancellation and promotion', async ({ page }) => {
  // A long walk through many pages: a generous bound, not a duration (the machine may be busy).
  test.setTimeout(120_000);
  const eventId = await createTestEvent({ capacity: 1 });
  const first = uniqueEmail('erste');
  const second = uniqueEmail('zweite');

  // Bad input first: a German message at the field, what was typed is kept.
  await page.goto(`/veranstaltungen/${eventId}`);
  await page.getByLabel('Name', { exact: true }).fill('Erika Erste');
  await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
  await page.locator('form[aria-labelledby="anmeldung-titel"] button[type="submit"]').click();
  await expect(page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@gemeinde.de.').first()).toBeVisible();
  await expect(page.getByText('Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.').first()).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Erika Erste');

  await register(page, eventId, 'Erika Erste', first);
  await expect(page.getByText(/Wir halten einen Platz für Sie frei/)).toBeVisible();
  await expect(page.getByText('Ausgebucht – Warteliste offen')).toBeVisible();
  // The access link of an online event is never on the public page.
  expect(await page.content()).not.toContain('geheimer-raum');

  await register(page, eventId, 'Zoe Zweite', second);
  await expect(page.getByText(/Sie stehen auf der Warteliste an Stelle 1/)).toBeVisible();

  // The same address again: a clear message, no second registration.
  await register(page, eventId, 'Erika Erste', first);
  await expect(page.getByText(/Mit dieser E-Mail-Adresse besteht bereits eine Anmeldung/).first()).toBeVisible();

  // Double opt-in by the personal link; only now the access link appears.
  await page.goto(personalLink(first, /Bitte bestätigen/));
  await expect(page.getByText('Platz reserviert – Bestätigung ausstehend')).toBeVisible();
  expect(await page.content()).not.toContain('geheimer-raum');
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await expect(page.getByText('Angemeldet', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://konferenz.example/geheimer-raum' })).toBeVisible();
  expect(lastMailTo(first, /Anmeldung bestätigt/)).toContain('https://konferenz.example/geheimer-raum');

  // The waiting person sees the position by their link.
  const waiting = personalLink(second, /Warteliste/);
  await page.goto(waiting);
  await expect(page.getByText('Auf der Warteliste', { exact: true })).toBeVisible();

  // Cancelling frees the seat, and the first on the waitlist is offered it and told.
  await page.goto(personalLink(first, /Anmeldung bestätigt/));
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByText('Storniert', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toHaveCount(0);
  expect(lastMailTo(second, /Ein Platz ist frei geworden/)).toContain('/veranstaltungen/anmeldung/');

  await page.goto(waiting);
  await expect(page.getByText('Nachgerückt – Bestätigung ausstehend')).toBeVisible();
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await expect(page.getByText('Angemeldet', { exact: true })).toBeVisible();
});

test('signed-in people find the form prefilled', async ({ page }) => {
  const eventId = await createTestEvent({ capacity: 5 });
  await signIn(page, 'verein');
  await page.goto(`/veranstaltungen/${eventId}`);
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('verein@demo.example');
  await expect(page.getByLabel('Organisation')).toHaveValue('Bürgerforum Oberlausitz e. V.');
});

test('the registration form works with the keyboard alone', async ({ page }) => {
  const eventId = await createTestEvent({ capacity: 5 });
  await page.goto(`/veranstaltungen/${eventId}`);
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.type('Karla Tastatur');
  await page.keyboard.press('Tab');
  await page.keyboard.type(uniqueEmail('tastatur'));
  // Organisation, needs, dietary needs: skipped with Tab.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Ich habe die Datenschutzhinweise zur Anmeldung gelesen.')).toBeFocused();
  await page.keyboard.press('Space');
  // The hint link next to the checkbox, then the button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Anmelden' }).last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Wir halten einen Platz für Sie frei/)).toBeVisible();
});

test('organisers create an event, cannot cut seats below those taken, and cancel it with notice to all', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Werkstatt ${uniqueEmail('t').slice(2, 14)}`;
  await signIn(page, 'ministerium');
  await page.goto('/veranstaltungen/verwalten/neu');
  await expect(page).toHaveTitle('Neue Veranstaltung – Veranstaltungen – Förderlotse Bürgerbeteiligung');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Beschreibung').fill('Wir üben den Kosten- und Finanzierungsplan.');
  await page.getByLabel('Thema').selectOption('antragstellung');
  await page.getByLabel('Zielgruppe').fill('Vereine');
  await page.getByLabel('Vor Ort').check();
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);
  await page
    .getByLabel('Datum')
    .fill(
      `${String(inAMonth.getUTCDate()).padStart(2, '0')}.${String(inAMonth.getUTCMonth() + 1).padStart(2, '0')}.${inAMonth.getUTCFullYear()}`,
    );
  await page.getByLabel('Beginn').fill('10:00');
  await page.getByLabel('Ende').fill('09:00');
  await page.getByRole('textbox', { name: 'Veranstaltungsort (optional)' }).fill('Rathaus');
  await page.getByRole('textbox', { name: 'Adresse (optional)' }).fill('Markt 1, 09111 Chemnitz');
  await page.getByLabel('Landkreis des Veranstaltungsorts').selectOption('Chemnitz');
  await page.getByLabel('Veranstalter', { exact: true }).fill('Ministerium');
  await page.getByLabel('Plätze', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Das Ende muss nach dem Beginn liegen.').first()).toBeVisible();
  await expect(page.getByLabel('Titel')).toHaveValue(title);
  await page.getByRole('textbox', { name: 'Ende', exact: true }).fill('12:00');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Gespeichert.')).toBeVisible();
  // The page's title names the event now (WCAG 2.4.2: a browser tab or history entry per event).
  await expect(page).toHaveTitle(`${title} bearbeiten – Veranstaltungen – Förderlotse Bürgerbeteiligung`);
  const manage = new URL(page.url()).pathname;
  const eventId = Number(/\/(\d+)$/.exec(manage)![1]);

  const guest = uniqueEmail('gast');
  await page.context().clearCookies();
  await register(page, eventId, 'Gina Gast', guest);
  await expect(page.getByText(/Wir halten einen Platz für Sie frei/)).toBeVisible();
  await register(page, eventId, 'Hanna Gast', uniqueEmail('gast'));
  await expect(page.getByText(/Wir halten einen Platz für Sie frei/)).toBeVisible();

  await signIn(page, 'ministerium');
  await page.goto(manage);
  await expect(page.getByRole('cell', { name: guest })).toBeVisible();
  await page.getByLabel('Plätze', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(
    page.getByText('Es sind bereits 2 Plätze vergeben oder reserviert. Die Zahl der Plätze kann nicht darunter liegen.').first(),
  ).toBeVisible();
  await page.getByLabel('Grund der Absage').fill('Die Referentin ist erkrankt.');
  await page.getByRole('button', { name: 'Veranstaltung absagen' }).click();
  await expect(page.getByText(/Diese Veranstaltung ist abgesagt; alle Angemeldeten/)).toBeVisible();
  expect(lastMailTo(guest, /^Abgesagt:/)).toContain('Die Referentin ist erkrankt.');
  const db = e2eDatabase();
  try {
    const actions = (
      db
        .prepare("select action from audit_events where subject_type = 'event' and subject_id = ? order by id")
        .all(String(eventId)) as Array<{ action: string }>
    ).map((r) => r.action);
    expect(actions).toEqual(['events.event.created', 'events.event.cancelled']);
  } finally {
    db.close();
  }
});

test('organisers message the participants with their personal link and mark attendance once the event has begun', async ({ page }) => {
  test.setTimeout(120_000);
  const eventId = await createTestEvent({ capacity: 1 });
  const guest = uniqueEmail('gast');
  const waiting = uniqueEmail('warte');
  await register(page, eventId, 'Gina Gast', guest);
  await expect(page.getByText(/Wir halten einen Platz für Sie frei/)).toBeVisible();
  await page.goto(personalLink(guest, /Bitte bestätigen/));
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await expect(page.getByText('Angemeldet', { exact: true })).toBeVisible();
  await register(page, eventId, 'Wanda Warte', waiting);
  await expect(page.getByText(/Warteliste/).first()).toBeVisible();

  await signIn(page, 'beratung');
  await page.goto(`/veranstaltungen/verwalten/${eventId}`);
  // Before the start there is nothing to mark.
  await expect(page.getByRole('heading', { name: 'Anwesenheit' })).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Nachricht an die Teilnehmenden' });
  await form.getByLabel('Betreff').fill('Ra');
  await form.getByRole('button', { name: 'Nachricht senden' }).click();
  await expect(page.getByText('Bitte geben Sie einen Betreff ein (3 bis 200 Zeichen).')).toBeVisible();
  await expect(page.getByText('Bitte schreiben Sie eine Nachricht (10 bis 10.000 Zeichen).')).toBeVisible();
  await expect(page.getByLabel('Betreff')).toHaveValue('Ra');
  await page.getByLabel('Betreff').fill('Raumwechsel');
  await page.getByLabel('Nachricht', { exact: true }).fill('Wir treffen uns im großen Saal.');
  await page.getByLabel('Bestätigte Teilnehmende und Warteliste').check();
  await page.getByRole('button', { name: 'Nachricht senden' }).click();
  await expect(page.getByText('Die Nachricht ist an 2 Personen verschickt.')).toBeVisible();
  // axe runs in the page, so only with JavaScript.
  if (test.info().project.name !== 'nojs') await expectAccessible(page);
  expect(lastMailTo(guest, /^Raumwechsel/)).toContain('Wir treffen uns im großen Saal.');
  personalLink(waiting, /^Raumwechsel/);

  // The event has begun.
  const db = e2eDatabase();
  try {
    const past = new Date(Date.now() - 3_600_000).toISOString();
    db.prepare('update events set starts_at = ?, registration_closes_at = ? where id = ?').run(past, past, eventId);
  } finally {
    db.close();
  }
  await page.goto(`/veranstaltungen/verwalten/${eventId}`);
  const attendance = page.getByRole('form', { name: 'Anwesenheit eintragen' });
  await attendance.getByLabel(/Gina Gast/).check();
  await attendance.getByRole('button', { name: 'Anwesenheit speichern' }).click();
  await expect(page.getByText('Anwesenheit gespeichert.')).toBeVisible();
  await expect(page.getByLabel(/Gina Gast/)).toBeChecked();
  await expect(page.getByText(/bisher: anwesend/)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^1$/ }).first()).toBeVisible();
  // axe runs in the page, so only with JavaScript.
  if (test.info().project.name !== 'nojs') await expectAccessible(page);
});
