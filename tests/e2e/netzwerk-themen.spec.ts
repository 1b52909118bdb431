import type { Browser, Page } from '@playwright/test';
import { createTestNetworkMember } from '../support/e2e-database';
import { expect, signIn, test } from '../support/fixtures';

/**
 * Issue 20 Nr. 3 and 5 end to end (without JavaScript in the nojs project): a member asks the network
 * a question in a topic, another member answers, the asker accepts the answer; a third member's post
 * is reported and a moderator hides it with a reason; the others see only the moderation's notice.
 */

async function memberPage(browser: Browser, who: Parameters<typeof signIn>[1]): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test('a member asks, another answers, the asker accepts; a moderator hides a reported post @js', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const asker = await createTestNetworkMember(`Gemeinde Fragestadt ${suffix}`);
  const helper = await createTestNetworkMember(`Verein Antwortdorf ${suffix}`);
  const spammer = await createTestNetworkMember(`Werbeagentur ${suffix}`);
  const title = `Wie laden wir zum Bürgerrat ein? (${suffix})`;
  // Unique per run: the js and nojs projects report at the same time, and the moderation page lists both.
  const reportReason = `Werbung, kein Beitrag zur Frage (${title})`;

  // The asker finds "Themen" from the network's start page and asks a question.
  await signIn(page, asker);
  await page.goto('/netzwerk');
  await page.getByRole('link', { name: 'Themen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Themen' })).toBeVisible();
  await page.getByRole('button', { name: 'Thema veröffentlichen' }).click();
  await expect(page.getByText('Bitte wählen Sie eine Kategorie.').first()).toBeVisible();
  await page.getByLabel('Kategorie des Themas').selectOption({ label: 'Methoden' });
  await page.getByLabel('Überschrift des Themas').fill(title);
  await page.getByLabel('Ja, eine Frage').check();
  await page.getByLabel('Text', { exact: true }).fill('Per Brief, per Los, mit Aufwandsentschädigung? Wer hat Erfahrungen?');
  await page.getByRole('button', { name: 'Thema veröffentlichen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Ihr Thema ist veröffentlicht.')).toBeVisible();
  const threadUrl = page.url().replace(/[?#].*$/, '');

  // Another member answers; a third writes an advertisement.
  const helperPage = await memberPage(browser, helper);
  await helperPage.goto('/netzwerk/themen?kategorie=methoden');
  await helperPage.getByRole('link', { name: title }).click();
  await helperPage.getByLabel('Ihre Antwort').fill('Wir haben 400 Briefe verschickt, mit 40 Euro Aufwandsentschädigung: 32 Zusagen.');
  await helperPage.getByRole('button', { name: 'Antwort veröffentlichen' }).click();
  await expect(helperPage.getByText('Ihre Antwort ist veröffentlicht.')).toBeVisible();
  const spamPage = await memberPage(browser, spammer);
  await spamPage.goto(threadUrl);
  await spamPage.getByLabel('Ihre Antwort').fill('Kaufen Sie unsere Beteiligungs-App! Nur heute 50 % Rabatt.');
  await spamPage.getByRole('button', { name: 'Antwort veröffentlichen' }).click();
  await expect(spamPage.getByText('Ihre Antwort ist veröffentlicht.')).toBeVisible();

  // The asker accepts the helpful answer; the list shows the thread as answered.
  await page.goto(threadUrl);
  const answer = page.getByRole('article').filter({ hasText: '400 Briefe' });
  await answer.getByRole('button', { name: 'Als Lösung markieren' }).click();
  await expect(page.getByText('Die Lösung ist gespeichert.')).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: '400 Briefe' }).getByText('Lösung', { exact: true })).toBeVisible();
  await page.goto('/netzwerk/themen');
  await expect(page.getByRole('listitem').filter({ hasText: title }).getByText('beantwortet')).toBeVisible();

  // The asker reports the advertisement: the reason is needed, in German.
  await page.goto(threadUrl);
  await page
    .getByRole('article')
    .filter({ hasText: 'Rabatt' })
    .getByRole('link', { name: /^Melden/ })
    .click();
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.getByText('Bitte nennen Sie kurz den Grund der Meldung (mindestens 5 Zeichen).').first()).toBeVisible();
  await page.getByLabel('Grund der Meldung').fill(reportReason);
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.getByText('Danke. Die Moderation prüft Ihre Meldung.')).toBeVisible();

  // A moderator (the EBBS advisor) sees the report and hides the post with a reason.
  const moderator = await memberPage(browser, 'beratung');
  await moderator.goto('/netzwerk');
  await moderator.getByRole('link', { name: 'Moderation' }).click();
  const report = moderator.getByRole('listitem').filter({ hasText: reportReason });
  await report.getByRole('link', { name: title }).click();
  await moderator.getByLabel('Grund (steht im Protokoll)').fill('Werbung');
  await moderator.getByRole('button', { name: 'Ausblenden', exact: true }).click();
  await expect(moderator.getByText('Der Beitrag ist ausgeblendet.')).toBeVisible();
  await moderator.goto('/netzwerk/moderation');
  await expect(moderator.getByText(reportReason)).toHaveCount(0);

  // The other members see only the moderation's notice; the accepted answer stays.
  await page.goto(threadUrl);
  await expect(page.getByText('Von der Moderation ausgeblendet')).toBeVisible();
  await expect(page.getByText('Nur heute 50 % Rabatt')).toHaveCount(0);
  await expect(page.getByText('Wir haben 400 Briefe verschickt')).toBeVisible();
  await Promise.all([helperPage.context().close(), spamPage.context().close(), moderator.context().close()]);
});
