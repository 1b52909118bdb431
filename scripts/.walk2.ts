import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
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
const check = process.argv[2]!;
const kom = await as('kommune@demo.example');
await shot(kom, 'qc-root', `/qualitaetscheck/${check}`);
const select = kom.getByLabel(/Antrag/).first();
console.log('select options', await kom.locator('select').first().locator('option').allTextContents());
await shot(kom, 'qc-attached');
await shot(kom, 'tl-after', '/antraege/1');
const box = kom.getByLabel(/QualitätsCheck als Anlage beifügen/);
await box.check();
const [download] = await Promise.all([kom.waitForEvent('download'), kom.getByRole('button', { name: 'PDF herunterladen' }).first().click()]);
await download.saveAs('/tmp/fl-dev/with-qc.pdf');
console.log('pdf', download.suggestedFilename());
const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '/tmp/fl-dev/with-qc.pdf', '-']).toString();
console.log('has annex', text.includes('Anlage: QualitätsCheck Beteiligung'), 'pages', text.split('\f').length - 1);
const id = /antraege\/(\d+)/.exec(kom.url())![1];
const adv = await as('beratung@demo.example');
await shot(adv, 'adv-qc', `/beratung/${id}`);
await browser.close();
