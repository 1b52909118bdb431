import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { parse, stringify } from 'yaml';
import { contentToFormValues, NOT_A_WHOLE_NUMBER } from '../../machines/methoden/content-form';
import { clientFor, type Client } from '../support/http';

/**
 * Editorial content (issue 17 Nr. 4 and 2a, ADR 0073): an editor drafts a good example with a
 * picture, a second editor reads the difference and publishes it (four eyes), it is archived and
 * restored; a published method's draft never shows before it is published; two editors publishing
 * at once publish once. Runs on SQLite and PostgreSQL. The entries are the test's own (unique
 * titles; method "buergerpanel", which no other test's count depends on).
 */

const text = async (client: Client, path: string) => (await (await client.get(path)).text()).replace(/<!-- -->/g, '');
const versionOf = (html: string) => /name="version"[^>]*value="(\d+)"/.exec(html)?.[1] ?? '';
const yamlOf = (html: string) =>
  (/<textarea[^>]*name="yaml"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function create(client: Client, kind: 'methode' | 'beispiel', title: string): Promise<string> {
  const response = await client.post('/redaktion', { kind, title });
  expect(response.status()).toBe(302);
  const location = response.headers().location ?? '';
  expect(location).toMatch(new RegExp(`^/redaktion/${kind}/[a-z0-9-]+\\?hinweis=angelegt$`));
  return location.replace(/\?.*$/, '');
}

async function act(client: Client, page: string, form: Record<string, string | string[]>) {
  const version = versionOf(await text(client, page));
  return client.post(page, { version, ...form });
}

function completeExample(slug: string, title: string, word: string) {
  return {
    slug,
    title,
    fictional: false,
    place: 'Musterstadt',
    landkreis: 'Bautzen',
    organisationKind: 'verein',
    fundingRoute: 'B',
    year: 2026,
    methodSlugs: ['buergerpanel'],
    peopleReached: 240,
    budgetRange: 'bis-35000',
    summary: `Ein Bürgerpanel mit ${word} beriet drei Abende über die Zukunft des Bahnhofsviertels.`,
    whatWorked: ['Die Einladung per Losbrief erreichte Menschen, die sonst nie zu Versammlungen kommen.'],
    doDifferently: ['Wir würden die Ergebnisse früher mit dem Stadtrat besprechen und das auch ankündigen.'],
    contact: null,
  };
}

async function jpegWithExif(width: number): Promise<Buffer> {
  return sharp({ create: { width, height: Math.round(width / 2), channels: 3, background: '#3a7' } })
    .withExif({ IFD0: { Copyright: 'GeheimerAufnahmeort', Artist: 'Kamera Mustermann' } })
    .jpeg()
    .toBuffer();
}

async function upload(client: Client, page: string, fields: { alt: string; file: { name: string; mimeType: string; buffer: Buffer } }) {
  const version = versionOf(await text(client, page));
  return client.api.post(page, { multipart: { csrf: client.csrf, version, intent: 'bild', alt: fields.alt, file: fields.file } });
}

test('a new good example: drafted with a picture, reviewed by a second editor, published, archived and restored', async ({ baseURL }) => {
  const beratung = await clientFor(baseURL!, 'beratung');
  const ministerium = await clientFor(baseURL!, 'ministerium');
  const anonymous = await clientFor(baseURL!, 'anonymous');
  const stamp = Date.now();
  const title = `Bürgerpanel Bahnhofsviertel ${stamp}`;
  const word = `Losfee${stamp}`;
  const page = await create(beratung, 'beispiel', title);
  const slug = page.split('/').pop()!;

  // A new entry is an incomplete draft: saved, not public, and not yet ready for review.
  const fresh = await text(beratung, page);
  expect(fresh).toContain('Vor dem Einreichen noch zu klären');
  expect((await anonymous.get(`/beispiele/${slug}`)).status()).toBe(404);
  const early = await act(beratung, page, { intent: 'einreichen', note: 'Neues Beispiel aus der Beratung.' });
  expect(early.status()).toBe(400);
  expect(await early.text()).toContain('Der Entwurf ist noch nicht vollständig');

  // YAML that cannot be read: said with its line, the text kept, nothing saved.
  const broken = `title: "${title}\nplace: [Musterstadt\n`;
  const refused = await act(beratung, page, { intent: 'speichern', yaml: broken });
  expect(refused.status()).toBe(400);
  const refusedPage = (await refused.text()).replace(/<!-- -->/g, '');
  expect(refusedPage).toMatch(/Zeile \d+, Spalte \d+/);
  expect(refusedPage).toContain('place: [Musterstadt');
  // A value outside the list: saved as a draft, with the allowed values named.
  const wrongKreis = stringify({ ...completeExample(slug, title, word), landkreis: 'Atlantis' });
  expect((await act(beratung, page, { intent: 'speichern', yaml: wrongKreis })).status()).toBe(302);
  expect(await text(beratung, page)).toMatch(/Landkreis oder Kreisfreie Stadt: .*Möglich: .*Bautzen/);

  const saved = await act(beratung, page, { intent: 'speichern', yaml: stringify(completeExample(slug, title, word)) });
  expect(saved.status()).toBe(302);
  expect(await text(beratung, page)).not.toContain('Vor dem Einreichen noch zu klären');

  // Pictures: no alt text, or not an image → a message at the field; a real one is scaled down and loses its EXIF.
  const noAlt = await upload(beratung, page, {
    alt: '',
    file: { name: 'platz.jpg', mimeType: 'image/jpeg', buffer: await jpegWithExif(400) },
  });
  expect(noAlt.status()).toBe(400);
  expect(await noAlt.text()).toContain('Bitte beschreiben Sie, was auf dem Bild zu sehen ist');
  const notImage = await upload(beratung, page, {
    alt: 'Ein Plakat der Einladung',
    file: { name: 'plakat.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4 kein Bild') },
  });
  expect(notImage.status()).toBe(400);
  expect(await notImage.text()).toContain('diese Datei ist keines');
  const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(9 * 1024 * 1024)]);
  const tooBig = await upload(beratung, page, {
    alt: 'Ein sehr großes Bild vom Platz',
    file: { name: 'gross.jpg', mimeType: 'image/jpeg', buffer: huge },
  });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.text()).toContain('Das Bild ist größer als 8 MB');
  const original = await jpegWithExif(2400);
  expect(original.includes(Buffer.from('GeheimerAufnahmeort'))).toBe(true);
  const uploaded = await upload(beratung, page, {
    alt: 'Zwölf Menschen sitzen im Kreis im Bahnhofsgebäude',
    file: { name: 'panel.jpg', mimeType: 'image/jpeg', buffer: original },
  });
  expect(uploaded.status()).toBe(302);
  // The pictures' ids as stored: the expert view shows the draft as YAML.
  const withImage = await text(beratung, `${page}?ansicht=yaml`);
  const imageId = /src="\/inhalte\/bilder\/(\d+)"/.exec(withImage)?.[1];
  expect(imageId).toBeTruthy();
  expect(parse(yamlOf(withImage)).images).toEqual([{ id: Number(imageId), alt: 'Zwölf Menschen sitzen im Kreis im Bahnhofsgebäude' }]);
  const stored = Buffer.from(await (await beratung.get(`/inhalte/bilder/${imageId}`)).body());
  expect(stored.includes(Buffer.from('GeheimerAufnahmeort'))).toBe(false);
  const meta = await sharp(stored).metadata();
  expect(meta.width).toBe(1600);
  expect(meta.exif).toBeUndefined();
  // The draft's picture is not public.
  expect((await anonymous.get(`/inhalte/bilder/${imageId}`)).status()).toBe(404);

  // To review with a note; the author cannot publish it (four eyes), a second editor can.
  const noNote = await act(beratung, page, { intent: 'einreichen', note: 'kurz' });
  expect(noNote.status()).toBe(409);
  expect(await noNote.text()).toContain('was sich geändert hat');
  expect((await act(beratung, page, { intent: 'einreichen', note: 'Neues Beispiel aus dem Landkreis Bautzen.' })).status()).toBe(302);
  const own = await act(beratung, page, { intent: 'veroeffentlichen' });
  expect(own.status()).toBe(409);
  expect(await own.text()).toContain('Vier-Augen-Prinzip');
  const review = await text(ministerium, page);
  expect(review).toContain('Neues Beispiel aus dem Landkreis Bautzen.');
  expect(review).toContain(`<ins>${title}</ins>`);
  expect((await act(ministerium, page, { intent: 'veroeffentlichen' })).status()).toBe(302);

  // Public now: the page with its picture, the search, the picture itself.
  const pub = await text(anonymous, `/beispiele/${slug}`);
  expect(pub).toContain(title);
  expect(pub).toContain(`src="/inhalte/bilder/${imageId}"`);
  expect(pub).toContain('alt="Zwölf Menschen sitzen im Kreis im Bahnhofsgebäude"');
  expect(await text(anonymous, `/beispiele?q=${word}`)).toContain(title);
  const picture = await anonymous.get(`/inhalte/bilder/${imageId}`);
  expect(picture.status()).toBe(200);
  expect(picture.headers()['content-type']).toBe('image/jpeg');

  // Archived: gone from the public pages (and its picture); restored: back.
  expect((await act(ministerium, page, { intent: 'archivieren' })).status()).toBe(302);
  expect((await anonymous.get(`/beispiele/${slug}`)).status()).toBe(404);
  expect((await anonymous.get(`/inhalte/bilder/${imageId}`)).status()).toBe(404);
  expect(await text(anonymous, `/beispiele?q=${word}`)).not.toContain(title);
  expect((await act(beratung, page, { intent: 'wiederherstellen' })).status()).toBe(302);
  expect((await anonymous.get(`/beispiele/${slug}`)).status()).toBe(200);

  // The versions and the audit trail say who did what.
  const history = await text(ministerium, page);
  expect(history).toMatch(/Veröffentlicht<\/td><td>[^<]*<\/td><td>[^<]*Martin Schubert/);
  for (const c of [beratung, ministerium, anonymous]) await c.dispose();
});

