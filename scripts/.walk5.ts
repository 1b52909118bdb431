import { chromium } from '@playwright/test';
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
const min = await as('ministerium@demo.example');
for (const [path, file] of [['/regelwerk', 'rw'], ['/regelwerk/ablaeufe', 'rw-ablaeufe'], ['/regelwerk/statistik', 'rw-stat'], ['/regelwerk/parameter', 'rw-param']]) {
  const r = await min.goto(base + path);
  console.log(path, r?.status());
  await min.screenshot({ path: `/tmp/fl-dev/${file}.png`, fullPage: false });
}
const kom = await as('kommune@demo.example');
await kom.goto(base + '/antraege/1');
const [download] = await Promise.all([kom.waitForEvent('download'), kom.getByRole('button', { name: 'PDF herunterladen' }).first().click()]);
await download.saveAs('/tmp/fl-dev/demo1.pdf');
const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '/tmp/fl-dev/demo1.pdf', '-']).toString();
console.log('entwurf marked', /Entwurf –|ENTWURF/.test(text), 'pages', text.split('\f').length - 1);
await kom.goto(base + '/antraege/1/anlagen');
const [file] = await Promise.all([kom.waitForEvent('download'), kom.getByRole('link', { name: /beispiel\.pdf/ }).first().click()]);
console.log('annex', file.suggestedFilename());
await browser.close();
