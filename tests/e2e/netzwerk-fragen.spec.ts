import type { Browser, Page } from '@playwright/test';
import { askForAdvice, draftWithTitle, takeFromQueue } from '../support/advice';
import { createTestApplicant, createTestNetworkMember, lastMailTo } from '../support/e2e-database';
import { expect, signIn, test } from '../support/fixtures';

/**
 * Issue 20 Nr. 6 "from the work" end to end (without JavaScript in the nojs project): an applicant
 * asks the network from a wizard step and the thread shows the step's non-personal context; an
 * advisor points a draft to a thread and its author, not a network member, sees the title and how
 * to join (ADR 0075).
 */

async function pageOf(browser: Browser, javaScriptEnabled: boolean, who: Parameters<typeof signIn>[1]): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test('an applicant asks the network from a step; the thread shows the context, never the draft\u2019s text', async ({ page }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const asker = await createTestNetworkMember(`Gemeinde Kontextdorf ${suffix}`);
  await signIn(page, asker);
  const privateTitle = `Bürgerrat von Anna Beispiel ${suffix}`;
  const overview = await draftWithTitle(page, privateTitle);
  await page.goto(`${overview}/vorhaben`);
  await page.getByRole('link', { name: 'Frage an das EBBS-Netzwerk stellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Frage an das EBBS-Netzwerk stellen' })).toBeVisible();
  const context = page.locator('#kontext-angaben');
  await expect(context).toContainText('Schritt »Vorhaben«');
  await expect(page.locator('main')).not.toContainText(privateTitle);
  await expect(page.getByLabel('Kategorie des Themas')).toHaveValue('foerderung');
  await expect(page.getByLabel('Diesen Kontext mit der Frage veröffentlichen')).toBeChecked();

  // Too long a title: the message at the field, the text kept.
  const question = `Welche Formate passen zu einem Einzelvorhaben? (${suffix})`;
  await page.getByLabel('Überschrift Ihrer Frage').fill('x'.repeat(151));
  await page.getByLabel('Text', { exact: true }).fill('Wir planen einen Bürgerrat; was hat sich bewährt?');
  await page.getByRole('button', { name: 'Frage veröffentlichen' }).click();
  await expect(page.getByText('Bitte kürzen Sie die Überschrift des Themas auf höchstens 150 Zeichen').first()).toBeVisible();
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue('Wir planen einen Bürgerrat; was hat sich bewährt?');
  await page.getByLabel('Überschrift Ihrer Frage').fill(question);
  await page.getByRole('button', { name: 'Frage veröffentlichen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: question })).toBeVisible();
  await expect(page.getByText('Ihr Thema ist veröffentlicht.')).toBeVisible();
  const box = page.getByRole('complementary', { name: 'Kontext der Frage' });
  await expect(box).toContainText('Kontext: Schritt »Vorhaben«');
  await expect(page.locator('main')).not.toContainText(privateTitle);

  // Back on the step, the question is listed.
  await page.goto(`${overview}/vorhaben`);
  await expect(page.getByText('Ihre Fragen zu diesem Antrag:')).toBeVisible();
  await expect(page.getByRole('link', { name: question })).toBeVisible();

  // Without the context: the thread has no context box.
  await page.getByRole('link', { name: 'Frage an das EBBS-Netzwerk stellen' }).click();
  const plain = `Ohne Kontext gefragt (${suffix})`;
  await page.getByLabel('Überschrift Ihrer Frage').fill(plain);
  await page.getByLabel('Text', { exact: true }).fill('Eine allgemeine Frage.');
  await page.getByLabel('Diesen Kontext mit der Frage veröffentlichen').uncheck();
  await page.getByRole('button', { name: 'Frage veröffentlichen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: plain })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Kontext der Frage' })).toHaveCount(0);
});

test('a non-member is told to join and keeps the typed text', async ({ page }) => {
  const outsider = await createTestApplicant('Gemeinde Wiesenbach');
  await signIn(page, outsider);
  const overview = await draftWithTitle(page, `Entwurf ohne Netzwerk ${Date.now().toString(36)}`);
  await page.goto(`${overview}/vorhaben`);
  await page.getByRole('link', { name: 'Frage an das EBBS-Netzwerk stellen' }).click();
  await expect(page.getByText('Sie sind noch nicht Mitglied des EBBS-Netzwerks.')).toBeVisible();
  await page.getByLabel('Überschrift Ihrer Frage').fill('Eine Frage vor dem Beitritt');
  await page.getByLabel('Text', { exact: true }).fill('Bleibt dieser Text stehen?');
  await page.getByRole('button', { name: 'Frage veröffentlichen' }).click();
  await expect(page.getByText(/Fragen an das Netzwerk stellen nur Mitglieder/).first()).toBeVisible();
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue('Bleibt dieser Text stehen?');
  await expect(page.getByRole('link', { name: 'Dem Netzwerk beitreten (Profil anlegen)' })).toBeVisible();
});

test('an advisor points a draft to a thread; its author, not a member, sees the title and how to join', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const javaScriptEnabled = test.info().project.name === 'js';
  const author = await createTestApplicant('Gemeinde Wiesenbach');
  await signIn(page, author);
  const title = `Entwurf mit Netzwerk-Hinweis ${Date.now().toString(36)}`;
  const overview = await draftWithTitle(page, title);
  await askForAdvice(page, overview);

  const advisor = await pageOf(browser, javaScriptEnabled, 'beratung');
  await takeFromQueue(advisor, title);
  const field = advisor.getByLabel('Nummer oder Adresse des Themas');
  await field.fill('999999');
  await advisor.getByLabel('Notiz für die Organisation').fill('Dort steht, wie andere losen.');
  await advisor.getByRole('button', { name: 'Auf das Thema hinweisen' }).click();
  await expect(advisor.getByText('Dieses Thema gibt es im EBBS-Netzwerk nicht').first()).toBeVisible();
  await expect(advisor.getByLabel('Notiz für die Organisation')).toHaveValue('Dort steht, wie andere losen.');
  await advisor.getByLabel('Nummer oder Adresse des Themas').fill('http://localhost/netzwerk/themen/1');
  await advisor.getByRole('button', { name: 'Auf das Thema hinweisen' }).click();
  await expect(advisor.getByText('Der Hinweis auf das Netzwerk-Thema ist gespeichert.')).toBeVisible();
  const seeded = 'Wie besetzen wir einen Bürgerrat in einer kleinen Gemeinde?';
  await expect(advisor.getByRole('link', { name: seeded })).toBeVisible();

  await page.goto(overview);
  const hints = page.getByRole('region', { name: 'Hinweise der Beratung auf das EBBS-Netzwerk' });
  await expect(hints).toContainText(`Ihre Beratung hat Sie auf dieses Thema hingewiesen: ${seeded}`);
  await expect(hints).toContainText('Dort steht, wie andere losen.');
  await expect(hints.getByRole('link', { name: seeded })).toHaveCount(0);
  await expect(hints.getByRole('link', { name: 'Treten Sie dem EBBS-Netzwerk bei' })).toBeVisible();
  expect(lastMailTo(author.email, /Hinweis der Beratung/)).toContain('Wie besetzen wir einen Bürgerrat');
  await page.goto('/benachrichtigungen');
  await expect(page.getByText(/hat Sie auf das Netzwerk-Thema „Wie besetzen wir/).first()).toBeVisible();
});
