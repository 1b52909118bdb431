import { chromium } from '@playwright/test';
const base = 'http://localhost:3050';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
for (const [email, id] of [['kommune@demo.example', 1], ['verein@demo.example', 2]] as const) {
  const page = await browser.newPage({ locale: 'de-DE' });
  await page.goto(base + '/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill('Demo-Passwort-2026');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/anmelden'));
  await page.goto(`${base}/antraege/${id}`);
  console.log(id, (await page.locator('main').innerText()).slice(0, 2500));
}
await browser.close();
