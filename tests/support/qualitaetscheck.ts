import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Helpers for the QualitätsCheck pages, by role and label as a person finds them. */

export const statements = (page: Page) => page.getByRole('group', { name: /^Aussage \d+ von \d+/ });

export const statement = (page: Page, number: number) => page.getByRole('group', { name: new RegExp(`^Aussage ${number} von \\d+`) });

/** Clicks a submit button and waits for the next page (a redirect or the page with errors). */
export async function submit(page: Page, name: string) {
  const before = page.url();
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForURL((url) => url.href !== before);
}

/** Chooses the same answer for every statement on the page that has none yet (or for all). */
export async function answerAll(page: Page, answer: string, options: { overwrite?: boolean } = {}) {
  // With JavaScript the URL changes a moment before the new page is rendered: wait for the form of
  // the criterion the URL names (its id is "kriterium-<criterion id>").
  const criterion = new URL(page.url()).pathname.split('/').at(-1);
  await expect(page.locator(`form#kriterium-${criterion}`)).toBeAttached();
  const groups = statements(page);
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const group = groups.nth(i);
    if (!options.overwrite && (await group.getByRole('radio', { checked: true }).count()) > 0) continue;
    await group.getByLabel(answer, { exact: true }).check();
  }
}

export async function startCheck(page: Page, title: string) {
  await page.goto('/qualitaetscheck');
  await page.getByLabel(/Um welches Vorhaben geht es/).fill(title);
  await page.getByRole('button', { name: 'QualitätsCheck beginnen' }).click();
  await page.waitForURL(/\/qualitaetscheck\/[^/]+\/perspektive$/);
  return new URL(page.url()).pathname.replace(/\/perspektive$/, '');
}

export async function choosePerspective(page: Page, label: string) {
  await page.getByRole('group', { name: 'Ihre Sichtweise' }).getByLabel(label, { exact: true }).check();
  await submit(page, 'Weiter');
}
