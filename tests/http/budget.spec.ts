import { expect, test } from '@playwright/test';
import { applicationWithBudgetStep, versionOf } from '../support/budget';
import { clientFor } from '../support/http';

test('a plan with 200 lines is saved, shown and summed to the cent', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const form: Record<string, string> = { vatDeductible: 'nein', ownCash: '0' };
  let expected = 0;
  for (let i = 0; i < 200; i += 1) {
    const quantity = (i % 7) + 1;
    const price = 1234 + i * 17; // cents
    expected += quantity * price;
    Object.assign(form, {
      [`lines[${i}].id`]: `l${i}`,
      [`lines[${i}].category`]: i % 2 ? 'honorare' : 'sachmittel',
      [`lines[${i}].kind`]: 'menge',
      [`lines[${i}].description`]: `Position ${i + 1}`,
      [`lines[${i}].quantity`]: String(quantity),
      [`lines[${i}].unitPrice`]: `${Math.floor(price / 100)},${String(price % 100).padStart(2, '0')}`,
      [`lines[${i}].year`]: i % 2 ? '2027' : '2028',
    });
  }
  const saved = await client.post(`${app}/kosten`, { ...form, version: await versionOf(client, `${app}/kosten`), intent: 'speichern' });
  expect(saved.status()).toBe(302);
  const page = await (await client.get(`${app}/kosten`)).text();
  // One table row per line, each with its amount (issue 21 Nr. 3), in at most 400 kB of HTML.
  expect(page.match(/<tr[^>]* id="zeile-l\d+"/g)?.length).toBe(200);
  expect(page).toContain('Position 200');
  const euro = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  expect(page).toContain(euro(expected));
  expect(page).toContain(`data-betrag="true">${euro(7 * (1234 + 6 * 17))}`);
  expect(Buffer.byteLength(page, 'utf8')).toBeLessThanOrEqual(400_000);
  await client.dispose();
});

test('"Neu berechnen" without JavaScript saves, stays on the step and shows each line\'s amount and the sums', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const line = (quantity: string) => ({
    vatDeductible: 'nein',
    ownCash: '100',
    'lines[0].id': 'r1',
    'lines[0].category': 'honorare',
    'lines[0].kind': 'personal',
    'lines[0].description': 'Moderation',
    'lines[0].quantity': quantity,
    'lines[0].unitPrice': '45,50',
    'lines[0].year': '2027',
  });
  const first = await client.post(`${app}/kosten`, {
    ...line('10'),
    version: await versionOf(client, `${app}/kosten`),
    intent: 'berechnen',
  });
  expect(first.status()).toBe(302);
  expect(first.headers().location).toBe(`${app}/kosten#summen`);
  expect(await (await client.get(`${app}/kosten`)).text()).toContain('data-betrag="true">455,00\u00a0€');
  await client.post(`${app}/kosten`, { ...line('12,5'), version: await versionOf(client, `${app}/kosten`), intent: 'berechnen' });
  const page = await (await client.get(`${app}/kosten`)).text();
  expect(page).toContain('data-betrag="true">568,75\u00a0€');
  expect(page).toContain('value="12,5"');
  await client.dispose();
});

test('bad budget input gets a German message at the line and everything else is kept', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const response = await client.post(`${app}/kosten`, {
    version: await versionOf(client, `${app}/kosten`),
    intent: 'weiter',
    vatDeductible: 'nein',
    'lines[0].id': 'a',
    'lines[0].kind': 'menge',
    'lines[0].category': 'honorare',
    'lines[0].description': 'Moderation',
    'lines[0].quantity': '0',
    'lines[0].unitPrice': '-50',
    'lines[0].year': '2027',
    'lines[1].id': 'b',
    'lines[1].kind': 'pauschal',
    'lines[1].category': 'sachmittel',
    'lines[1].description': '',
    'lines[1].amount': '12.000.000',
    'lines[1].year': '2031',
    'lines[2].id': 'c',
    'lines[2].kind': 'personal',
    'lines[2].category': 'personal',
    'lines[2].description': 'Projektleitung',
    'lines[2].quantity': '120',
    'lines[2].unitPrice': '45,50',
    'lines[2].year': '2027',
  });
  expect(response.status()).toBe(400);
  const body = await response.text();
  expect(body).toContain('Beträge können nicht negativ sein');
  expect(body).toContain('Beträge über 10 Mio. € sind hier nicht vorgesehen');
  expect(body).toContain('value="Projektleitung"');
  expect(body).toContain('value="45,50"');
  // The invalid input is kept as typed; after fixing it, the line checks speak.
  const fixed = await client.post(`${app}/kosten`, {
    version: await versionOf(client, `${app}/kosten`),
    intent: 'weiter',
    vatDeductible: 'nein',
    'lines[0].id': 'a',
    'lines[0].kind': 'menge',
    'lines[0].category': 'honorare',
    'lines[0].description': 'Moderation',
    'lines[0].quantity': '0',
    'lines[0].unitPrice': '50',
    'lines[0].year': '2031',
  });
  expect(fixed.status()).toBe(400);
  const text = await fixed.text();
  expect(text).toContain('Zeile 1: Bitte geben Sie die Menge an (mehr als 0).');
  expect(text).toContain('Zeile 1: 2031 liegt außerhalb des Vorhabenzeitraums (2027–2028).');
  await client.dispose();
});
