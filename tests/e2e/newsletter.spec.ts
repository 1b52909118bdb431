import { e2ePublicUrl, lastMailTo } from '../support/e2e-database';
import { expect, signIn, test, uniqueEmail } from '../support/fixtures';

/**
 * Issue 18 Nr. 10 end to end: subscription without an account (double opt-in), an issue written,
 * previewed and sent by an editor through the outbox, unsubscribing by the link in the issue, and the
 * public archive.
 */

function subscriptionLink(email: string, subject: RegExp): string {
  const body = lastMailTo(email, subject);
  const link = new RegExp(`${e2ePublicUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/newsletter/abo/[A-Za-z0-9_-]+)`).exec(body)?.[1];
  expect(link, `an absolute personal link in the e-mail to ${email}`).toBeTruthy();
  return link!;
}

test('subscribe with double opt-in, receive an issue an editor sends, unsubscribe by its link', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('newsletter');
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Newsletter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Newsletter' })).toBeVisible();
  // The archive already holds the demo issue.
  await expect(page.getByRole('link', { name: /Herbst 2026/ })).toBeVisible();

  // Bad input: German messages, the typed address kept.
  await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
  await page.getByRole('button', { name: 'Newsletter bestellen' }).click();
  await expect(page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@gemeinde.de.').first()).toBeVisible();
  await expect(
    page.getByText('Bitte bestätigen Sie, dass Sie die Datenschutzhinweise zum Newsletter gelesen haben.').first(),
  ).toBeVisible();
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('keine-adresse');

  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Ich habe die Datenschutzhinweise zum Newsletter gelesen.').check();
  await page.getByRole('button', { name: 'Newsletter bestellen' }).click();
  await expect(page.getByText(/Wir haben Ihnen eine E-Mail geschickt/)).toBeVisible();

  // Opening the link changes nothing; the button confirms.
  const link = subscriptionLink(email, /bestätigen Sie Ihre Anmeldung zum Newsletter/);
  await page.goto(link);
  await expect(page.getByText('Bestätigung ausstehend')).toBeVisible();
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await expect(page.getByText('Ihre Anmeldung ist bestätigt')).toBeVisible();
  await expect(page.getByText('Angemeldet', { exact: true })).toBeVisible();

  // An editor writes an issue, sees the preview and sends it after the check.
  const editorContext = await browser.newContext({ javaScriptEnabled: false });
  const editor = await editorContext.newPage();
  await signIn(editor, 'beratung');
  await editor.goto('/newsletter/verwalten');
  const subject = `Neue Termine ${email}`;
  await editor.getByLabel('Betreff').fill(subject);
  await editor.getByRole('button', { name: 'Als Entwurf speichern' }).click();
  await expect(editor.getByText('Bitte schreiben Sie den Text der Ausgabe.').first()).toBeVisible();
  await expect(editor.getByLabel('Betreff')).toHaveValue(subject);
  await editor.getByLabel('Text').fill('Guten Tag,\n\nim Januar beginnen die Methodentrainings.');
  await editor.getByRole('button', { name: 'Als Entwurf speichern' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(editor.getByText('im Januar beginnen die Methodentrainings.').last()).toBeVisible();
  await editor.getByRole('button', { name: 'Jetzt versenden' }).click();
  await expect(editor.getByRole('alert')).toContainText('Bitte bestätigen Sie, dass Sie Betreff und Text geprüft haben.');
  await editor.getByLabel(/Ich habe Betreff und Text geprüft/).check();
  await editor.getByRole('button', { name: 'Jetzt versenden' }).click();
  await expect(editor.getByText(/Versendet am .* an \d+ Abonnentinnen und Abonnenten/)).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Jetzt versenden' })).toHaveCount(0);
  await editorContext.close();

  // The issue arrived with the personal link; it unsubscribes with one button and deletes the address.
  const issue = lastMailTo(email, /Newsletter: Neue Termine/);
  expect(issue).toContain('im Januar beginnen die Methodentrainings.');
  await page.goto(subscriptionLink(email, /^Newsletter: Neue Termine/));
  await page.getByRole('button', { name: 'Newsletter abbestellen' }).click();
  await expect(page.getByText('Sie sind vom Newsletter abgemeldet. Ihre E-Mail-Adresse ist gelöscht.')).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await page.request.get(link)).status()).toBe(404);

  // The archive shows the sent issue to everyone.
  await page.goto('/newsletter');
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
});
