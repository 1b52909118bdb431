import { readFileSync } from 'node:fs';
import { expect, signIn, test } from '../support/fixtures';
import { pdfText, squash } from '../support/pdf';
import { answerAll, choosePerspective, startCheck, statement, submit } from '../support/qualitaetscheck';
import { startApplication } from '../support/wizard';

test.describe('QualitätsCheck', () => {
  test('a Verwaltung answers with a perspective change half-way, gets chart, table and PDF, shares it with a colleague and attaches it to a draft', async ({
    page,
    browser,
  }) => {
    const title = `Bürgerhaushalt ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await signIn(page, 'kommune');
    const draftPath = await startApplication(page);
    const draftId = draftPath.split('/').at(-1)!;

    const checkPath = await startCheck(page, title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aus welcher Sicht antworten Sie?');
    await choosePerspective(page, 'Politik');

    // First topic as Politik: everything "trifft voll zu".
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dialogbereitschaft und -fähigkeit');
    await expect(page.getByText('Thema 1 von 10')).toBeVisible();
    await answerAll(page, 'Trifft voll zu');
    await submit(page, 'Weiter');
    await expect(page.getByText('Thema 2 von 10')).toBeVisible();

    // Half-way through, the perspective changes; the answers stay.
    await submit(page, 'Sichtweise ändern');
    await expect(page.getByText('Sie antworten bisher als Politik.')).toBeVisible();
    await choosePerspective(page, 'Verwaltung');
    await expect(page.getByText('Sie antworten als Verwaltung.')).toBeVisible();
    await expect(page.getByText(/aus einer anderen Sichtweise gespeichert/)).toBeVisible();
    // Statements both perspectives are asked keep their answer; the Verwaltung-only one is open.
    await expect(statement(page, 1).getByLabel('Trifft voll zu', { exact: true })).toBeChecked();
    await expect(statement(page, 2).getByLabel('Trifft voll zu', { exact: true })).toBeChecked();
    await expect(statement(page, 3).getByRole('radio', { checked: true })).toHaveCount(0);

    // "Weiter" with an open statement: a German message at the field, the typed note kept.
    await page.getByText('Notiz zu Aussage 3 hinzufügen').click();
    await page.getByLabel('Notiz zu Aussage 3').fill('Moderation ist noch nicht beauftragt – Angebot einholen.');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Bitte wählen Sie für jede Frage eine Antwort oder „nicht anwendbar“.');
    await expect(page.getByLabel('Notiz zu Aussage 3')).toHaveValue('Moderation ist noch nicht beauftragt – Angebot einholen.');
    await expect(statement(page, 1).getByLabel('Trifft voll zu', { exact: true })).toBeChecked();
    await statement(page, 3).getByLabel('Trifft voll zu', { exact: true }).check();
    await submit(page, 'Weiter');

    await answerAll(page, 'Trifft gar nicht zu');
    await submit(page, 'Weiter');
    // The third topic is left open and the result opened early.
    await submit(page, 'Zum Ergebnis');

    await expect(page).toHaveURL(`${checkPath}/ergebnis`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihr Ergebnis');
    await expect(page.getByText(/Sie haben aus Sicht Verwaltung geantwortet: 6 von \d+ Aussagen beantwortet/)).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Noch offen: \d+ Aussagen$/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Profil aus Sicht Verwaltung/ })).toBeVisible();
    const table = page.getByRole('table', { name: /Ihr Profil je Kriterium/ });
    await expect(table.getByRole('row', { name: /Dialogbereitschaft/ })).toContainText('100');
    await expect(table.getByRole('row', { name: /Dialogbereitschaft/ })).toContainText('Stärke');
    await expect(table.getByRole('row', { name: /Ressourcen/ })).toContainText('Entwicklungsfeld');
    await expect(table.getByRole('row', { name: /Transparenz/ })).toContainText('Noch nicht beantwortet');
    // Suggestions for the weak criterion, and the Politik-only answer kept, not counted.
    await expect(page.getByRole('heading', { name: /Ressourcen und klare Ziel- und Rahmensetzung \(0 von 100 Punkten\)/ })).toBeVisible();
    await expect(page.getByText('Zukunftswerkstatt:', { exact: true })).toBeVisible();
    await expect(page.getByText(/gehört zur Perspektive Zivilgesellschaft oder Politik/)).toBeVisible();
    // One's own note is part of one's result (issue 22).
    await expect(page.getByRole('region', { name: 'Ihre Notizen' })).toContainText(
      'Notiz: Moderation ist noch nicht beauftragt – Angebot einholen.',
    );

    // The PDF.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ergebnis als PDF herunterladen' }).click(),
    ]);
    const text = squash(pdfText(new Uint8Array(readFileSync((await download.path())!))));
    expect(text).toContain(`QualitätsCheck Beteiligung: ${title}`);
    expect(text).toContain('Ihr Ergebnis aus Sicht „Verwaltung“');
    expect(text).toContain('Dialogbereitschaft und -fähigkeit (100 von 100 Punkten)');
    expect(text).toContain('Notiz: Moderation ist noch nicht beauftragt – Angebot einholen.');

    // Share with a colleague and attach to the draft.
    await page.getByRole('link', { name: 'Zur Übersicht dieses QualitätsChecks' }).click();
    await page.getByRole('group', { name: 'Wen möchten Sie einladen?' }).getByLabel('Tom Richter').check();
    await submit(page, 'Einladen');
    await expect(page.getByText(/^Die Einladung ist verschickt\./)).toBeVisible();
    await expect(page.getByRole('row', { name: /Tom Richter/ })).toContainText('eingeladen');
    await page.getByLabel('Antrag', { exact: true }).selectOption(draftId);
    await submit(page, 'Dem Antrag beifügen');
    await expect(page.getByText(/^Der QualitätsCheck ist dem Antrag beigefügt\./)).toBeVisible();

    // The colleague answers as Zivilgesellschaft, in a browser of their own.
    const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
    const colleague = await context.newPage();
    await signIn(colleague, 'kommune2');
    await colleague.goto('/qualitaetscheck');
    await colleague.getByRole('region', { name: 'Einladungen' }).getByRole('link', { name: title }).click();
    await submit(colleague, 'Jetzt ausfüllen');
    await choosePerspective(colleague, 'Zivilgesellschaft');
    await answerAll(colleague, 'Trifft gar nicht zu');
    await submit(colleague, 'Zum Ergebnis');
    await expect(colleague.getByRole('heading', { level: 1 })).toHaveText('Ihr Ergebnis');
    await colleague.getByRole('link', { name: 'Zur Übersicht dieses QualitätsChecks' }).click();
    await expect(
      colleague.getByText(
        /Die Sichtweisen gehen deutlich auseinander, am stärksten bei „[^“]+“: Verwaltung 100 Punkte, Zivilgesellschaft 0 Punkte\./,
      ),
    ).toBeVisible();
    // Notes stay with their author.
    await expect(colleague.getByText(/Moderation ist noch nicht beauftragt/)).toHaveCount(0);
    await context.close();

    // Back on the draft's task list: the combined profile with the divergence.
    await page.goto(draftPath);
    const attached = page.getByRole('region', { name: `QualitätsCheck: ${title}` });
    await expect(attached).toContainText('2 Personen: Verwaltung 1, Zivilgesellschaft 1');
    await expect(
      attached.getByRole('table', { name: /Profil nach Sichtweise/ }).getByRole('row', { name: /Dialogbereitschaft/ }),
    ).toContainText('gehen auseinander (bis 100 Punkte bei einer gemeinsamen Aussage)');
    await expect(attached.getByRole('img', { name: 'Profil nach Sichtweise' })).toBeVisible();
    await expect(
      attached.getByText(
        /Die Sichtweisen gehen deutlich auseinander, am stärksten bei „[^“]+“: Verwaltung 100 Punkte, Zivilgesellschaft 0 Punkte\./,
      ),
    ).toBeVisible();
  });

  test('without signing in: the check is kept in the browser and can be resumed', async ({ page }) => {
    const path = await startCheck(page, 'Jugendbeteiligung im Ortsteil');
    await choosePerspective(page, 'Prozessgestaltung');
    await answerAll(page, 'Trifft eher zu');
    await submit(page, 'Später beantworten');
    await expect(page.getByText('Thema 2 von 10')).toBeVisible();
    await page.goto('/qualitaetscheck');
    await page.getByRole('link', { name: /Weiter mit Ihrem QualitätsCheck „Jugendbeteiligung im Ortsteil“/ }).click();
    await expect(page).toHaveURL(`${path}/ressourcen-ziele`);
    await submit(page, 'Zurück');
    await expect(page).toHaveURL(`${path}/dialogbereitschaft`);
    await expect(statement(page, 1).getByLabel('Trifft eher zu', { exact: true })).toBeChecked();
  });
});
