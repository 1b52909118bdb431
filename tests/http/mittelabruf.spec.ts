import { expect, test } from '@playwright/test';
import { clientFor } from '../support/http';
import { pdfText } from '../support/pdf';
import { approvedApplication, bescheidForm, receiptForm } from '../support/umsetzung';

/** Mittelabruf at the HTTP level: computed, refused at the field, recorded, printed (ANBest-P Nr. 1.4). */

const request = (overrides: Record<string, string> = {}) => ({
  intent: 'save',
  requestedOn: '01.06.2026',
  expectedPayoutOn: '10.06.2026',
  requested: '',
  'plan.0.line': 'honorare',
  'plan.0.dueOn': '01.09.2026',
  'plan.0.amount': '3.000,00',
  'plan.0.purpose': 'Moderation Bürgerforum',
  'plan.1.line': 'oeffentlichkeitsarbeit',
  'plan.1.dueOn': '11.12.2026',
  'plan.1.amount': '1.000,00',
  'plan.1.purpose': 'Plakate Abschlussfest',
  'plan.2.line': '',
  'plan.2.dueOn': '',
  'plan.2.amount': '',
  'plan.2.purpose': '',
  ...overrides,
});

test('an association requests money for six months, is refused one cent above, and gets a PDF matching its records', async ({
  baseURL,
}) => {
  const verein = await clientFor(baseURL!, 'verein');
  const id = await approvedApplication(verein, 'Mittelabruf HTTP');
  expect((await verein.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ advancePayments: 'ja', inKind: '0' }))).status()).toBe(
    302,
  );
  expect((await verein.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ grossCents: '2.000,00' }))).status()).toBe(302);
  const base = `/antraege/${id}/umsetzung/mittelabruf`;
  expect(await (await verein.get(base)).text()).toContain('Noch keine Mittelabrufe gespeichert');

  // Without JavaScript a row is added by a round trip; what was typed stays.
  const added = await verein.post(base, request({ intent: 'row.add' }));
  expect(added.status()).toBe(200);
  const addedText = await added.text();
  expect(addedText).toContain('Geplante Zahlung 4');
  expect(addedText).toContain('value="Moderation Bürgerforum"');

  // Need up to 10.12.2026: 2.000 € paid + 3.000 € planned (the 11.12. payment is a day late) = 5.000 €, 90 % = 4.500 €.
  const preview = await verein.post(base, request({ intent: 'preview' }));
  expect(preview.status()).toBe(200);
  const previewText = await preview.text();
  expect(previewText).toContain('Bedarf bis 10.12.2026');
  expect(previewText).toMatch(/4\.500,00\u00a0€/);

  const over = await verein.post(base, request({ requested: '4.500,01' }));
  expect(over.status()).toBe(400);
  const overText = await over.text();
  expect(overText).toContain('Höchstens 4.500,00');
  expect(overText).toContain('ANBest-P Nr. 1.4');
  expect(overText).toContain('value="4.500,01"');

  const badRow = await verein.post(base, request({ 'plan.0.amount': '3,000' }));
  expect(badRow.status()).toBe(400);
  expect(await badRow.text()).toContain('value="3,000"');

  const saved = await verein.post(base, request());
  expect(saved.status()).toBe(302);
  const location = saved.headers().location ?? '';
  expect(location).toMatch(new RegExp(`^${base}\\?hinweis=erfasst&abruf=\\d+#abrufe$`));
  const abruf = /abruf=(\d+)/.exec(location)![1];
  const list = await (await verein.get(base)).text();
  expect(list).toMatch(/Nr\. 1 vom 01\.06\.2026: 4\.500,00\u00a0€/);

  const pdf = await verein.get(`${base}/${abruf}.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await pdf.body()).replace(/\s+/g, ' ');
  expect(text).toContain('Mittelabruf Nr. 1');
  expect(text).toContain('SAB-BB-2026-042');
  expect(text).toContain('Moderation Meier: Bürgerwerkstatt 1');
  expect(text).toContain('Plakate Abschlussfest');
  expect(text).toContain('5.000,00 €');
  expect(text).toContain('4.500,00 €');

  // Nobody else gets it.
  const kommune = await clientFor(baseURL!, 'kommune');
  expect((await kommune.get(`${base}/${abruf}.pdf`)).status()).toBe(404);
  expect((await verein.get(`${base}/999999.pdf`)).status()).toBe(404);
  await Promise.all([verein.dispose(), kommune.dispose()]);
});

test('a municipality is told the regular procedure applies; nothing is recorded', async ({ baseURL }) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(kommune, 'Mittelabruf Kommune');
  expect((await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  const base = `/antraege/${id}/umsetzung/mittelabruf`;
  expect(await (await kommune.get(base)).text()).toContain('Regelverfahren nach VVK Nr. 7.1');
  const refused = await kommune.post(base, request());
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('VVK Nr. 7.1');
  expect(await (await kommune.get(base)).text()).toContain('Noch keine Mittelabrufe gespeichert');
  await kommune.dispose();
});
