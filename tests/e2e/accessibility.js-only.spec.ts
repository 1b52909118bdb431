import { expect, expectAccessible, signIn, test, type DemoRole } from '../support/fixtures';
import { answerAll, choosePerspective, startCheck, submit } from '../support/qualitaetscheck';
import { startApplication } from '../support/wizard';

/**
 * Every page, by who can open it. axe needs JavaScript in the page, so this file runs in the
 * JavaScript project only; the server-rendered markup is the same without JavaScript.
 */
export const pagesByAudience: Record<'anonymous' | DemoRole, string[]> = {
  anonymous: ['/', '/anmelden', '/anmelden?grund=expired', '/registrieren', '/barrierefreiheit', '/datenschutz', '/impressum', '/gibt-es-nicht', '/foerdercheck', '/regeln', '/qualitaetscheck'],
  kommune: ['/antraege', '/organisation', '/konto', '/antraege/importieren', '/benachrichtigungen', '/postfach', '/qualitaetscheck'],
  kommune2: [],
  verein: ['/antraege', '/organisation'],
  beratung: ['/beratung', '/beratung?status=in_beratung&nur=meine', '/konto', '/benachrichtigungen', '/qualitaetscheck/inhalte'],
  ministerium: [
    '/regelwerk',
    '/regelwerk/regeln',
    '/regelwerk/ablaeufe',
    '/regelwerk/pruefstand',
    '/regelwerk/pruefstand?suite=1',
    '/regelwerk/parameter',
    '/regelwerk/aufrufe',
    '/regelwerk/aufrufe/neu',
    '/regelwerk/aufrufe/aufruf-6',
    '/regelwerk/statistik',
    '/regelwerk/protokoll',
    '/qualitaetscheck/inhalte',
  ],
  admin: ['/verwaltung', '/regelwerk', '/regelwerk/parameter', '/regelwerk/aufrufe/aufruf-6'],
};

for (const [audience, paths] of Object.entries(pagesByAudience)) {
  if (!paths.length) continue;
  test(`axe finds no WCAG 2.1 A/AA violations on the pages of ${audience}`, async ({ page }) => {
    // axe takes a few seconds per page on a busy machine (longer on the rule catalogue and the statecharts);
    // the time is not what this test checks.
    test.setTimeout(30_000 + paths.length * 10_000);
    if (audience !== 'anonymous') await signIn(page, audience as DemoRole);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(path === '/gibt-es-nicht' ? 404 : 200);
      await expectAccessible(page);
    }
  });
}

test('forms with errors stay accessible', async ({ page }) => {
  await page.goto('/registrieren');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});

test('pages reflow at 320 CSS pixels (400 % zoom) without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, 'kommune');
  for (const path of ['/', '/antraege', '/organisation', '/konto', '/qualitaetscheck']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls horizontally`).toBeLessThanOrEqual(0);
  }
});

test('the QualitätsCheck pages stay accessible, with errors, results and an attached check', async ({ page }) => {
  await signIn(page, 'kommune');
  const draft = await startApplication(page);
  const check = await startCheck(page, 'Barrierefreiheit');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  await choosePerspective(page, 'Zivilgesellschaft');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  await answerAll(page, 'Trifft eher nicht zu');
  await submit(page, 'Weiter');
  await submit(page, 'Zum Ergebnis');
  await expectAccessible(page);
  await page.goto(check);
  await page.getByLabel('Antrag', { exact: true }).selectOption(draft.split('/').at(-1)!);
  await submit(page, 'Dem Antrag beifügen');
  await expectAccessible(page);
  await page.goto(draft);
  await expect(page.getByRole('region', { name: 'QualitätsCheck: Barrierefreiheit' })).toBeVisible();
  await expectAccessible(page);
});

test('the content editor stays accessible with errors', async ({ page }) => {
  await signIn(page, 'beratung');
  await page.goto('/qualitaetscheck/inhalte');
  await page.getByLabel('Inhalt der neuen Fassung (JSON)').fill('{ "version": "2099-7" }');
  await page.getByRole('button', { name: 'Prüfen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
});
