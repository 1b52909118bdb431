import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';
import { german, insertDraft, isoInDays, queryE2eDatabase, removeDraft, runOnE2eDatabase } from '../support/regelwerk';
import { sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';
import { startApplication } from '../support/wizard';

/**
 * The Regelwerk workbench as ministry staff use it, with and without JavaScript. The two projects
 * share one server, so each changes a parameter that only its own draft depends on (Teil 2 A cap
 * for the Gemeinde draft, Teil 2 B cap for the Verein draft) and on a date far ahead.
 */

const plans = {
  nojs: {
    member: 'kommune@demo.example',
    data: sampleGemeindeApplication,
    parameterId: 'grant.cap.A1.1',
    heading: 'Höchstbetrag Einzelvorhaben (gesamt): 9.000 € ab 01.01.2030',
    value: '9.000',
    previous: '10.000 €',
    // The wizard caps the grant at the new maximum, so the financing plan no longer balances.
    after: 'Nicht förderfähig',
    reason: 'Finanzierungsplan ausgeglichen',
  },
  js: {
    member: 'verein@demo.example',
    data: sampleVereinApplication,
    parameterId: 'grant.cap.B',
    heading: 'Höchstbetrag Zivilgesellschaft je Jahr: 10.000 € ab 01.01.2030',
    value: '10.000',
    previous: '80.000 €',
    // 23.500 € over two years exceed 2 × 10.000 €: possible only in a justified case (FRL Teil 2 B V Nr. 2).
    after: 'Förderfähig nur mit Begründung',
    reason: 'Höchstbetrag des Förderwegs',
  },
} as const;

test('a ministry user creates a parameter version, previews it, publishes it and sees the changed draft', async ({ page }, info) => {
  const plan = plans[info.project.name === 'js' ? 'js' : 'nojs'];
  const draftId = insertDraft(plan.member, plan.data(), `E2E Regelwerk ${info.project.name}`);
  try {
    await signIn(page, 'ministerium');
    await page.getByRole('link', { name: 'Parameter' }).first().click();
    await page.getByLabel('Parameter', { exact: true }).selectOption(plan.parameterId);
    await page.getByLabel('Neuer Wert').fill(plan.value);
    await page.getByLabel('Gilt ab').fill('01.01.2030');
    await page.getByLabel('Fundstelle (Rechtsgrundlage)').fill('Änderungsrichtlinie (E2E-Testwert)');
    await page.getByRole('button', { name: 'Als Entwurf speichern und Auswirkungen prüfen' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.heading);
    await expect(page.getByRole('heading', { name: 'Auswirkungen, wenn Sie veröffentlichen' })).toBeVisible();
    await expect(page.getByText(/\d+ Fälle: bisher \d+ bestanden/)).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(`^Nr\\. ${draftId}\\b`) });
    await expect(row.getByRole('cell').nth(1)).toHaveText('Förderfähig');
    await expect(row.getByRole('cell').nth(2)).toHaveText(plan.after);
    await expect(row).toContainText(plan.reason);

    // Four-eyes principle: the proposer cannot publish; a second ministry account confirms and approves.
    const changeId = Number(/\/regelwerk\/parameter\/(\d+)/.exec(page.url())?.[1]);
    await expect(page.getByText('Sie haben diese Änderung selbst angelegt.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Prüfen und freigeben' })).toHaveCount(0);
    await page.context().clearCookies();
    await signIn(page, 'ministerium2');
    await page
      .getByRole('region', { name: 'Wartet auf Ihre Freigabe' })
      .getByRole('link', { name: new RegExp(`^Änderung Nr\\. ${changeId}:`) })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Änderung Nr. ${changeId} freigeben`);
    await expect(page.getByRole('heading', { name: 'Wen es betrifft' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`^Nr\\. ${draftId}\\b`) })).toContainText(plan.after);
    if (info.project.name === 'js') await expectAccessible(page);
    await page.getByRole('button', { name: 'Freigeben und veröffentlichen' }).click();
    await expect(page.getByRole('status')).toContainText('Die Änderung ist veröffentlicht.');
    await expect(page.getByText(/von Dr\. Claudia Lehmann, von einer zweiten Person freigegeben \(Vier-Augen-Prinzip\)/)).toBeVisible();
    await expect(page.getByText(/^veröffentlicht \(Veröffentlichung Nr\. \d+\)$/)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`^Nr\\. ${draftId}\\b`) })).toContainText(plan.after);

    // The organisation's members were told, in the app and by e-mail.
    const notified = queryE2eDatabase<{ n: number }>(
      "select count(*) as n from notifications where application_id = ? and kind = 'regelwerk.geaendert'",
      draftId,
    )[0]!.n;
    expect(notified).toBeGreaterThan(0);
    // Among the member's mails (tests running alongside may have sent newer ones), one about this draft.
    const mails = queryE2eDatabase<{ subject: string }>('select subject from outbox where to_address = ? order by id desc', plan.member);
    expect(mails.map((m) => m.subject)).toContainEqual(expect.stringContaining(`E2E Regelwerk ${info.project.name}`));

    // The old value stays; a rollback proposes it again as a new draft.
    await page.getByRole('button', { name: 'Rücknahme als Entwurf anlegen' }).click();
    await expect(page.getByRole('status')).toContainText('Die Rücknahme ist als Entwurf angelegt.');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${plan.previous} ab 01.01.2030`);
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    await expect(page.getByRole('status')).toContainText('nichts wurde veröffentlicht');

    await page.getByRole('link', { name: 'Protokoll' }).first().click();
    await expect(
      page
        .getByRole('cell', {
          name: new RegExp(
            `veröffentlicht \\(Veröffentlichung Nr\\. \\d+\\), nach dem Vier-Augen-Prinzip: angelegt von Martin Schubert, freigegeben von Dr\\. Claudia Lehmann: .*${plan.value.replace('.', '\\.')} €`,
          ),
        })
        .first(),
    ).toBeVisible();
  } finally {
    removeDraft(draftId);
  }
});