test('a published method changes for the public only when a second editor publishes the draft; a draft can be discarded', async ({
  baseURL,
}) => {
  const beratung = await clientFor(baseURL!, 'beratung');
  const ministerium = await clientFor(baseURL!, 'ministerium');
  const anonymous = await clientFor(baseURL!, 'anonymous');
  const stamp = Date.now();

  // A new method, modelled on the Bürgerpanel, under its own name and a word only it has.
  const name = `Zukunftsrat ${stamp}`;
  const word = `Rathausrunde${stamp}`;
  const page = await create(beratung, 'methode', name);
  const slug = page.split('/').pop()!;
  const model = parse(yamlOf(await text(beratung, '/redaktion/methode/buergerpanel?ansicht=yaml')));
  const content = {
    ...model,
    slug,
    formatId: null,
    name,
    summary: `Ein kleiner Rat aus gelosten Menschen trifft sich zur ${word} im Ort.`,
  };
  expect((await act(beratung, page, { intent: 'speichern', yaml: stringify(content) })).status()).toBe(302);
  expect((await act(beratung, page, { intent: 'einreichen', note: 'Neue Methode für kleine Gemeinden.' })).status()).toBe(302);
  expect(await text(anonymous, `/methoden?q=${word}`)).not.toContain(name);
  expect((await act(ministerium, page, { intent: 'veroeffentlichen' })).status()).toBe(302);
  expect(await text(anonymous, `/methoden?q=${word}`)).toContain(name);
  expect(await text(anonymous, `/methoden/${slug}`)).toContain(word);
  // Editors find the way from the public page to the entry; visitors do not see it.
  expect(await text(beratung, `/methoden/${slug}`)).toContain(`href="/redaktion/methode/${slug}"`);
  expect(await text(anonymous, `/methoden/${slug}`)).not.toContain('In der Redaktion bearbeiten');

  // A change: the draft shows the difference, the public page keeps the published text until it is published.
  const changed = { ...content, summary: `Ein kleiner Rat aus gelosten Menschen trifft sich zur ${word} im Gemeindesaal.` };
  expect((await act(ministerium, page, { intent: 'speichern', yaml: stringify(changed) })).status()).toBe(302);
  const draft = await text(beratung, page);
  expect(draft).toContain('<del>Ort</del>');
  expect(draft).toContain('<ins>Gemeindesaal</ins>');
  expect(await text(anonymous, `/methoden/${slug}`)).toContain('im Ort.');
  expect(await text(anonymous, `/methoden/${slug}`)).not.toContain('Gemeindesaal');
  // Discarded: the published version stays.
  expect((await act(beratung, page, { intent: 'verwerfen' })).status()).toBe(302);
  expect(await text(beratung, page)).not.toContain('Gemeindesaal');
  expect(await text(anonymous, `/methoden/${slug}`)).toContain('im Ort.');

  // The slug cannot be changed from the YAML.
  const renamed = await act(beratung, page, { intent: 'speichern', yaml: stringify({ ...content, slug: 'anderer-name' }) });
  expect(renamed.status()).toBe(400);
  expect(await renamed.text()).toContain(`bleibt „${slug}“`);
  for (const c of [beratung, ministerium, anonymous]) await c.dispose();
});

