import { axeViolations, expect, expectAccessible, reflowFaults, signIn, test, type DemoRole } from '../support/fixtures';
import { answerAll, choosePerspective, startCheck, submit } from '../support/qualitaetscheck';
import { startApplication } from '../support/wizard';
import { applicationWithBudgetStep } from '../support/budget';
import { clientFor } from '../support/http';
import { approvedApplication, bescheidForm, finishedProof, receiptForm } from '../support/umsetzung';
import { createTestApplicant, createTestEvent, createTestNetworkMember } from '../support/e2e-database';
import { askForAdvice, draftWithTitle, personFor, takeFromQueue } from '../support/advice';
import { financeExport } from '../support/receipts-csv';

/**
 * Every page template, by who can open it; one scan per template (a second audience or a filtered
 * list of the same template adds nothing axe would see: the sign-in page with its second notice,
 * the event archive, the statistics per quarter and the admin's read-only workbench are left out,
 * ADR 0038). axe needs JavaScript in the page, so this
 * file runs in the JavaScript project only; the server-rendered markup is the same without it.
 */
export const pagesByAudience: Record<'anonymous' | DemoRole, string[]> = {
  anonymous: [
    '/',
    '/anmelden',
    '/anmelden?grund=expired',
    '/passwort-vergessen',
    '/passwort-vergessen?gesendet=1',
    '/passwort-neu/unbekannt',
    '/registrieren',
    '/barrierefreiheit',
    '/datenschutz',
    '/impressum',
    '/gibt-es-nicht',
    '/foerdercheck',
    '/regeln',
    '/qualitaetscheck',
    '/veranstaltungen',
    '/veranstaltungen/1',
    '/veranstaltungen/3',
    // The demo event with selection (issue 18 Nr. 9), its applications closed.
    '/veranstaltungen/6',
    '/methoden',
    '/methoden?q=!!!&zielgruppe=jugendliche',
    '/methoden/kinder-und-jugendbeteiligung',
    '/methoden/einwohnerversammlung',
    '/methoden/finder',
    '/methoden/finder?ziel=junge-menschen&ziel=ideen-sammeln',
    '/methoden/finder?ziel=informieren&ziel=entscheiden&ziel=ideen-sammeln&ziel=meinungsbild&ziel=junge-menschen',
    '/beispiele',
    '/beispiele/jugendforum-talheim',
    '/offene-daten',
    '/newsletter',
    '/newsletter/1',
  ],
  // A method page as an applicant sees it, with the form to take it into a draft.
  kommune: [
    '/methoden/world-cafe',
    '/antraege',
    '/organisation',
    '/konto',
    // Account deletion (ADR 0074): the explanation and the confirmation form (the Gemeinde has a second person).
    '/konto/loeschen',
    '/antraege/importieren',
    '/benachrichtigungen',
    '/postfach',
    '/qualitaetscheck',
    // The asker's view of the seeded question: the accept button and the report form.
    '/netzwerk/themen/1?melden=2',
  ],
  kommune2: [],
  // The Verein's master data form asks for the register instead of the AGS; a project of the Verein
  // in implementation is scanned in its own test below.
  verein: ['/organisation', '/antraege'],
  beratung: [
    '/beratung',
    '/qualitaetscheck/inhalte',
    '/veranstaltungen/verwalten',
    '/veranstaltungen/verwalten/neu',
    '/veranstaltungen/verwalten/3',
    '/veranstaltungen/verwalten/6',
    '/veranstaltungen/verwalten/6/auswahl',
    '/newsletter/verwalten',
    '/newsletter/verwalten/2',
    '/netzwerk/nachrichten',
    '/netzwerk/nachrichten/1',
    // A profile with the personal block and the moderation forms, the own profile with the list of
    // blocked members, and account deletion refused for staff accounts (ADR 0074).
    '/netzwerk/mitglieder/1',
    '/netzwerk/profil',
    '/konto/loeschen',
    '/redaktion',
    '/redaktion/methode/world-cafe',
    // Topics (issue 20 Nr. 3, 5): the list with the new-thread form, the seeded question with the
    // advisor's answer (post 2) open for editing, and the moderation form and page.
    '/netzwerk/themen',
    // The ranked search (ADR 0076): a result with the excerpt of a reply, and a query without words.
    '/netzwerk/themen?q=Melderegister',
    '/netzwerk/themen?q=%21%21%21',
    '/netzwerk/themen/1?bearbeiten=2',
    '/netzwerk/themen/1?moderieren=1',
    '/netzwerk/moderation',
  ],
  ministerium: [
    '/regelwerk',
    '/offene-daten',
    '/beispiele/redaktion',
    '/regelwerk/regeln',
    '/regelwerk/ablaeufe',
    '/regelwerk/umsetzung',
    '/regelwerk/pruefstand',
    '/regelwerk/pruefstand?suite=1',
    '/regelwerk/parameter',
    '/regelwerk/aufrufe',
    '/regelwerk/aufrufe/neu',
    '/regelwerk/aufrufe/aufruf-6',
    '/regelwerk/statistik',
    '/regelwerk/protokoll',
  ],
  ministerium2: [],
  // The workbench as administrators see it (without the forms that change it) is a part of the
  // same templates the ministry's scans cover; it is not scanned again (ADR 0038).
  admin: ['/verwaltung', '/verwaltung/protokoll', '/verwaltung/protokoll?von=31.02.2026'],
};