test('the test bench checks a typed case with its trace and runs the shipped suite', async ({ page }) => {
  await signIn(page, 'ministerium');
  await page.goto('/regelwerk/pruefstand');
  const field = page.getByLabel('Fall (JSON oder YAML)');
  await field.fill('referenceDate: 2026-11-22\nfacts:\n  applicant: { kind: gemeinde\n');
  await page.getByRole('button', { name: 'Fall prüfen' }).click();
  await expect(page.getByRole('alert')).toContainText('Der Fall ist kein gültiges YAML');
  await expect(page.getByLabel('Fall (JSON oder YAML)')).toHaveValue(/kind: gemeinde/);

  await page
    .getByLabel('Fall (JSON oder YAML)')
    .fill(
      [
        'name: Zu kleine Zuwendung',
        'referenceDate: 2026-11-22',
        'facts:',
        '  applicant: { kind: gemeinde, landkreis: Meißen }',
        '  project: { route: A1.1 }',
        '  budget: { totalExpenditure: 3000, requestedGrant: 2700, ownCash: 300 }',
        'expect:',
        '  verdict: nicht_foerderfaehig',
        '  findings:',
        '    - { criterion: finanzen.mindestbetrag, status: nicht erfüllt }',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Fall prüfen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Der Fall erfüllt seine Erwartung.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ergebnis: Nicht förderfähig' })).toBeVisible();
  // The facts that decided the minimum-grant criterion, in the short table.
  await expect(page.getByRole('row', { name: /^finanzen\.mindestbetrag nicht erfüllt/ })).toContainText('beantragte Zuwendung: 2.700,00');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als YAML-Testfall herunterladen' }).click();
  expect((await download).suggestedFilename()).toBe('zu-kleine-zuwendung.yaml');

  await page.getByRole('button', { name: 'Alle Fälle der Suite ausführen' }).click();
  await expect(page.getByText(/^\d+ bestanden, 0 fehlgeschlagen\.$/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ergebnisse der Testsuite' }).getByText('bestanden').first()).toBeVisible();
});

test('the test bench form takes a case from a draft without its texts, checks it against an expected verdict and refuses bad input at the field', async ({
  page,
}, info) => {
  const axe = info.project.name === 'js' ? () => expectAccessible(page) : async () => {};
  const data = sampleGemeindeApplication();
  const draftId = insertDraft('kommune@demo.example', data, `E2E Prüfstand-Formular ${info.project.name}`);
  try {
    await signIn(page, 'ministerium');
    await page.goto('/regelwerk/pruefstand');
    await page.getByRole('link', { name: 'Fall im Formular eingeben (ohne YAML)' }).click();
    await axe();
    await page.getByLabel('Entwurf', { exact: true }).selectOption(String(draftId));
    await page.getByRole('button', { name: 'Angaben übernehmen' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Angaben aus Entwurf Nr. ${draftId} übernommen` })).toBeVisible();
    // Nothing the applicant wrote travels with the case: no title, no organisation.
    await expect(page.getByLabel('Name des Falls')).toHaveValue(/^Fall aus einem Entwurf/);
    await expect(page.locator('main')).not.toContainText('E2E Prüfstand-Formular');
    await expect(page.getByLabel('Art des Antragstellers')).toHaveValue('gemeinde');

    await page.getByLabel('Erwartetes Ergebnis').selectOption('nicht_foerderfaehig');
    await page.getByRole('button', { name: 'Fall prüfen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Der Fall erfüllt seine Erwartung nicht' })).toContainText(
      'Erwartet „Nicht förderfähig“, Ergebnis „Förderfähig“.',
    );
    await expect(page.getByRole('heading', { name: 'Ergebnis: Förderfähig' })).toBeVisible();
    await axe();

    await page.getByRole('textbox', { name: 'Gesamtausgaben (€)' }).fill('zwölftausend');
    await page.getByRole('button', { name: 'Fall prüfen' }).click();
    await expect(page.getByRole('alert')).toContainText('Bitte geben Sie den Betrag „Gesamtausgaben“ als Zahl in Euro an');
    await expect(page.getByRole('textbox', { name: 'Gesamtausgaben (€)' })).toHaveValue('zwölftausend');
    await expect(page.getByLabel('Erwartetes Ergebnis')).toHaveValue('nicht_foerderfaehig');
    await axe();
  } finally {
    removeDraft(draftId);
  }
});

/** Signs in as the other ministry account and publishes the waiting proposal for the call from the overview. */
async function approveAs(page: Page, who: 'ministerium' | 'ministerium2', title: string) {
  await page.context().clearCookies();
  await signIn(page, who);
  await page
    .getByRole('region', { name: 'Wartet auf Ihre Freigabe' })
    .getByRole('link', { name: new RegExp(title) })
    .click();
  await page.getByRole('button', { name: 'Freigeben und veröffentlichen' }).click();
  await expect(page.getByRole('status')).toContainText('Der Förderaufruf ist veröffentlicht.');
}

test('a funding call proposed and edited in the workbench appears in the Förder-Check and on a draft once a second person published it', async ({
  page,
}, info) => {
  const title = `E2E-Aufruf ${info.project.name} ${Date.now().toString(36)}`;
  const deadline = german(isoInDays(40));
  await signIn(page, 'ministerium');
  await page.goto('/regelwerk/aufrufe');
  await page.getByRole('link', { name: 'Neuen Förderaufruf anlegen' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Veröffentlicht am').fill(german(isoInDays(0)));
  await page.getByLabel('Stichtag').fill(german(isoInDays(30)));
  await page.getByLabel('Schwerpunkte').fill('Jugendbeteiligung');
  await page.getByLabel('Quelle').fill('E2E-Test (kein amtlicher Aufruf)');
  await page.getByRole('button', { name: 'Vorschlag speichern und Auswirkungen prüfen' }).click();
  await expect(page.getByRole('status')).toContainText('Ihr Vorschlag ist gespeichert, aber noch nicht veröffentlicht.');
  await expect(page.getByRole('table', { name: 'Angaben des neuen Förderaufrufs' })).toContainText(title);
  if (info.project.name === 'js') await expectAccessible(page);
  // Four-eyes principle: the second ministry account publishes, and then proposes the edit the first approves.
  await approveAs(page, 'ministerium2', title);

  await page.getByRole('link', { name: title }).click();
  await page.getByLabel('Stichtag').fill(deadline);
  await page.getByLabel('Schwerpunkte').fill('Jugendbeteiligung\nBürgerräte im ländlichen Raum');
  await page.getByRole('button', { name: 'Vorschlag speichern und Auswirkungen prüfen' }).click();
  const changes = page.getByRole('table', { name: 'Geänderte Angaben des Förderaufrufs' });
  await expect(changes.getByRole('row', { name: /^Stichtag/ })).toContainText(deadline);
  await expect(changes.getByRole('row', { name: /^Titel/ })).toHaveCount(0);
  await approveAs(page, 'ministerium', title);
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText(deadline);

  const id = queryE2eDatabase<{ id: string }>('select id from funding_calls where title = ?', title)[0]!.id;
  let applicationPath: string | null = null;
  try {
    await page.goto('/foerdercheck');
    const notice = page.getByRole('region', { name: /Förderaufruf/ });
    await expect(notice).toContainText(title);
    await expect(notice).toContainText(`Einreichung bei der SAB bis ${deadline}`);
    await expect(notice).toContainText('Bürgerräte im ländlichen Raum');

    await page.context().clearCookies();
    await signIn(page, 'kommune');
    applicationPath = await startApplication(page);
    await expect(page.getByRole('region', { name: /Förderaufruf/ })).toContainText(`${title}`);
    await expect(page.getByRole('region', { name: /Förderaufruf/ })).toContainText(deadline);
  } finally {
    // Close the call again so it does not linger for other tests; the version bump renews the rules.
    runOnE2eDatabase(
      "update funding_calls set published_on = '2020-01-01', opens_on = '2020-01-01', deadline = '2020-01-31', version = version + 1 where id = ?",
      id,
    );
    if (applicationPath) removeDraft(Number(applicationPath.split('/').pop()));
  }
});
