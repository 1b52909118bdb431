import { expect, test } from '@playwright/test';
import { clientFor } from '../support/http';

/**
 * Open data (issue 17 Nr. 5, ADR 0070): the datasets, their schemas and the feed answer without an
 * account; the licence the ministry sets appears in every dataset and on every page at once.
 * The one test that changes the licence sets it back at the end.
 */
test('datasets, schemas and feed are public; the ministry changes the licence and every page shows it', async ({ baseURL }) => {
  const anonymous = await clientFor(baseURL!, 'anonymous');
  const methods = await anonymous.get('/offene-daten/methoden.json');
  expect(methods.status()).toBe(200);
  expect(methods.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(methods.headers()['access-control-allow-origin']).toBe('*');
  const methodData = await methods.json();
  expect(methodData.count).toBeGreaterThanOrEqual(22);
  expect(methodData.items.map((m: { slug: string }) => m.slug)).toContain('buergerrat');
  const examples = await (await anonymous.get('/offene-daten/beispiele.json')).json();
  expect(examples.items.find((e: { slug: string }) => e.slug === 'jugendforum-talheim')).toMatchObject({ fictional: true, contact: null });
  const schema = await anonymous.get('/offene-daten/beispiel-schema.json');
  expect(schema.headers()['content-type']).toBe('application/schema+json; charset=utf-8');
  expect((await schema.json()).$id).toMatch(/\/offene-daten\/beispiel-schema\.json$/);
  expect((await (await anonymous.get('/offene-daten/methode-schema.json')).json()).required).toContain('fundingFit');
  const feed = await anonymous.get('/beispiele.atom');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

  // An applicant may not change the licence; a ministry account may, and an unknown one is refused.
  const kommune = await clientFor(baseURL!, 'kommune');
  expect((await kommune.post('/offene-daten', { licence: 'CC0-1.0' })).status()).toBe(403);
  const ministry = await clientFor(baseURL!, 'ministerium');
  expect(await (await ministry.get('/offene-daten')).text()).toContain('Lizenz festlegen');
  expect(await (await anonymous.get('/offene-daten')).text()).not.toContain('Lizenz festlegen');
  const odd = await ministry.post('/offene-daten', { licence: 'MIT' });
  expect(odd.status()).toBe(400);
  expect(await odd.text()).toContain('Bitte wählen Sie eine der angebotenen Lizenzen.');
  try {
    expect((await ministry.post('/offene-daten', { licence: 'DL-DE-BY-2.0' })).status()).toBe(302);
    expect((await (await anonymous.get('/offene-daten/methoden.json')).json()).licence.id).toBe('DL-DE-BY-2.0');
    expect(await (await anonymous.get('/beispiele.atom')).text()).toContain('Datenlizenz Deutschland – Namensnennung – Version 2.0');
    for (const path of ['/', '/methoden', '/beispiele']) expect(await (await anonymous.get(path)).text(), path).toContain('dl-de/by-2-0');
  } finally {
    expect((await ministry.post('/offene-daten', { licence: 'CC-BY-4.0' })).status()).toBe(302);
  }
  expect(await (await anonymous.get('/')).text()).toContain('CC BY 4.0');
  await Promise.all([anonymous, kommune, ministry].map((c) => c.dispose()));
});