/** Pages that answer with an error status on purpose (and must be accessible all the same). */
const expectedStatus: Record<string, number> = {
  '/gibt-es-nicht': 404,
  '/passwort-neu/unbekannt': 410,
  '/verwaltung/protokoll?von=31.02.2026': 400,
};

/** A few pages per test, so the long ones (rule catalogue, statecharts) spread over the workers. */
const pagesPerTest = 4;

for (const [audience, paths] of Object.entries(pagesByAudience)) {
  for (let from = 0; from < paths.length; from += pagesPerTest) {
    const chunk = paths.slice(from, from + pagesPerTest);
    test(`axe finds no WCAG 2.1 A/AA violations on the pages of ${audience}: ${chunk.join(', ')}`, async ({ page }) => {
      // Each scan adds its own time budget (axeScanBudgetMs in tests/support/fixtures.ts).
      if (audience !== 'anonymous') await signIn(page, audience as DemoRole);
      for (const path of chunk) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(expectedStatus[path] ?? 200);
        await expectAccessible(page);
      }
    });
  }
}

test('an event with selection: the application form with its errors stays accessible', async ({ page }) => {
  const eventId = await createTestEvent({
    admission: 'auswahl',
    capacity: 3,
    registrationClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  await page.goto(`/veranstaltungen/${eventId}`);
  await expect(page.getByLabel('Warum möchten Sie teilnehmen?')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Bewerbung absenden' }).click();
  await expect(
    page.getByText('Bitte schreiben Sie kurz, warum Sie teilnehmen möchten; danach wählen die Veranstalter aus.').first(),
  ).toBeVisible();
  await expectAccessible(page);
});

test('the CSV import of cost lines stays accessible: the file step with its error, the preview with row errors', async ({
  page,
  baseURL,
}) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  await client.dispose();
  await signIn(page, 'verein');
  await page.goto(`${app}/kosten/importieren`);
  await page.getByRole('button', { name: 'Datei lesen' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte wählen Sie die CSV-Datei mit den Ausgaben.');
  await expectAccessible(page);
  const file = ['Kategorie;Beschreibung;Menge;Einzelpreis;Jahr', 'Honorare;Moderation;2;100,00;2027', 'Catering;Imbiss;1;x;2031'].join(
    '\n',
  );
  await page.getByLabel('CSV-Datei', { exact: true }).setInputFiles({ name: 'k.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Datei lesen' }).click();
  await expect(page.getByRole('list', { name: 'Zeilen mit Fehlern' })).toContainText('Catering');
  await page.getByRole('button', { name: '1 Ausgabe übernehmen' }).click();
  await expect(page.getByRole('alert')).toContainText('1 Zeile hat Fehler');
  await expectAccessible(page);
});

test('the account deletion form with its errors stays accessible', async ({ page }) => {
  await signIn(page, 'kommune');
  await page.goto('/konto/loeschen');
  await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});

test('the scan reports what it is there to find: a page with planted faults fails it, node by node', async ({ page }) => {
  // The app's own frame and styles around three WCAG faults: a picture without a text alternative,
  // a field without a label and light grey text on white (2,3:1 where 4,5:1 is needed); and two
  // unnamed asides inside main, which only axe's best practices object to: not reported.
  await page.goto('/impressum');
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML(
      'beforeend',
      '<img id="planted-img" src="/favicon.ico"><input id="planted-field" type="text"><p id="planted-text">Kaum lesbar</p><aside>Eins</aside><aside>Zwei</aside>',
    );
    // Through the CSSOM: the app's CSP refuses style attributes in markup.
    const text = document.getElementById('planted-text')!;
    text.style.color = '#aaa';
    text.style.background = '#fff';
  });
  const found = await axeViolations(page);
  expect(found.map((line) => line.split(':')[0]).sort()).toEqual(['color-contrast', 'image-alt', 'label']);
  expect(found.find((line) => line.startsWith('image-alt'))).toContain('#planted-img');
  expect(found.find((line) => line.startsWith('label'))).toContain('#planted-field');
  expect(found.find((line) => line.startsWith('color-contrast'))).toContain('#planted-text');
});

test('forms with errors stay accessible', async ({ page }) => {
  await page.goto('/registrieren');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});

test('every scan also checks reflow at 320 CSS pixels: what sticks out or is cut off fails, a wide table scrolling in its region does not', async ({
  page,
}) => {
  await page.goto('/impressum');
  expect(await reflowFaults(page)).toEqual([]);
  await page.evaluate(() => {
    document
      .querySelector('main')!
      .insertAdjacentHTML(
        'beforeend',
        '<div class="table-scroll"><p id="planted-scrolling">Breit, aber im eigenen Bereich</p></div><div id="planted-clip"><p id="planted-cut">Abgeschnitten</p></div>',
      );
    // Through the CSSOM: the app's CSP refuses style attributes in markup.
    document.getElementById('planted-scrolling')!.style.width = '600px';
    // Cut off instead of scrolled: lost at 320 pixels, although the page itself is not too wide.
    document.getElementById('planted-clip')!.style.overflow = 'hidden';
    document.getElementById('planted-cut')!.style.width = '600px';
  });
  expect(await reflowFaults(page)).toEqual(['p#planted-cut "Abgeschnitten"']);
  await page.evaluate(() => {
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p id="planted-wide">Zu breit</p>');
    document.getElementById('planted-wide')!.style.width = '600px';
  });
  expect(await reflowFaults(page)).toEqual(['p#planted-cut "Abgeschnitten"', 'p#planted-wide "Zu breit"']);
  // The check leaves the viewport as it found it.
  expect(page.viewportSize()?.width).toBe(1280);
});

test('a QualitätsCheck with guest links, and the invitation a guest opens, stay accessible', async ({ page, browser }) => {
  await signIn(page, 'verein');
  const checkPath = await startCheck(page, 'Gastlinks barrierefrei');
  await page.goto(checkPath);
  await page.getByRole('button', { name: 'Gastlink erstellen' }).click();
  await expect(page.getByText(/^Der Gastlink ist erstellt\./)).toBeVisible();
  await expectAccessible(page);
  const link = await page
    .getByLabel(/^Gastlink/)
    .first()
    .inputValue();
  const guest = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await guest.goto(new URL(link).pathname);
  await expectAccessible(guest);
  await guest.getByRole('button', { name: 'QualitätsCheck beginnen' }).click();
  await expect(guest.getByRole('alert')).toBeVisible();
  await expectAccessible(guest);
  await guest.context().close();
});

test('on a phone the open menu and the scrolling tables stay accessible', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'kommune');
  const overview = await startApplication(page);
  for (const path of ['/antraege', `${overview}/protokoll`, '/konto']) {
    await page.goto(path);
    await page.locator('summary', { hasText: 'Menü' }).click();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    await expectAccessible(page);
  }
});

