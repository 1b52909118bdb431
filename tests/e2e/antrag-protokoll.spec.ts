import { askForAdvice, personFor, takeFromQueue } from '../support/advice';
import { expect, signIn, test } from '../support/fixtures';
import { fillBudget, group, startAtBudget } from '../support/wizard';

const saveLater = async (page: import('@playwright/test').Page) => {
  await page.getByRole('button', { name: 'Speichern und später fortfahren' }).click();
  await expect(page.getByText('Ihre Angaben wurden gespeichert.')).toBeVisible();
};

test('Protokoll and the advisor change list name every field in German and say what an emptied grant means (issue 22, defects 4 and 8)', async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  await signIn(page, 'kommune2');
  const overview = await startAtBudget(page);
  const title = 'Bürgerrat Verkehrswende Wiesenbach';
  await fillBudget(page);
  await page.getByLabel('Beantragte Zuwendung in Euro').fill('8.000');
  await saveLater(page);
  await askForAdvice(page, overview);
  const advisor = await personFor(browser, 'beratung', javaScriptEnabled ?? true);
  const view = await takeFromQueue(advisor, title);

  // In advice the applicant leaves the grant to the calculation and explains the software.
  await page.goto(`${overview}/kosten`);
  await page.getByLabel('Beantragte Zuwendung in Euro').fill('');
  await saveLater(page);
  await page.goto(`${overview}/vorhaben`);
  await group(page, /Software kaufen oder mieten/)
    .getByLabel('Ja')
    .check();
  await page
    .getByLabel('Falls ja: Welche Funktion bietet das Beteiligungsportal nicht?')
    .fill('Das Portal bietet keine Abstimmung mit Losverfahren.');
  await saveLater(page);

  await page.goto(`${overview}/protokoll`);
  const log = page.getByRole('region', { name: 'Protokoll' });
  for (const summary of await log.locator('summary').all()) await summary.click();
  await expect(log).toContainText('Begründung, warum das Beteiligungsportal nicht ausreicht');
  await expect(log).toContainText('höchstmöglich (wird automatisch berechnet)');
  await expect(log).not.toContainText('softwareReason');
  await expect(log).not.toContainText('Procurement');

  await advisor.goto(view);
  const changes = advisor.getByRole('region', { name: 'Geänderte Angaben' });
  await expect(changes.getByRole('row', { name: /Begründung, warum das Beteiligungsportal nicht ausreicht/ })).toContainText(
    'keine Abstimmung mit Losverfahren',
  );
  await expect(changes.getByRole('row', { name: /Beantragte Zuwendung/ })).toContainText('höchstmöglich (wird automatisch berechnet)');
  await expect(changes).not.toContainText('softwareReason');
  await advisor.context().close();
});
