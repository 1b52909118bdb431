import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { clientFor, type Client } from '../support/http';

/**
 * Issue 21: JavaScript ≤ 60 kB (gzip) on public pages. Measured from what a page references in the
 * build — every script and module preload of the rendered HTML and everything those files import —
 * not from a timing. Public pages are documents without React (ADR 0056).
 */
const PUBLIC_BUDGET = 60 * 1024;
/** Issue 21: ≤ 100 kB on every wizard page (ADR 0086: the steps are document pages). */
const WIZARD_BUDGET = 100 * 1024;

/** The built files a page's HTML loads, with everything they import (relative ES module imports). */
function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  const visit = (url: string) => {
    const path = url.split('?')[0]!;
    if (found.has(path)) return;
    found.add(path);
    const source = readFileSync(`public${path}`, 'utf8');
    // The build writes double quotes; the plain scripts in public/js single ones.
    for (const match of source.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(new URL(match[1]!, `http://x${path}`).pathname);
    }
  };
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) visit(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) {
    visit((match[1] ?? match[2])!);
  }
  // Route modules imported by Remix's inline bootstrap script.
  for (const match of html.matchAll(/import \* as \w+ from "([^"]+)"/g)) visit(match[1]!);
  return [...found];
}

const gzipBytes = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(`public${f}`)).length, 0);

async function measure(client: Client, path: string) {
  const response = await client.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  // The page itself is rendered on the server (not a hydration fallback waiting for scripts).
  expect(html, path).toMatch(/<h1[ >]/);
  const files = scriptsOf(html);
  return { path, files, bytes: gzipBytes(files) };
}

test('public pages stay within 60 kB of JavaScript, for visitors and signed-in users', async ({ baseURL }) => {
  for (const who of ['anonymous', 'kommune'] as const) {
    const client = await clientFor(baseURL!, who);
    // A started Förder-Check, so its first question can be measured.
    expect((await client.post('/foerdercheck', {})).status()).toBe(302);
    const pages = [
      '/',
      '/foerdercheck',
      '/foerdercheck/art',
      '/methoden',
      '/methoden/finder',
      '/methoden/buergerrat',
      '/beispiele',
      '/beispiele/jugendforum-talheim',
      '/offene-daten',
      '/veranstaltungen',
      '/regeln',
      '/barrierefreiheit',
      '/datenschutz',
      '/impressum',
    ];
    for (const path of pages) {
      const { bytes, files } = await measure(client, path);
      expect(bytes, `${who} ${path}: ${files.join(', ')}`).toBeLessThanOrEqual(PUBLIC_BUDGET);
    }
    await client.dispose();
  }
});

test('wizard pages stay within 100 kB of JavaScript: the overview and the steps', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  const created = await client.post('/antraege/neu', {});
  expect(created.status()).toBe(302);
  const draft = created.headers().location!.split(/[?#]/)[0]!;
  const pages = [draft, `${draft}/antragsteller`, `${draft}/vorhaben`];
  for (const path of pages) {
    const { bytes, files } = await measure(client, path);
    expect(bytes, `${path}: ${files.join(', ')}`).toBeLessThanOrEqual(WIZARD_BUDGET);
  }
  // The steps carry their own enhancements (autosave), not React.
  const step = await measure(client, `${draft}/vorhaben`);
  expect(step.files).toContain('/js/wizard.js');
  // What the plain scripts import is measured too.
  expect(step.files).toContain('/js/live-form.js');
  expect(step.files.some((f) => f.includes('/build/'))).toBe(false);
  await client.dispose();
});

test('the measurement sees React where a page runs it (the budget check can fail)', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  const { bytes, files } = await measure(client, '/antraege');
  expect(files.some((f) => f.includes('/build/'))).toBe(true);
  expect(bytes).toBeGreaterThan(PUBLIC_BUDGET);
  await client.dispose();
});
