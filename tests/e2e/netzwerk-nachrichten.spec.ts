import { lastMailTo } from '../support/e2e-database';
import { demoEmail, expect, signIn, test } from '../support/fixtures';

/**
 * Issue 20 Nr. 4 end to end: a member writes to another from the profile page, the other is notified
 * (header count, e-mail), reads the conversation (unread goes down) and replies.
 */
test('a member writes to another from the profile; the other is notified, reads and replies', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const text = `Wie haben Sie den Bürgerrat besetzt? (${Date.now().toString(36)})`;
  await signIn(page, 'kommune');
  await page.goto('/netzwerk/mitglieder?q=Ulrike');
  await page
    .getByRole('link', { name: /Dr\. Ulrike Berg/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Nachricht schreiben' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Nachrichten mit Dr\. Ulrike Berg/ })).toBeVisible();

  // An empty message is refused at the field, in German.
  await page.getByRole('button', { name: 'Senden' }).click();
  await expect(page.getByText('Bitte schreiben Sie eine Nachricht.').first()).toBeVisible();
  await page.getByLabel('Ihre Nachricht').fill(text);
  await page.getByRole('button', { name: 'Senden' }).click();
  await expect(page.getByText('Ihre Nachricht ist gesendet.')).toBeVisible();
  await expect(page.getByText(text)).toBeVisible();
  const conversationUrl = page.url().replace(/[?#].*$/, '');

  // The advisor: a notice with a link, an e-mail, the unread count in the list; reading clears it.
  expect(lastMailTo(demoEmail('beratung'), /Neue Nachricht im EBBS-Netzwerk von Gemeinde Wiesenbach/)).toContain('/netzwerk/nachrichten/');
  const advisorContext = await browser.newContext({ javaScriptEnabled: false });
  const advisor = await advisorContext.newPage();
  await signIn(advisor, 'beratung');
  await advisor.goto('/benachrichtigungen');
  await expect(advisor.getByText('Neue Nachricht im EBBS-Netzwerk von Gemeinde Wiesenbach').first()).toBeVisible();
  await advisor.goto('/netzwerk/nachrichten');
  const row = advisor.getByRole('row', { name: /Gemeinde Wiesenbach/ });
  await expect(row.getByRole('cell').nth(2)).not.toHaveText('–');
  await row.getByRole('link', { name: 'Gemeinde Wiesenbach' }).click();
  await expect(advisor.getByText(text)).toBeVisible();
  await advisor.getByLabel('Ihre Nachricht').fill('Per Los aus dem Melderegister, dazu eine Einladung in Leichter Sprache.');
  await advisor.getByRole('button', { name: 'Senden' }).click();
  await expect(advisor.getByText('Ihre Nachricht ist gesendet.')).toBeVisible();
  await advisor.goto('/netzwerk/nachrichten');
  await expect(
    advisor
      .getByRole('row', { name: /Gemeinde Wiesenbach/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('–');
  await advisorContext.close();

  // The reply is in the conversation of the first member.
  await page.goto(conversationUrl);
  await expect(page.getByText('Per Los aus dem Melderegister, dazu eine Einladung in Leichter Sprache.')).toBeVisible();
});
