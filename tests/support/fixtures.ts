import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
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

export type DemoRole = 'kommune' | 'kommune2' | 'verein' | 'beratung' | 'ministerium' | 'ministerium2' | 'admin';

export function demoEmail(who: DemoRole): string {
  const account = demoAccounts.find((a) => a.email.startsWith(`${who}@`));
  if (!account) throw new Error(`no demo account ${who}`);
  return account.email;
}

/**
 * Signs in through the page's own request context, which shares the browser's cookies, and opens
 * the page the sign-in leads to: the state a user is in after the form. The form itself is used by
 * the tests of signing in (foundation.spec.ts); the others only need to be signed in, without the
 * cost of rendering the form in the browser first.
 */
export async function signIn(page: Page, who: DemoRole | { email: string; password: string }) {
  const credentials = typeof who === 'string' ? { email: demoEmail(who), password: demoPassword } : who;
  const form = await page.request.get('/anmelden');
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const response = await page.request.post('/anmelden', { form: { ...credentials, csrf }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${credentials.email}`).toBe(302);
  await page.goto(response.headers().location ?? '/');
}

/**
 * The time budget of one axe scan, added to the running test's timeout by every scan. axe takes
 * about a second per page here and up to five on the longest (the rule catalogue, the
 * statecharts), several times that while other work keeps the cores busy; how long it takes is not
 * what a test checks, so a test never fails for a scan that is merely slow (issue 14 point 9).
 */
export const axeScanBudgetMs = 20_000;

/** axe-core's minified build, read once per worker. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a scan checks: the WCAG 2.1 A/AA rules, and only violations come back with their nodes. */
const axeOptions: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};

/**
 * The WCAG 2.1 A/AA violations axe finds on the page, one line each ("rule: help (nodes)"). Adds
 * its own time budget to the running test.
 *
 * axe runs in the page itself (what @axe-core/playwright calls legacy mode: the app has no
 * cross-origin frames whose results would need merging in a blank page, ADR 0038). It is injected
 * once per document and frame, minified, and only where it is not there yet; @axe-core/playwright
 * sent its unminified build twice per scan, which cost more than the scan itself on most pages
 * (ADR 0090). Passes and incomplete results are not collected (ADR 0087).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  base.info().setTimeout(base.info().timeout + axeScanBudgetMs);
  for (const frame of page.frames()) {
    if (await frame.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function')) continue;
    await frame.evaluate(axeSource);
    await frame.evaluate(() =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.configure({ allowedOrigins: ['<same_origin>'] }),
    );
  }
  const results = (await page.evaluate(
    (options) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, options),
    axeOptions,
  )) as AxeResults;
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * What sticks out to the right of the page at 320 CSS pixels (1 280 at 400 % zoom, WCAG 1.4.10
 * Reflow), which axe does not check: the innermost elements beyond the right edge outside a
 * scrolling container (a wide table scrolls in its own region, that is allowed; a box that cuts
 * its content off is no such region), one line each.
 * The viewport is set back afterwards.
 */
export async function reflowFaults(page: Page): Promise<string[]> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    return await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const beyond = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
      // Only a region that scrolls counts: content cut off by `overflow: hidden` would be lost.
      const scrolls = (element: Element) => {
        for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true;
        }
        return false;
      };
      const faults = [...document.body.querySelectorAll('*')]
        .filter((e) => beyond(e) && !scrolls(e) && ![...e.children].some(beyond))
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`);
      if (faults.length || document.documentElement.scrollWidth <= width) return faults;
      return [`the page is ${document.documentElement.scrollWidth - width} px too wide`];
    });
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/**
 * Runs axe with the WCAG 2.1 A/AA rules and expects no violations, and expects the page to reflow
 * at 320 CSS pixels without scrolling sideways (`reflowFaults`).
 */
export async function expectAccessible(page: Page) {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
  expect(await reflowFaults(page), `scrolls sideways at 320 CSS pixels: ${page.url()}`).toEqual([]);
}

/**
 * Waits until React has hydrated the element `selector` finds (React keeps its fiber on the DOM node).
 * `goto` returns at the load event, while hydration may still be going on; a test that changes the
 * page's clock or DOM from outside must not race it.
 */
export async function waitForHydration(page: Page, selector: string) {
  await expect
    .poll(() => page.locator(selector).evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactFiber$'))))
    .toBe(true);
}

let counter = 0;
/** A unique e-mail address per call, so tests never collide in the shared database. */
export function uniqueEmail(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@test.example`;
}