// The QualitätsCheck after submissions (errors, results, an attached check): one test per page.
test('the QualitätsCheck start and perspective pages stay accessible, also with errors', async ({ page }) => {
  await signIn(page, 'kommune');
  await startCheck(page, 'Barrierefreiheit');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});

test('a QualitätsCheck criterion page stays accessible, also with errors', async ({ page }) => {
  await signIn(page, 'kommune');
  await startCheck(page, 'Barrierefreiheit');
  await choosePerspective(page, 'Zivilgesellschaft');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});

test('the QualitätsCheck result stays accessible, also attached to a draft and on the draft', async ({ page }) => {
  await signIn(page, 'kommune');
  const draft = await startApplication(page);
  const check = await startCheck(page, 'Barrierefreiheit');
  await choosePerspective(page, 'Zivilgesellschaft');
  await answerAll(page, 'Trifft eher nicht zu');
  await submit(page, 'Weiter');
  await submit(page, 'Zum Ergebnis');
  await expectAccessible(page);
  await page.goto(check);
  await page.getByLabel('Antrag', { exact: true }).selectOption(draft.split('/').at(-1)!);
  await submit(page, 'Dem Antrag beifügen');
  await expectAccessible(page);
  await page.goto(draft);
  await expect(page.getByRole('region', { name: 'QualitätsCheck: Barrierefreiheit' })).toBeVisible();
  await expectAccessible(page);
});

