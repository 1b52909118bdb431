import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { demoAccounts, demoPassword } from '../../db/seed';

/**
 * The shared test: the page fails the test when the browser logs console.error or throws, when any
 * response is a 5xx, or when a script, stylesheet, image or font is missing.
 * Chrome's own "Failed to load resource" log for an intended 4xx page (a form with errors answers
 * 400) is not an application error and is not counted; missing assets are caught by status instead.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
        errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (response) => {
        const type = response.request().resourceType();
        if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
        else if (response.status() >= 400 && ['script', 'stylesheet', 'image', 'font'].includes(type)) {
          errors.push(`${response.status()} ${type} ${response.url()}`);
        }
      });
      await use(errors);
      expect(errors, 'console.error or uncaught errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export type DemoRole = 'kommune' | 'kommune2' | 'verein' | 'beratung' | 'ministerium' | 'admin';

export function demoEmail(who: DemoRole): string {
  const account = demoAccounts.find((a) => a.email.startsWith(`${who}@`));
  if (!account) throw new Error(`no demo account ${who}`);
  return account.email;
}

export async function signIn(page: Page, who: DemoRole | { email: string; password: string }) {
  const credentials = typeof who === 'string' ? { email: demoEmail(who), password: demoPassword } : who;
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(credentials.email);
  await page.getByLabel('Passwort', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/anmelden');
}

/** Runs axe with the WCAG 2.1 A/AA rules and expects no violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

let counter = 0;
/** A unique e-mail address per call, so tests never collide in the shared database. */
export function uniqueEmail(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@test.example`;
}
