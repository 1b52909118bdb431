import { expect, test } from '@playwright/test';
import { clientFor } from '../support/http';
import { german, isoInDays, queryE2eDatabase, runOnE2eDatabase } from '../support/regelwerk';

/**
 * Bad input in the Regelwerk workbench is refused with a precise German message on the page,
 * nothing is published, and nothing the user typed is lost.
 */

/** Changes with this reference (other tests run in parallel and create their own). */
const changesWith = (reference: string) =>
  queryE2eDatabase<{ n: number }>('select count(*) as n from parameter_changes where reference = ?', reference)[0]!.n;

test('a parameter value without reference or effective date is refused, nothing is saved, the input stays', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const before = queryE2eDatabase<{ n: number }>("select count(*) as n from parameter_changes where note = 'Notiz bleibt stehen'")[0]!.n;
  const response = await ministry.post('/regelwerk/parameter', {
    parameterId: 'grant.minimum',
    value: '4.321',
    effectiveFrom: '',
    reference: '',
    note: 'Notiz bleibt stehen',
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain('Bitte geben Sie die Fundstelle (Rechtsgrundlage) des neuen Werts an.');
  expect(html).toContain('Bitte geben Sie an, ab wann der neue Wert gilt');
  expect(html).toContain('value="4.321"');
  expect(html).toContain('value="Notiz bleibt stehen"');
  expect(queryE2eDatabase<{ n: number }>("select count(*) as n from parameter_changes where note = 'Notiz bleibt stehen'")[0]!.n).toBe(
    before,
  );
  await ministry.dispose();
});

test('an effective date in the past is refused because it would silently change checked drafts', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const reference = 'FRL Teil 2 A V Nr. 2 (rückwirkend)';
  const yesterday = german(isoInDays(-1));
  const response = await ministry.post('/regelwerk/parameter', {
    parameterId: 'grant.minimum',
    value: '4.321',
    effectiveFrom: yesterday,
    reference,
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain(
    `Der ${yesterday} liegt in der Vergangenheit. Ein rückwirkender Wert würde bereits geprüfte Entwürfe stillschweigend ändern.`,
  );
  expect(html).toContain(`value="${yesterday}"`);
  expect(html).toContain(`value="${reference}"`);
  expect(changesWith(reference)).toBe(0);
  await ministry.dispose();
});

test('a draft whose date has passed meanwhile is not published', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const created = await ministry.post('/regelwerk/parameter', {
    parameterId: 'duration.B',
    value: '4',
    effectiveFrom: german(isoInDays(400)),
    reference: 'FRL Teil 2 B V Nr. 3 (Testwert)',
  });
  expect(created.status()).toBe(302);
  const id = Number(/\/regelwerk\/parameter\/(\d+)/.exec(created.headers().location ?? '')?.[1]);
  // Time passes: the draft now names a day in the past.
  runOnE2eDatabase('update parameter_changes set effective_from = ? where id = ?', isoInDays(-3), id);
  // The second ministry account approves (four-eyes principle), but the date check comes first.
  const approver = await clientFor(baseURL!, 'ministerium2');
  const response = await approver.post(`/regelwerk/parameter/${id}/freigabe`, { geprueft: '' });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('Nicht veröffentlicht.');
  await approver.dispose();
  expect(
    queryE2eDatabase<{ publication: number | null }>('select publication from parameter_changes where id = ?', id)[0]!.publication,
  ).toBeNull();
  expect(queryE2eDatabase<{ status: string }>('select status from parameter_changes where id = ?', id)[0]!.status).toBe('entwurf');
  // Clean up: discard it.
  expect((await ministry.post(`/regelwerk/parameter/${id}`, { intent: 'verwerfen' })).status()).toBe(302);
  await ministry.dispose();
});

test('administrators may look at a change but not publish it', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const created = await ministry.post('/regelwerk/parameter', {
    parameterId: 'duration.A1.2',
    value: '5',
    effectiveFrom: german(isoInDays(500)),
    reference: 'FRL Teil 2 A V Nr. 4 (Testwert)',
  });
  const path = created.headers().location!.replace(/^https?:\/\/[^/]+/, '');
  const admin = await clientFor(baseURL!, 'admin');
  expect((await admin.get(path)).status()).toBe(200);
  expect((await admin.get(`${path}/freigabe`)).status()).toBe(403);
  expect((await admin.post(`${path}/freigabe`, { geprueft: '' })).status()).toBe(403);
  const id = Number(/(\d+)$/.exec(path)?.[1]);
  expect(queryE2eDatabase<{ status: string }>('select status from parameter_changes where id = ?', id)[0]!.status).toBe('entwurf');
  await ministry.post(path, { intent: 'verwerfen' });
  await Promise.all([ministry.dispose(), admin.dispose()]);
});

