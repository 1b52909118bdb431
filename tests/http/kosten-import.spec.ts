import { expect, test } from '@playwright/test';
import { applicationWithBudgetStep, versionOf } from '../support/budget';
import { clientFor, type Client } from '../support/http';

// Issue 21 Nr. 3: cost lines from a CSV file (ADR 0078), at the level of requests.

/** Windows-1252 bytes, as older Excel saves a CSV: 0x80 is €, 0x84/0x93 „“, 0xFC ü. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '–': 0x96 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

const csvText = [
  'Kategorie;Beschreibung;Menge oder Stunden;Einzelpreis;Pauschalbetrag;Jahr',
  'Honorare;Moderation „Auftakt“ – 2 Tage;2;1.234,56;;2027',
  'raum- und technikmiete;Saalmiete à 250 €;;;250,00;2028',
  'Catering;Imbiss;1;80,00;;2027',
].join('\r\n');

const upload = (client: Client, app: string, file: Buffer) =>
  client.api.post(`${app}/kosten/importieren`, {
    multipart: {
      csrf: client.csrf,
      intent: 'lesen',
      zeichensatz: 'auto',
      datei: { name: 'kosten.csv', mimeType: 'text/csv', buffer: file },
    },
  });

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`)
    .exec(html)![1]!
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const mapping = {
  'spalte-category': '0',
  'spalte-description': '1',
  'spalte-quantity': '2',
  'spalte-unitPrice': '3',
  'spalte-amount': '4',
  'spalte-year': '5',
};

test('a Windows-1252 file is previewed with amounts and row errors, and only the good rows are appended on confirmation', async ({
  baseURL,
}) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const before = await versionOf(client, `${app}/kosten`);
  expect(await (await client.get(`${app}/kosten`)).text()).toContain(`href="${app}/kosten/importieren"`);

  const read = await upload(client, app, windows1252(csvText));
  expect(read.status()).toBe(200);
  const preview = await read.text();
  expect(preview).toContain('als Windows-1252 gelesen');
  expect(preview).toContain('Moderation „Auftakt“ – 2 Tage');
  expect(preview).toContain('Saalmiete à 250 €');
  expect(preview).toContain('2.469,12');
  expect(preview).toContain('Zeile 4: Kategorie: „Catering“ ist keine Kategorie des Plans.');
  expect(preview).toContain('3 Zeilen: 2 fehlerfrei (2.719,12');
  // Nothing is added by reading the file.
  expect(await versionOf(client, `${app}/kosten`)).toBe(before);

  const form = { csv: hidden(preview, 'csv'), version: hidden(preview, 'version'), ...mapping };
  const blocked = await client.post(`${app}/kosten/importieren`, { ...form, intent: 'uebernehmen' });
  expect(blocked.status()).toBe(400);
  expect(await blocked.text()).toContain('1 Zeile hat Fehler');
  expect(await versionOf(client, `${app}/kosten`)).toBe(before);

  const done = await client.post(`${app}/kosten/importieren`, { ...form, 'fehlerhafte-auslassen': 'on', intent: 'uebernehmen' });
  expect(done.status()).toBe(302);
  expect(done.headers().location).toBe(`${app}/kosten?importiert=2#summen`);
  const page = await (await client.get(`${app}/kosten?importiert=2`)).text();
  expect(page).toContain('2 Ausgaben übernommen.');
  expect(page).toContain('Moderation „Auftakt“ – 2 Tage');
  expect(page).toContain('Saalmiete à 250 €');
  // Only the two good rows ("Imbiss" stands in the category hints, so rows are counted).
  expect(page.match(/<tr[^>]* id="zeile-/g)?.length).toBe(2);
  expect(Number(await versionOf(client, `${app}/kosten`))).toBe(Number(before) + 1);
  await client.dispose();
});

test('two confirmations of the same preview at once append the lines once', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const preview = await (await upload(client, app, Buffer.from(`\uFEFF${csvText.split('\r\n').slice(0, 3).join('\r\n')}`))).text();
  expect(preview).not.toContain('Windows-1252 gelesen');
  const form = { csv: hidden(preview, 'csv'), version: hidden(preview, 'version'), ...mapping, intent: 'uebernehmen' };
  const responses = await Promise.all([1, 2, 3].map(() => client.post(`${app}/kosten/importieren`, form)));
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses).toEqual([302, 409, 409]);
  const refused = responses.find((r) => r.status() === 409)!;
  expect(await refused.text()).toContain('wurde inzwischen geändert');
  const page = await (await client.get(`${app}/kosten`)).text();
  expect(page.match(/<tr[^>]* id="zeile-/g)?.length).toBe(2);
  // A stale version is refused too, also when sent alone later.
  const late = await client.post(`${app}/kosten/importieren`, form);
  expect(late.status()).toBe(409);
  expect((await (await client.get(`${app}/kosten`)).text()).match(/<tr[^>]* id="zeile-/g)?.length).toBe(2);
  await client.dispose();
});

test('limits: an empty file, too many rows and a file over 1 MB get German messages', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const empty = await upload(client, app, Buffer.from(''));
  expect(empty.status()).toBe(400);
  expect(await empty.text()).toContain('Bitte wählen Sie die CSV-Datei mit den Ausgaben.');
  const many = ['Kategorie;Beschreibung;Pauschalbetrag;Jahr', ...Array.from({ length: 501 }, (_, i) => `Sachmittel;Posten ${i};1,00;2027`)];
  const tooMany = await upload(client, app, Buffer.from(many.join('\n')));
  expect(tooMany.status()).toBe(400);
  expect(await tooMany.text()).toContain('Die Datei enthält 501 Zeilen; höchstens 500 lassen sich auf einmal übernehmen.');
  const big = await upload(client, app, Buffer.alloc(1_100_000, 0x41));
  expect(big.status()).toBe(400);
  expect(await big.text()).toContain('größer als 1 MB');
  await client.dispose();
});

test('a submitted application refuses the import with a German message and adds nothing', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const preview = await (await upload(client, app, Buffer.from(csvText))).text();
  const form = {
    csv: hidden(preview, 'csv'),
    version: hidden(preview, 'version'),
    ...mapping,
    'fehlerhafte-auslassen': 'on',
    intent: 'uebernehmen',
  };
  const status = await (await client.get(`${app}/status`)).text();
  const reviewVersion = /name="reviewVersion"[^>]*value="(\d+)"/.exec(status)![1]!;
  const today = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );
  const submitted = await client.post(`${app}/status`, { intent: 'einreichung.erfassen', date: today, reference: 'SAB-1', reviewVersion });
  expect(submitted.status()).toBe(302);

  const page = await (await client.get(`${app}/kosten/importieren`)).text();
  expect(page).toContain('kann nicht mehr geändert werden. Es werden keine Ausgaben übernommen.');
  expect(page).not.toContain('name="datei"');
  expect(await (await client.get(`${app}/kosten`)).text()).not.toContain('Ausgaben aus CSV-Datei übernehmen');
  const refused = await client.post(`${app}/kosten/importieren`, form);
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toContain('Der Antrag hat den Stand „Bei der SAB eingereicht“ und kann nicht mehr geändert werden.');
  expect((await (await client.get(`${app}/kosten`)).text()).match(/<tr[^>]* id="zeile-/g)).toBeNull();
  await client.dispose();
});

test('the template is a UTF-8 CSV with byte order mark, semicolons and the budget’s column names', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await applicationWithBudgetStep(client);
  const response = await client.get(`${app}/kosten/vorlage.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8').slice(1);
  expect(text.split('\r\n')[0]).toBe('Kategorie;Beschreibung;Berechnung;Menge oder Stunden;Einzelpreis;Pauschalbetrag;Jahr;Anmerkung');
  expect(text).toContain(';2027;');
  // The template reads back into a preview without a single error.
  const preview = await (await upload(client, app, body)).text();
  expect(preview).toContain('2 Zeilen: 2 fehlerfrei');
  await client.dispose();
});