test('two editors publishing the same draft at once publish it once; the other is told', async ({ baseURL }) => {
  const beratung = await clientFor(baseURL!, 'beratung');
  const editors = await Promise.all([clientFor(baseURL!, 'ministerium'), clientFor(baseURL!, 'ministerium2')]);
  const stamp = Date.now();
  const title = `Gleichzeitig veröffentlicht ${stamp}`;
  const page = await create(beratung, 'beispiel', title);
  const slug = page.split('/').pop()!;
  expect((await act(beratung, page, { intent: 'speichern', yaml: stringify(completeExample(slug, title, `Takt${stamp}`)) })).status()).toBe(
    302,
  );
  expect((await act(beratung, page, { intent: 'einreichen', note: 'Bitte einmal veröffentlichen.' })).status()).toBe(302);
  const version = versionOf(await text(editors[0], page));
  const responses = await Promise.all(editors.map((c) => c.post(page, { version, intent: 'veroeffentlichen' })));
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses).toEqual([302, 409]);
  const loser = responses.find((r) => r.status() === 409)!;
  expect(await loser.text()).toContain('Jemand anderes hat diesen Eintrag gerade geändert');
  const history = await text(beratung, page);
  expect(history.match(/Veröffentlicht<\/td>/g)?.length).toBe(1);
  for (const c of [beratung, ...editors]) await c.dispose();
});

