import { createTestNetworkMember } from '../support/e2e-database';
import { expect, signIn, test } from '../support/fixtures';

/**
 * Personal blocks (ADR 0074) without JavaScript: a member blocks another on the profile; the
 * blocked member's message is refused (403, German, the text kept) and a mention tells the blocker
 * nothing; after "Blockierung aufheben" on the own profile page the message goes through.
 */
test('a blocked member cannot write to the blocker until the block is lifted', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const blocker = await createTestNetworkMember(`Ruhige Gemeinde ${suffix}`);
  const pest = await createTestNetworkMember(`Lauter Verein ${suffix}`);

  await signIn(page, blocker);
  await page.goto(`/netzwerk/mitglieder/${pest.memberId}`);
  await page.getByRole('button', { name: 'Mitglied blockieren' }).click();
  await expect(page.getByText('Sie haben dieses Mitglied blockiert.', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nachricht schreiben' })).toHaveCount(0);

  const pestContext = await browser.newContext({ javaScriptEnabled: false });
  const pestPage = await pestContext.newPage();
  await signIn(pestPage, pest);
  // The blocked member still sees the profile as before: the block is not announced.
  await pestPage.goto(`/netzwerk/mitglieder/${blocker.memberId}`);
  await pestPage.getByRole('link', { name: 'Nachricht schreiben' }).click();
  const text = `Noch eine Frage (${suffix})`;
  await pestPage.getByLabel('Ihre Nachricht').fill(text);
  const [refused] = await Promise.all([
    pestPage.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/netzwerk/nachrichten/')),
    pestPage.getByRole('button', { name: 'Senden' }).click(),
  ]);
  expect(refused.status()).toBe(403);
  await expect(pestPage.getByText('Dieses Mitglied möchte keine Nachrichten von Ihnen erhalten.').first()).toBeVisible();
  await expect(pestPage.getByLabel('Ihre Nachricht')).toHaveValue(text);

  // A mention by the blocked member tells the blocker nothing.
  await pestPage.goto('/netzwerk/themen/1');
  await pestPage.getByLabel('Ihre Antwort').fill(`Fragen Sie doch @Ruhige Gemeinde ${suffix} (${suffix})`);
  await pestPage.getByRole('button', { name: 'Antwort veröffentlichen' }).click();
  await expect(pestPage.getByText('Ihre Antwort ist veröffentlicht.')).toBeVisible();
  await page.goto('/benachrichtigungen');
  await expect(page.getByText(`Lauter Verein ${suffix} hat Sie`)).toHaveCount(0);
  await page.goto('/netzwerk/nachrichten');
  await expect(page.getByText(`Lauter Verein ${suffix}`)).toHaveCount(0);

  // The blocker lifts the block from the own profile page; now the message goes through.
  await page.goto('/netzwerk/profil');
  await expect(page.getByRole('link', { name: `Lauter Verein ${suffix}` })).toBeVisible();
  await page.getByRole('button', { name: `Blockierung aufheben – Lauter Verein ${suffix}` }).click();
  await expect(page.getByText('Die Blockierung ist aufgehoben.')).toBeVisible();
  await expect(page.getByText('Sie haben niemanden blockiert.')).toBeVisible();

  await pestPage.goto(`/netzwerk/nachrichten/${blocker.memberId}`);
  await pestPage.getByLabel('Ihre Nachricht').fill(text);
  await pestPage.getByRole('button', { name: 'Senden' }).click();
  await expect(pestPage.getByText('Ihre Nachricht ist gesendet.')).toBeVisible();
  await pestContext.close();
  await page.goto(`/netzwerk/nachrichten/${pest.memberId}`);
  await expect(page.getByText(text)).toBeVisible();
});