test('the content editor stays accessible with errors', async ({ page }) => {
  await signIn(page, 'beratung');
  await page.goto('/qualitaetscheck/inhalte');
  await page.getByLabel('Inhalt der neuen Fassung (JSON)').fill('{ "version": "2099-7" }');
  await page.getByRole('button', { name: 'Prüfen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});

test('Vorhaben in Umsetzung stays accessible: overview, Bescheid (also with errors), Belegliste and a receipt', async ({
  page,
  baseURL,
}) => {
  const client = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(client, 'Umsetzung barrierefrei');
  const empty = `/antraege/${id}/umsetzung`;
  await signIn(page, 'kommune');
  await page.goto(empty);
  await expectAccessible(page);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  expect((await client.post(`/antraege/${id}/umsetzung/belege`, receiptForm())).status()).toBe(302);
  await client.dispose();
  for (const path of [
    `/antraege/${id}/umsetzung`,
    `/antraege/${id}/umsetzung/bescheid`,
    `/antraege/${id}/umsetzung/belege`,
    `/antraege/${id}/umsetzung/verwendungsnachweis`,
  ]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  // The Verwendungsnachweis with an error at a field (issue 19 Nr. 5).
  await page.goto(`/antraege/${id}/umsetzung/verwendungsnachweis`);
  await page.getByLabel('Zahl der beteiligten Personen').fill('viele');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('ganze Zahl');
  await expectAccessible(page);
  // Änderungen melden: the preview with an item to report, then an error at a field (issue 19 Nr. 4).
  await page.goto(`/antraege/${id}/umsetzung/aenderungen`);
  await expectAccessible(page);
  await page.getByLabel('Voraussichtliche zuwendungsfähige Ausgaben insgesamt in Euro').fill('8.000');
  await page.getByRole('button', { name: 'Berechnen' }).click();
  await expect(page.getByRole('heading', { name: 'Vorschau (nicht gespeichert)' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Seit dem Bescheid hinzugekommene Mittel in Euro').fill('1,000');
  await page.getByRole('button', { name: 'Berechnen' }).click();
  await expect(page.getByRole('alert')).toContainText('nicht eindeutig');
  await expectAccessible(page);
  await page.goto(`/antraege/${id}/umsetzung/belege`);
  await page.getByRole('link', { name: /Ändern \(Moderation Meier/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beleg ändern' })).toBeVisible();
  await expectAccessible(page);
  // The CSV import: the file step with its error, then the mapping with checked rows (issue 19 Nr. 2).
  await page.goto(`/antraege/${id}/umsetzung/belege/importieren`);
  await page.getByRole('button', { name: 'Datei lesen' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte wählen Sie die CSV-Datei');
  await expectAccessible(page);
  await page.getByLabel('CSV-Datei', { exact: true }).setInputFiles({ name: 'f.csv', mimeType: 'text/csv', buffer: financeExport().bytes });
  await page.getByRole('button', { name: 'Datei lesen' }).click();
  await expect(page.getByRole('list', { name: 'Zeilen mit Fehlern' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/antraege/${id}/umsetzung/belege`);
  await page.getByRole('link', { name: /Ändern \(Moderation Meier/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beleg ändern' })).toBeVisible();
  await page.getByLabel('Rechnungsdatum').fill('31.02.2026');
  await page.getByRole('button', { name: 'Änderung speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('gibt es nicht');
  await expectAccessible(page);
  await page.goto(`/antraege/${id}/umsetzung/bescheid`);
  await page.getByLabel('Eigenmittel in Euro').fill('1');
  await page.getByRole('button', { name: 'Bescheid speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('nicht ausgeglichen');
  await expectAccessible(page);
});

test('an association’s project in implementation stays accessible: project, deadlines, Verwendungsnachweis, changes, Belegliste, Mittelabruf', async ({
  page,
  baseURL,
}) => {
  const client = await clientFor(baseURL!, 'verein');
  const id = await approvedApplication(client, 'Umsetzung Verein barrierefrei');
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ advancePayments: 'ja', inKind: '0' }))).status()).toBe(
    302,
  );
  expect((await client.post(`/antraege/${id}/umsetzung/belege`, receiptForm())).status()).toBe(302);
  await client.dispose();
  await signIn(page, 'verein');
  const base = `/antraege/${id}/umsetzung`;
  for (const path of [
    '/antraege/fristen',
    base,
    `${base}/verwendungsnachweis`,
    `${base}/aenderungen`,
    `${base}/belege`,
    `${base}/mittelabruf`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  // The subscription address, shown once after it is made (issue 19 Nr. 6).
  await page.goto('/antraege/fristen');
  await page.getByRole('button', { name: /Abonnement-Adresse erzeugen/ }).click();
  await expect(page.getByLabel('Abonnement-Adresse')).toHaveValue(/\/kalender\/.+\/fristen\.ics$/);
  await expectAccessible(page);
});

test('the EBBS review of a Sachbericht stays accessible: the queue, the advisor view with an error, the feedback at the questions', async ({
  page,
  browser,
  baseURL,
}) => {
  const client = await clientFor(baseURL!, 'verein');
  const id = await approvedApplication(client, 'Durchsicht barrierefrei');
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  const form = await (await client.get(`/antraege/${id}/umsetzung/verwendungsnachweis`)).text();
  const value = (name: string) => new RegExp(`name="${name}"[^>]*value="(\\d+)"`).exec(form)![1]!;
  const asked = await client.post(`/antraege/${id}/umsetzung/verwendungsnachweis`, {
    version: value('version'),
    reviewVersion: value('reviewVersion'),
    intent: 'beratung.anfragen',
    reviewMessage: 'Bitte vor allem die Bewertung ansehen.',
  });
  expect(asked.status()).toBe(302);
  await client.dispose();

  await signIn(page, 'beratung');
  for (const path of ['/beratung', `/beratung/verwendungsnachweis/${id}`]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.getByRole('button', { name: 'Durchsicht übernehmen' }).click();
  await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await expect(page.getByRole('alert')).toContainText('mindestens 10');
  await expectAccessible(page);
  await page.getByLabel('Rückmeldung an die Organisation').fill('Klar gegliedert, die Zahlen fehlen noch.');
  await page.getByLabel('Hinweis zu „Wer wurde erreicht?“').fill('Wen haben Sie nicht erreicht?');
  await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await expect(page.getByRole('status')).toContainText('gesendet');
  await expectAccessible(page);

  const grantee = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await signIn(grantee, 'verein');
  await grantee.goto(`/antraege/${id}/umsetzung/verwendungsnachweis`);
  await expect(grantee.getByText('Klar gegliedert, die Zahlen fehlen noch.')).toBeVisible();
  await expectAccessible(grantee);
  await grantee.context().close();
});

test('offering a good example stays accessible: the form with errors, the editors’ list and review', async ({ page, browser, baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const title = `Beispiel barrierefrei ${Date.now()}`;
  const id = await approvedApplication(client, title);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  await finishedProof(client, id);
  await client.dispose();

  await signIn(page, 'verein');
  await page.goto(`/antraege/${id}/umsetzung/beispiel`);
  await expectAccessible(page);
  await page.getByLabel('Kurzfassung').fill('zu kurz');
  await page.getByRole('button', { name: 'Der Redaktion vorschlagen' }).click();
  await expect(page.getByRole('alert')).toContainText('Methode');
  await expectAccessible(page);
  await page.getByLabel('Kurzfassung').fill('Zwölf ausgeloste Menschen berieten an drei Abenden über den Marktplatz.');
  await page.getByLabel('Bürgerpanel').check();
  await page.getByLabel('Förderweg des Vorhabens').selectOption('B');
  await page.getByLabel('Was gut funktioniert hat').fill('Die Einladung per Losbrief hat neue Gruppen erreicht.');
  await page.getByLabel('Was Sie anders machen würden').fill('Früher mit dem Stadtrat über die Ergebnisse sprechen.');
  await page.getByRole('button', { name: 'Der Redaktion vorschlagen' }).click();
  await expect(page.getByRole('status')).toContainText('bei der Redaktion');
  await expectAccessible(page);

  const editor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await signIn(editor, 'ministerium');
  await editor.goto('/beispiele/redaktion');
  await expectAccessible(editor);
  await editor.getByRole('link', { name: title }).click();
  await expectAccessible(editor);
  await editor.getByRole('button', { name: 'Ablehnen' }).click();
  await expect(editor.getByRole('alert')).toContainText('Bitte begründen Sie die Ablehnung');
  await expectAccessible(editor);
  await editor.context().close();
});

test('the editorial desk stays accessible: an example draft with errors, its picture, the difference in review', async ({
  page,
  browser,
}) => {
  await signIn(page, 'beratung');
  await page.goto('/redaktion');
  const title = `Barrierefreie Redaktion ${Date.now()}`;
  await page.getByLabel('Titel des neuen Beispiels').fill(title);
  await page.getByRole('button', { name: 'Entwurf anlegen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Experten-Ansicht (YAML)' }).click();
  await page.getByLabel('Inhalt (YAML)').fill('title: [nicht geschlossen');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('Zeile');
  await expectAccessible(page);
  await page.getByLabel('Was hat sich geändert, und warum?').fill('kurz');
  await page.getByRole('button', { name: 'Zur Prüfung geben' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);

  const editor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await signIn(editor, 'ministerium');
  await editor.goto('/redaktion/beispiel/jugendforum-talheim?ansicht=yaml');
  const yaml = await editor.getByLabel('Inhalt (YAML)').inputValue();
  await editor.getByLabel('Inhalt (YAML)').fill(yaml.replace('Busplatzes', 'alten Busplatzes am Markt'));
  await editor.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(editor.getByRole('table', { name: 'Geänderte Felder' })).toBeVisible();
  await expectAccessible(editor);
  await editor.getByRole('button', { name: 'Entwurf verwerfen' }).click();
  await expect(editor.getByRole('status')).toContainText('verworfen');
  await editor.context().close();
});

test('the form editor of the Redaktion stays accessible: a method with a wrong number, an example with its open problems', async ({
  page,
}) => {
  await signIn(page, 'beratung');
  await page.goto('/redaktion/methode/zukunftskonferenz');
  await expectAccessible(page);
  const groupSize = page.getByRole('group', { name: 'Gruppengröße' });
  await groupSize.getByRole('textbox', { name: 'von (mindestens)' }).fill('viele');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte geben Sie eine ganze Zahl ein');
  await expectAccessible(page);

  // A new example: every field that is still missing is marked at the field and linked above.
  await page.goto('/redaktion');
  await page.getByLabel('Titel des neuen Beispiels').fill(`Formular barrierefrei ${Date.now()}`);
  await page.getByRole('button', { name: 'Entwurf anlegen' }).last().click();
  await expect(page.getByText('Vor dem Einreichen noch zu klären')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Was gut funktioniert hat' })).toContainText('Fehler:');
  await expectAccessible(page);
});

test('a question to the network from a step, with its errors, and the thread with its context stay accessible', async ({ page }) => {
  // A fresh member of the Gemeinde Wiesenbach: its questions do not count against the seeded accounts' flood limit.
  await signIn(page, await createTestNetworkMember(`Gemeinde Barrierefrei ${Date.now().toString(36)}`));
  const draft = await startApplication(page);
  await page.goto(`/netzwerk/frage?antrag=${draft.split('/').at(-1)}&schritt=vorhaben`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Frage veröffentlichen' }).click();
  await expect(page.getByText('Bitte geben Sie die Überschrift des Themas an.').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Überschrift Ihrer Frage').fill('Eine Frage mit Kontext');
  await page.getByLabel('Text', { exact: true }).fill('Was hat sich bewährt?');
  await page.getByRole('button', { name: 'Frage veröffentlichen' }).click();
  await expect(page.getByRole('complementary', { name: 'Kontext der Frage' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${draft}/vorhaben`);
  await expect(page.getByRole('link', { name: 'Eine Frage mit Kontext' })).toBeVisible();
  await expectAccessible(page);
});

test('an advisor\u2019s pointer to a thread, with its error, and the draft showing it stay accessible', async ({ page, browser }) => {
  await signIn(page, await createTestApplicant('Gemeinde Wiesenbach'));
  const title = `Entwurf für den Netzwerk-Hinweis ${Date.now().toString(36)}`;
  const overview = await draftWithTitle(page, title);
  await askForAdvice(page, overview);
  const advisor = await personFor(browser, 'beratung', true);
  await takeFromQueue(advisor, title);
  await advisor.getByLabel('Nummer oder Adresse des Themas').fill('999999');
  await advisor.getByRole('button', { name: 'Auf das Thema hinweisen' }).click();
  await expect(advisor.getByText('Dieses Thema gibt es im EBBS-Netzwerk nicht').first()).toBeVisible();
  await expectAccessible(advisor);
  await advisor.getByLabel('Nummer oder Adresse des Themas').fill('1');
  await advisor.getByRole('button', { name: 'Auf das Thema hinweisen' }).click();
  await expect(advisor.getByText('Der Hinweis auf das Netzwerk-Thema ist gespeichert.')).toBeVisible();
  await expectAccessible(advisor);
  await page.goto(overview);
  await expect(page.getByRole('region', { name: 'Hinweise der Beratung auf das EBBS-Netzwerk' })).toBeVisible();
  await expectAccessible(page);
});