test('the form editor saves what the YAML view saves: unchanged it makes no difference, a word in a number is refused at its field, a row is added without saving', async ({
  baseURL,
}) => {
  const beratung = await clientFor(baseURL!, 'beratung');
  const page = '/redaktion/methode/mediation';
  const published = parse(yamlOf(await text(beratung, `${page}?ansicht=yaml`)));
  const values = contentToFormValues('methode', published);

  // "Weitere Zeile": the page again with what was typed and one more empty row; nothing saved.
  const more = await act(beratung, page, { ...values, summary: 'Getippt, aber nicht gespeichert', intent: 'zeile:pitfalls' });
  expect(more.status()).toBe(200);
  const withRow = await more.text();
  expect(withRow).toContain('Getippt, aber nicht gespeichert');
  expect(withRow).toContain(`name="pitfalls.${published.pitfalls.length}"`);
  expect(await text(beratung, page)).not.toContain('Getippt, aber nicht gespeichert');

  // A word where a number belongs: refused at the field, linked from the summary, the word kept.
  const refused = await act(beratung, page, { ...values, 'meetings.max': 'drei', intent: 'speichern' });
  expect(refused.status()).toBe(400);
  const body = (await refused.text()).replace(/<!-- -->/g, '');
  expect(body).toContain(NOT_A_WHOLE_NUMBER);
  expect(body).toContain('href="#inhalt-meetings-max"');
  expect(body).toContain('value="drei"');

  // The unchanged form is the published content again: a draft without a difference, then discarded.
  expect((await act(beratung, page, { ...values, intent: 'speichern' })).status()).toBe(302);
  expect(await text(beratung, page)).toContain('unterscheidet sich (noch) nicht');
  expect((await act(beratung, page, { intent: 'verwerfen' })).status()).toBe(302);
  await beratung.dispose();
});
