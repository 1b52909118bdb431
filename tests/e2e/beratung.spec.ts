import { askForAdvice, draftWithTitle, personFor, takeFromQueue } from '../support/advice';
import { expect, signIn, test } from '../support/fixtures';

test('advice round trip: ask, comment at the field, return with reason, change, resolve, ask again, see the change, complete, submit', async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  const title = `Jugendforum ${Date.now()}`;
  await signIn(page, 'kommune2');
  const overview = await draftWithTitle(page, title);
  await askForAdvice(page, overview, 'Ist der Titel verständlich?');

  // The advisor takes the draft, comments on the title and returns the draft.
  const advisor = await personFor(browser, 'beratung', javaScriptEnabled ?? true);
  const view = await takeFromQueue(advisor, title);
  await expect(advisor.getByText('Nachricht der Organisation: Ist der Titel verständlich?')).toBeVisible();
  const vorhaben = advisor.getByRole('region', { name: 'Vorhaben' });
  await vorhaben.getByText('Kommentar schreiben').click();
  await vorhaben.getByLabel('Stelle im Antrag').selectOption({ label: 'Titel des Vorhabens' });
  await vorhaben.getByLabel('Kommentar', { exact: true }).fill('Bitte nennen Sie den Ort im Titel.');
  await vorhaben.getByRole('button', { name: 'Kommentar speichern' }).click();
  await expect(advisor.getByRole('article', { name: 'Titel des Vorhabens' })).toContainText('Bitte nennen Sie den Ort im Titel.');
  await advisor.getByLabel('Begründung', { exact: true }).fill('Bitte schärfen Sie den Titel; Einzelheiten im Kommentar.');
  await advisor.getByRole('button', { name: 'Zurückgeben' }).click();
  await expect(advisor.getByText(`„${title}“ ist zur Überarbeitung zurückgegeben.`)).toBeVisible();

  // The applicant reads the reason, finds the comment at the field, changes the title and answers.
  await page.goto(overview);
  await expect(page.getByRole('region', { name: /Beratung und Einreichung: Zur Überarbeitung/ })).toContainText(
    'Bitte schärfen Sie den Titel; Einzelheiten im Kommentar.',
  );
  await page.getByRole('link', { name: '1 offener Kommentar zu Vorhaben' }).click();
  const thread = page.getByRole('article', { name: 'Titel des Vorhabens' });
  await expect(thread).toContainText('Bitte nennen Sie den Ort im Titel.');
  await expect(page.locator('.comment-marker')).toHaveText('1 offener Kommentar');
  await page.getByRole('textbox', { name: 'Titel des Vorhabens' }).fill(`${title} in Wiesenbach`);
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await page.getByRole('link', { name: '1 offener Kommentar zu Vorhaben' }).click();
  await expect(thread.getByText('Seit dem Kommentar geändert')).toBeVisible();
  await thread.getByText('Antworten').click();
  await thread.getByLabel('Ihre Antwort').fill('Ort ergänzt.');
  await thread.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.getByRole('article', { name: 'Titel des Vorhabens' })).toContainText('Ort ergänzt.');
  await page.getByRole('button', { name: /Als erledigt markieren/ }).click();
  await expect(page.getByRole('article', { name: 'Titel des Vorhabens' }).getByText(/^Erledigt am/)).toBeVisible();
  await askForAdvice(page, overview);

  // The advisor sees exactly what changed since the return, marks it reviewed and completes.
  await advisor.goto(view);
  const changes = advisor.getByRole('region', { name: 'Geänderte Angaben' });
  await expect(changes.getByRole('row', { name: /Titel des Vorhabens/ })).toContainText(`${title} in Wiesenbach`);
  await advisor.getByRole('button', { name: 'Als durchgesehen markieren' }).click();
  await expect(advisor.getByText('Keine Änderungen.')).toBeVisible();
  await advisor.getByLabel('Aus Sicht der Beratung einreichungsfähig').check();
  await advisor.getByRole('button', { name: 'Beratung abschließen' }).click();
  await expect(advisor.getByText(/Die Beratung zu „.*“ ist abgeschlossen/)).toBeVisible();

  // The applicant records the submission; from then on the draft is read-only.
  await page.goto(overview);
  await expect(page.getByText('Aus Sicht der Beratung ist der Antrag einreichungsfähig.')).toBeVisible();
  await page.goto(`${overview}/status`);
  const today = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );
  await page.getByLabel('Eingereicht am').fill(today);
  await page.getByLabel('Aktenzeichen oder Vorgangsnummer der SAB').fill('SAB-2026-0042');
  await page.getByRole('button', { name: 'Einreichung erfassen' }).click();
  await expect(page.getByText('Die Einreichung bei der SAB ist erfasst.')).toBeVisible();
  await page.goto(`${overview}/vorhaben`);
  await expect(page.getByRole('textbox', { name: 'Titel des Vorhabens' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Speichern und weiter' })).toHaveCount(0);

  // Everything is in the audit trail, and the organisation was notified.
  await page.goto(`${overview}/protokoll`);
  const log = page.getByRole('region', { name: 'Protokoll' });
  for (const entry of [
    'Beratung übernommen',
    'Stand: Zur Überarbeitung',
    'Kommentar geschrieben',
    'Auf Kommentar geantwortet',
    'Kommentar erledigt',
    'Stand: Beratung abgeschlossen',
    'Stand: Bei der SAB eingereicht',
  ]) {
    await expect(log.getByText(entry).first(), entry).toBeVisible();
  }
  await page.goto('/benachrichtigungen');
  await expect(page.getByRole('link', { name: `Zur Überarbeitung zurückgegeben: „${title}“` })).toBeVisible();
  await advisor.context().close();
});

test('a return without a reason shows the message at the field and keeps the other input', async ({ page, browser, javaScriptEnabled }) => {
  const title = `Ohne Begründung ${Date.now()}`;
  await signIn(page, 'kommune2');
  const overview = await draftWithTitle(page, title);
  await askForAdvice(page, overview);
  const advisor = await personFor(browser, 'beratung', javaScriptEnabled ?? true);
  await takeFromQueue(advisor, title);
  await advisor.getByLabel('Begründung', { exact: true }).fill('kurz');
  await advisor.getByRole('button', { name: 'Zurückgeben' }).click();
  await expect(advisor.getByRole('alert').first()).toContainText('mindestens 10 Zeichen');
  await expect(advisor.getByLabel('Begründung', { exact: true })).toHaveValue('kurz');
  await expect(advisor.getByRole('heading', { name: 'Stand: In Beratung' })).toBeVisible();
  await advisor.context().close();
});