test('a YAML case that does not parse is refused with its position, and the text stays in the field', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const broken = 'referenceDate: 2026-11-22\nfacts:\n  applicant: { kind: gemeinde\n';
  const response = await ministry.post('/regelwerk/pruefstand', { intent: 'pruefen', fall: broken });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toMatch(/Der Fall ist kein gültiges YAML \(Zeile \d+, Spalte \d+\)/);
  expect(html).toContain('applicant: { kind: gemeinde');
  await ministry.dispose();
});

test('a case with an unknown field names the field', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const response = await ministry.post('/regelwerk/pruefstand', {
    intent: 'pruefen',
    fall: '{"referenceDate":"2026-11-22","facts":{"applicant":{"art":"gemeinde"}}}',
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('facts.applicant: unbekanntes Feld art');
  await ministry.dispose();
});

test('a checked case downloads as a YAML case for the suite', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const response = await ministry.post('/regelwerk/pruefstand', {
    intent: 'yaml',
    name: 'Zu kleine Zuwendung',
    fall: 'referenceDate: 2026-11-22\nfacts:\n  applicant: { kind: gemeinde, landkreis: Meißen }\n  project: { route: A1.1 }\n  budget: { totalExpenditure: 3000, requestedGrant: 2700, ownCash: 300 }\n',
  });
  // Post/Redirect/Get: the action keeps the file and sends the browser to its address.
  expect(response.status()).toBe(302);
  const location = response.headers().location!;
  expect(location).toMatch(/^\/regelwerk\/pruefstand\/download\//);
  const file = await ministry.get(location);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toBe("attachment; filename*=UTF-8''zu-kleine-zuwendung.yaml");
  const yaml = await file.text();
  expect(yaml).toContain('name: Zu kleine Zuwendung');
  expect(yaml).toContain('criterion: finanzen.mindestbetrag');
  // The file belongs to the user who prepared it.
  const admin = await clientFor(baseURL!, 'admin');
  expect((await admin.get(location)).status()).toBe(404);
  await Promise.all([ministry.dispose(), admin.dispose()]);
});

test('a funding call with its deadline before its publication is refused and nothing is saved', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const calls = () => queryE2eDatabase<{ n: number }>('select count(*) as n from funding_calls')[0]!.n;
  const before = calls();
  const response = await ministry.post('/regelwerk/aufrufe/neu', {
    version: '',
    title: 'Aufruf mit falschem Stichtag',
    issuedBy: 'SMS',
    publishedOn: '01.06.2027',
    deadline: '01.05.2027',
    requiredDocuments: 'Vorhabenbeschreibung',
    source: 'Test',
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain('Der Stichtag (01.05.2027) liegt vor der Veröffentlichung (01.06.2027).');
  expect(html).toContain('value="Aufruf mit falschem Stichtag"');
  expect(calls()).toBe(before);
  await ministry.dispose();
});

test('statistics name no organisation and no person', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const response = await ministry.get('/regelwerk/statistik');
  expect(response.status()).toBe(200);
  const main = (await response.text()).split('<main')[1]!;
  for (const name of ['Wiesenbach', 'Bürgerforum Oberlausitz', 'Sabine Krause', 'Jana Nowak']) expect(main).not.toContain(name);
  expect(main).toContain('Entwürfe nach Förderweg');
  await ministry.dispose();
});

test('a form with errors hands a typed text back with the line breaks the field holds (LF, ADR 0103)', async ({ baseURL }) => {
  const ministry = await clientFor(baseURL!, 'ministerium');
  const response = await ministry.post('/regelwerk/aufrufe/neu', {
    title: '',
    issuedBy: 'SMS',
    deadline: '',
    requiredDocuments: 'Projektskizze\r\nKostenplan',
    notes: 'Erste Zeile\r\nZweite Zeile',
    source: '',
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain('Bitte geben Sie den Titel des Förderaufrufs an.');
  // In the field and in the data the page hydrates with: the same text, without CR.
  expect(html).toContain('>Erste Zeile\nZweite Zeile</textarea>');
  // (the data as a JSON string inside a script's string: LF is written \\n there)
  expect(html).toContain('Erste Zeile\\\\nZweite Zeile');
  expect(html).toContain('Projektskizze\\\\nKostenplan');
  expect(html).not.toContain('\r');
  expect(html).not.toContain('\\r');
  await ministry.dispose();
});
