import sharp from 'sharp';
import { stringify } from 'yaml';
import { expect, signIn, test } from '../support/fixtures';

/**
 * The editorial desk in a browser (issue 17 Nr. 4 and 2a, ADR 0073): an EBBS advisor writes a new
 * good example with a picture and sends it to review; a ministry editor reads the changes and
 * publishes it; a visitor without an account finds it. Plain forms: the same steps with and
 * without JavaScript.
 */
test('an editor writes a good example with a picture, a second editor publishes it, a visitor finds it', async ({ page, browser }) => {
  const stamp = Date.now();
  const title = `Zukunftswerkstatt Bahnhof ${stamp}`;
  const word = `Gleiswerkstatt${stamp}`;

  await signIn(page, 'beratung');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Redaktion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktion: Methoden und gute Beispiele' })).toBeVisible();
  await page.getByLabel('Titel des neuen Beispiels').fill(title);
  await page.getByRole('button', { name: 'Entwurf anlegen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Der Entwurf ist angelegt');
  const slug = new URL(page.url()).pathname.split('/').pop()!;

  const content = {
    slug,
    title,
    fictional: false,
    place: 'Löbau',
    landkreis: 'Görlitz',
    organisationKind: 'gemeinde',
    fundingRoute: 'A1.1',
    year: 2026,
    methodSlugs: ['buergerpanel'],
    peopleReached: 90,
    budgetRange: 'bis-10000',
    summary: `Eine ${word} sammelte an zwei Abenden Ideen für das leere Bahnhofsgebäude.`,
    whatWorked: ['Der Ort selbst war die Einladung: Viele kamen, um das Gebäude einmal von innen zu sehen.'],
    doDifferently: ['Wir würden eine Kinderbetreuung anbieten, damit auch junge Familien bleiben können.'],
    contact: null,
  };
  await page.getByRole('link', { name: 'Experten-Ansicht (YAML)' }).click();
  await page.getByLabel('Inhalt (YAML)').fill(stringify(content));
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByRole('status')).toContainText('Der Entwurf ist gespeichert');

  // A picture without alt text is refused at its field; with one it is added.
  const picture = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#468' } })
    .jpeg()
    .toBuffer();
  await page
    .getByLabel('Bild (JPEG, PNG oder WebP, höchstens 8 MB)')
    .setInputFiles({ name: 'bahnhof.jpg', mimeType: 'image/jpeg', buffer: picture });
  await page.getByRole('button', { name: 'Bild zum Entwurf hinzufügen' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte beschreiben Sie, was auf dem Bild zu sehen ist');
  await page.getByLabel('Was ist auf dem Bild zu sehen? (Alternativtext)').fill('Menschen an Stellwänden in der alten Bahnhofshalle');
  await page
    .getByLabel('Bild (JPEG, PNG oder WebP, höchstens 8 MB)')
    .setInputFiles({ name: 'bahnhof.jpg', mimeType: 'image/jpeg', buffer: picture });
  await page.getByRole('button', { name: 'Bild zum Entwurf hinzufügen' }).click();
  await expect(page.getByRole('img', { name: 'Menschen an Stellwänden in der alten Bahnhofshalle' })).toBeVisible();
  // A second picture, removed again with its own button: the first stays.
  const shaky = 'Ein verwackeltes Foto vom Parkplatz, das wir nicht zeigen';
  await page.getByLabel('Was ist auf dem Bild zu sehen? (Alternativtext)').fill(shaky);
  await page
    .getByLabel('Bild (JPEG, PNG oder WebP, höchstens 8 MB)')
    .setInputFiles({ name: 'parkplatz.jpg', mimeType: 'image/jpeg', buffer: picture });
  await page.getByRole('button', { name: 'Bild zum Entwurf hinzufügen' }).click();
  await expect(page.getByRole('img', { name: shaky })).toBeVisible();
  await page.getByRole('button', { name: `Bild entfernen: ${shaky}` }).click();
  await expect(page.getByRole('status')).toContainText('Das Bild ist aus dem Entwurf entfernt');
  await expect(page.getByRole('img', { name: shaky })).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Menschen an Stellwänden in der alten Bahnhofshalle' })).toBeVisible();

  await page.getByLabel('Was hat sich geändert, und warum?').fill('Neues Beispiel aus dem Landkreis Görlitz, mit Bild.');
  await page.getByRole('button', { name: 'Zur Prüfung geben' }).click();
  await expect(page.getByRole('status')).toContainText('Der Entwurf liegt zur Prüfung');
  await expect(page.getByText('veröffentlichen muss eine zweite Person')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Veröffentlichen' })).toHaveCount(0);

  const editor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await signIn(editor, 'ministerium');
  await editor.goto('/redaktion');
  await editor.getByRole('link', { name: title }).click();
  const changes = editor.getByRole('table', { name: 'Geänderte Felder' });
  await expect(changes.getByRole('row', { name: /Titel des Beispiels/ })).toContainText(title);
  await expect(editor.getByRole('table', { name: 'Fassungen, neueste zuerst' })).toContainText(
    'Neues Beispiel aus dem Landkreis Görlitz, mit Bild.',
  );
  await editor.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(editor.getByRole('status')).toContainText('Die neue Fassung ist veröffentlicht');
  await editor.context().close();

  const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await visitor.goto('/beispiele');
  await visitor.getByLabel('Suchbegriff').fill(word);
  await visitor.getByRole('button', { name: 'Suchen' }).click();
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByRole('img', { name: 'Menschen an Stellwänden in der alten Bahnhofshalle' })).toBeVisible();
  await expect(visitor.getByRole('img', { name: 'Ein verwackeltes Foto vom Parkplatz, das wir nicht zeigen' })).toHaveCount(0);
  await visitor.context().close();
});

/**
 * The form editor (ADR 0080), the default view: an advisor changes a method's short description and
 * a target group in labelled fields, adds a row to a list without losing what she typed, gets a
 * wrong number back at its field with everything kept, sends the draft to review and reads the
 * difference. A second editor returns and discards it, so the method is as before.
 */
test('an advisor edits a method in the form, a wrong number is shown at its field, the draft goes to review with its difference', async ({
  page,
  browser,
}, testInfo) => {
  // One method per project: the projects run at the same time against one server.
  const slug = testInfo.project.name === 'js' ? 'charrette' : 'szenario-workshop';
  const stamp = `Formular${Date.now()}`;
  const summary = `Geänderte Kurzfassung ${stamp}: Die Beteiligten entwerfen gemeinsam, Schritt für Schritt.`;

  await signIn(page, 'beratung');
  await page.goto(`/redaktion/methode/${slug}`);
  await expect(page.getByRole('link', { name: 'Formular' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('textbox', { name: 'Kurzfassung', exact: true }).fill(summary);
  await page.getByRole('group', { name: 'Zielgruppen, die gut erreicht werden' }).getByRole('checkbox', { name: 'Familien' }).check();
  const groupSize = page.getByRole('group', { name: 'Gruppengröße' });
  await groupSize.getByRole('textbox', { name: 'von (mindestens)' }).fill('zwanzig');

  // One more row for the pitfalls: the page comes back with everything typed.
  const pitfalls = page.getByRole('group', { name: 'Stolpersteine', exact: true });
  const rows = await pitfalls.getByRole('textbox').count();
  await page.getByRole('button', { name: 'Weitere Zeile bei „Stolpersteine“' }).click();
  await expect(pitfalls.getByRole('textbox')).toHaveCount(rows + 1);
  await expect(page.getByRole('textbox', { name: 'Kurzfassung', exact: true })).toHaveValue(summary);
  await expect(groupSize.getByRole('textbox', { name: 'von (mindestens)' })).toHaveValue('zwanzig');

  // A word in a number field: not saved, the message at the field and linked from the summary.
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Bitte geben Sie eine ganze Zahl ein');
  await expect(groupSize).toContainText('Fehler: Bitte geben Sie eine ganze Zahl ein');
  await expect(alert.getByRole('link')).toHaveAttribute('href', '#inhalt-groupSize-min');
  await expect(groupSize.getByRole('textbox', { name: 'von (mindestens)' })).toHaveValue('zwanzig');
  await expect(page.getByRole('textbox', { name: 'Kurzfassung', exact: true })).toHaveValue(summary);
  // The long form in parts: the list of parts names the one with the problem and leads to it.
  const parts = page.getByRole('navigation', { name: 'Abschnitte dieses Formulars' });
  await expect(parts.getByRole('listitem').filter({ hasText: 'Beteiligungsstufe, Größe und Dauer' })).toContainText('(ein Hinweis)');
  await expect(parts.getByRole('listitem').filter({ hasText: 'Grunddaten' })).not.toContainText('Hinweis');
  await parts.getByRole('link', { name: 'Beteiligungsstufe, Größe und Dauer' }).click();
  await expect(page).toHaveURL(/#inhalt-teil-rahmen$/);
  await expect(
    page.getByRole('region', { name: 'Beteiligungsstufe, Größe und Dauer' }).getByRole('group', { name: 'Gruppengröße' }),
  ).toBeVisible();
  // The address is still named on the page shown again.
  await expect(page.locator('code', { hasText: slug })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Zielgruppen, die gut erreicht werden' }).getByRole('checkbox', { name: 'Familien' }),
  ).toBeChecked();

  await groupSize.getByRole('textbox', { name: 'von (mindestens)' }).fill('20');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByRole('status')).toContainText('Der Entwurf ist gespeichert');
  await expect(page.getByText('Vor dem Einreichen noch zu klären')).toHaveCount(0);

  await page.getByLabel('Was hat sich geändert, und warum?').fill('Kurzfassung geschärft, Familien als Zielgruppe ergänzt.');
  await page.getByRole('button', { name: 'Zur Prüfung geben' }).click();
  await expect(page.getByRole('status')).toContainText('Der Entwurf liegt zur Prüfung');
  const changes = page.getByRole('table', { name: 'Geänderte Felder' });
  // Word by word: the new words are inserted (underlined), the replaced ones struck through.
  await expect(changes.getByRole('row', { name: /^Kurzfassung/ }).locator('ins', { hasText: stamp })).toHaveCount(1);
  await expect(changes.getByRole('row', { name: /Zielgruppen, die gut erreicht werden/ }).locator('ins')).toContainText('familien');

  const editor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await signIn(editor, 'ministerium');
  await editor.goto(`/redaktion/methode/${slug}`);
  await editor.getByLabel('Begründung beim Zurückgeben').fill('Nur ein Test des Formulars; bitte verwerfen.');
  await editor.getByRole('button', { name: 'Zurückgeben' }).click();
  await editor.getByRole('button', { name: 'Entwurf verwerfen' }).click();
  await expect(editor.getByRole('status')).toContainText('verworfen');
  await editor.context().close();
});
