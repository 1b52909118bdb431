import { chromium, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const base = 'http://localhost:3050';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
async function as(email: string) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
  await page.goto(base + '/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill('Demo-Passwort-2026');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/anmelden'));
  return page;
}
async function shot(page: Page, file: string, path?: string) {
  if (path) { const r = await page.goto(base + path); console.log(path, r?.status()); }
  await page.screenshot({ path: `/tmp/fl-dev/${file}.png`, fullPage: true });
}
const kom = await as('kommune@demo.example');
await kom.goto(base + '/qualitaetscheck');
await shot(kom, 'qc-start');
await kom.getByLabel(/Name|Titel|Vorhaben/).first().fill('Bürgerrat Dorfplatz');
await kom.getByRole('button', { name: /starten|beginnen/i }).first().click();
await kom.waitForLoadState();
console.log('after start', kom.url());
await shot(kom, 'qc-persp');
await kom.getByLabel('Verwaltung', { exact: false }).first().check();
await kom.getByRole('button', { name: /weiter/i }).first().click();
await kom.waitForLoadState();
console.log('page', kom.url());
// answer every radio group on the page with the 3rd option
for (let round = 0; round < 12; round++) {
  const groups = await kom.locator('fieldset').count();
  for (let g = 0; g < groups; g++) {
    const radios = kom.locator('fieldset').nth(g).locator('input[type=radio]');
    if ((await radios.count()) >= 3) await radios.nth((g + round) % 4).check();
  }
  const next = kom.getByRole('button', { name: /^Weiter|Zum Ergebnis/ }).first();
  if (!(await next.count())) break;
  await next.click();
  await kom.waitForLoadState();
  if (kom.url().endsWith('/ergebnis')) break;
}
console.log('result', kom.url());
await shot(kom, 'qc-result');
const checkUrl = kom.url().replace(/\/ergebnis$/, '');
await shot(kom, 'qc-overview', new URL(checkUrl).pathname);
await browser.close();
