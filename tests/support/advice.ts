import type { Browser, Page } from '@playwright/test';
import { expect, signIn, type DemoRole } from './fixtures';
import { startApplication } from './wizard';

/** A signed-in page of its own (cookies separate), for a second person in the same test. */
export async function personFor(browser: Browser, who: DemoRole, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** A new draft with a title, saved; returns the task list path. */
export async function draftWithTitle(page: Page, title: string): Promise<string> {
  const overview = await startApplication(page);
  await page.getByRole('link', { name: 'Vorhaben', exact: true }).click();
  await page.getByLabel('Titel des Vorhabens').fill(title);
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await expect(page.getByText('Ihre Angaben wurden gespeichert.')).toBeVisible();
  return overview;
}

/** The applicant asks the EBBS pool for advice from the status page. */
export async function askForAdvice(page: Page, overview: string, note = '') {
  await page.goto(`${overview}/status`);
  if (note) await page.getByLabel('Nachricht an die Beratung').fill(note);
  await page.getByRole('button', { name: /zur Beratung senden/i }).click();
  await expect(page.getByText('Der Antrag ist zur Beratung gesendet.')).toBeVisible();
}

/** The advisor takes the draft from the queue; returns the advisor view path. */
export async function takeFromQueue(page: Page, title: string): Promise<string> {
  await page.goto('/beratung');
  await page.getByRole('button', { name: `Übernehmen – ${title}` }).click();
  await expect(page.getByText('Sie beraten jetzt diesen Entwurf.')).toBeVisible();
  return new URL(page.url()).pathname;
}
