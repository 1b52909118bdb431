import { askForAdvice, draftWithTitle, personFor, takeFromQueue } from '../support/advice';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

test('the advice pages pass axe, with comments, internal notes, changes and errors on them', async ({ page, browser }) => {
  const title = `Barrierefrei beraten ${Date.now()}`;
  await signIn(page, 'kommune2');
  const overview = await draftWithTitle(page, title);
  await askForAdvice(page, overview, 'Bitte prüfen.');
  const advisor = await personFor(browser, 'beratung', true);
  await advisor.goto('/beratung');
  await expectAccessible(advisor);
  const view = await takeFromQueue(advisor, title);
  const vorhaben = advisor.getByRole('region', { name: 'Vorhaben' });
  for (const [body, internal] of [
    ['Öffentlicher Hinweis zum Titel', false],
    ['Nur für uns', true],
  ] as const) {
    await vorhaben.getByText('Kommentar schreiben').click();
    await vorhaben.getByLabel('Stelle im Antrag').selectOption({ label: 'Titel des Vorhabens' });
    await vorhaben.getByLabel('Kommentar', { exact: true }).fill(body);
    if (internal) await vorhaben.getByLabel('Interne Notiz').check();
    await vorhaben.getByRole('button', { name: 'Kommentar speichern' }).click();
    await expect(advisor.getByText(body)).toBeVisible();
  }
  await expectAccessible(advisor);
  // A refused return, with the error summary and the field error.
  await advisor.getByRole('button', { name: 'Zurückgeben' }).click();
  await expect(advisor.getByRole('alert').first()).toBeVisible();
  await expectAccessible(advisor);

  await page.goto(`${overview}/vorhaben`);
  await page.getByRole('textbox', { name: 'Titel des Vorhabens' }).fill(`${title}!`);
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  for (const path of [
    overview,
    `${overview}/vorhaben`,
    `${overview}/status`,
    `${overview}/protokoll`,
    '/benachrichtigungen',
    '/postfach',
  ]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  // The comment marker and the thread link are reachable by keyboard and lead to each other.
  await page.goto(`${overview}/vorhaben`);
  await page.locator('.comment-marker').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#kommentar-\d+$/);

  await advisor.goto(view);
  await expect(advisor.getByRole('region', { name: 'Geänderte Angaben' })).toContainText(`${title}!`);
  await expectAccessible(advisor);
  await advisor.goto(`${overview}/protokoll`);
  await expectAccessible(advisor);
  await advisor.context().close();
});
