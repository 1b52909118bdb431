import { expect, test } from '@playwright/test';
import { clientFor, type Client } from '../support/http';
import { approvedApplication, bescheidForm, finishedProof } from '../support/umsetzung';

/**
 * A finished project offered as a good example (issue 19 Nr. 5, issue 17 Nr. 2b, ADR 0069): prefilled
 * from the project's records, public only after an editor approved it, two editors deciding at once,
 * withdrawn at any time. Runs on SQLite and PostgreSQL. Uses the method "Bürgerpanel", which no demo
 * example and no other test's count depends on.
 */

const text = async (client: Client, path: string) => (await (await client.get(path)).text()).replace(/<!-- -->/g, '');
const versionOf = (html: string) => /name="version"[^>]*value="(\d+)"/.exec(html)?.[1] ?? '';

function offer(title: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    intent: 'vorschlagen',
    title,
    summary: 'Zwölf zufällig ausgewählte Menschen berieten drei Abende über die Zukunft des Marktplatzes.',
    place: 'Görlitz',
    landkreis: 'Görlitz',
    organisationKind: 'verein',
    fundingRoute: 'B',
    year: '2026',
    methods: ['buergerpanel'],
    peopleReached: '120',
    budgetRange: 'bis-10000',
    whatWorked: 'Die aufsuchende Einladung hat Menschen erreicht, die sonst nie kommen.',
    doDifferently: 'Wir würden die Ergebnisse früher mit dem Stadtrat besprechen.',
    contactName: 'Erika Beispiel',
    contactEmail: 'erika@example.org',
    ...overrides,
  };
}

async function finishedProject(client: Client, title: string): Promise<number> {
  const id = await approvedApplication(client, title);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  return id;
}

test('offered from a finished project, published by an editor, withdrawn by the grantee', async ({ baseURL }) => {
  const verein = await clientFor(baseURL!, 'verein');
  const title = `Bürgerpanel Marktplatz ${Date.now()}`;
  const id = await finishedProject(verein, title);
  const page = `/antraege/${id}/umsetzung/beispiel`;

  // Before the Verwendungsnachweis is complete: explained, and a POST is refused.
  expect(await text(verein, page)).toContain('Vorschlagen können Sie, sobald Ihr');
  const early = await verein.post(page, offer(title));
  expect(early.status()).toBe(409);
  expect(await early.text()).toContain('erst als Beispiel vorgeschlagen werden, wenn sein Verwendungsnachweis vollständig ist');

  await finishedProof(verein, id, {
    'report.bewertung': 'Die Einladung per Losbrief hat gewirkt.\n\nKurze Wege zur Verwaltung halfen allen.',
  });
  // Prefilled from the project's own records: the title, the Sachbericht's evaluation, the budget range (10.000 € approved).
  const form = await text(verein, page);
  expect(form).toContain(`value="${title}"`);
  expect(form).toContain('Die Einladung per Losbrief hat gewirkt.\n\nKurze Wege zur Verwaltung halfen allen.');
  expect(form).toMatch(/value="bis-10000"[^>]*checked|checked[^>]*value="bis-10000"/);
  expect(form).toContain('value="120"');

  // No method chosen, an e-mail without @ while consenting to the contact: both said at their fields, the rest kept.
  const wrong = await verein.post(page, offer(title, { methods: [], contact: 'ja', contactEmail: 'erika.example.org' }));
  expect(wrong.status()).toBe(400);
  const wrongPage = (await wrong.text()).replace(/<!-- -->/g, '');
  expect(wrongPage).toContain('Bitte wählen Sie mindestens eine Methode.');
  expect(wrongPage).toContain('Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.');
  expect(wrongPage).toContain('value="erika.example.org"');
  expect(wrongPage).toContain('Wir würden die Ergebnisse früher mit dem Stadtrat besprechen.');

  // Offered without consent to the contact: nothing public yet.
  const sent = await verein.post(page, offer(title));
  expect(sent.status()).toBe(302);
  expect(await text(verein, page)).toContain('Wartet auf die Redaktion');
  const anonymous = await clientFor(baseURL!, 'anonymous');
  expect(await text(anonymous, '/beispiele?methode=buergerpanel')).not.toContain(title);

  // The editors see it; a rejection needs a reason.
  const ministry = await clientFor(baseURL!, 'ministerium');
  const advisor = await clientFor(baseURL!, 'beratung');
  const queue = await text(ministry, '/beispiele/redaktion');
  const submission = new RegExp(`href="/beispiele/redaktion/(\\d+)">${title}<`).exec(queue)![1]!;
  const review = `/beispiele/redaktion/${submission}`;
  const reviewPage = await text(advisor, review);
  expect(reviewPage).toContain('wird nicht veröffentlicht');
  const noReason = await advisor.post(review, { intent: 'ablehnen', version: versionOf(reviewPage), reason: '  nein ' });
  expect(noReason.status()).toBe(400);
  const refusedPage = await noReason.text();
  expect(refusedPage).toContain('Bitte begründen Sie die Ablehnung');
  // What was typed comes back as typed, spaces included (found by the fuzzer).
  expect(refusedPage).toMatch(/<textarea[^>]*name="reason"[^>]*> {2}nein <\/textarea>/);

  // Two editors decide at the same moment: exactly one decision counts.
  const version = versionOf(reviewPage);
  const [publish, reject] = await Promise.all([
    ministry.post(review, { intent: 'veroeffentlichen', version }),
    advisor.post(review, { intent: 'ablehnen', version, reason: 'Bitte noch Zahlen zum Rücklauf ergänzen.' }),
  ]);
  expect([publish.status(), reject.status()].sort()).toEqual([302, 409]);
  const published = publish.status() === 302;
  if (!published) {
    // Declined: the grantee reads the reason, revises and offers again; then it is published.
    expect(await text(verein, page)).toContain('Begründung der Redaktion: Bitte noch Zahlen zum Rücklauf ergänzen.');
    expect((await verein.post(page, offer(title, { version: versionOf(await text(verein, page)), peopleReached: '121' }))).status()).toBe(
      302,
    );
    expect((await ministry.post(review, { intent: 'veroeffentlichen', version: versionOf(await text(ministry, review)) })).status()).toBe(
      302,
    );
  }
  expect(await text(verein, '/benachrichtigungen')).toContain(`Ihr gutes Beispiel „${title}“ ist veröffentlicht`);

  // Public now: on the list filtered by its method, on its page (not marked fictional, no contact), on the method page.
  const own = await text(verein, page);
  const slug = /href="\/beispiele\/([a-z0-9-]+)"/.exec(own)![1]!;
  expect(await text(anonymous, '/beispiele?methode=buergerpanel')).toContain(title);
  expect(await text(anonymous, `/beispiele?q=${encodeURIComponent('Marktplatzes')}&methode=buergerpanel`)).toContain(title);
  const entry = await text(anonymous, `/beispiele/${slug}`);
  expect(entry).toContain('Die aufsuchende Einladung hat Menschen erreicht, die sonst nie kommen.');
  expect(entry).not.toContain('<strong>Erfundenes Demo-Beispiel.</strong>');
  expect(entry).not.toContain('erika@example.org');
  expect(await text(anonymous, '/methoden/buergerpanel')).toContain(title);
  // And in the open data: the dataset and the feed of new examples (issue 17 Nr. 5).
  const dataset = await (await anonymous.get('/offene-daten/beispiele.json')).json();
  expect(dataset.items.find((e: { slug: string }) => e.slug === slug)).toMatchObject({ title, fictional: false, contact: null });
  expect(await text(anonymous, '/beispiele.atom')).toContain(`<title>${title}</title>`);

  // Withdrawn by the grantee: gone from the public pages at once.
  const withdrawn = await verein.post(page, { intent: 'zurueckziehen', version: versionOf(own) });
  expect(withdrawn.status()).toBe(302);
  expect((await anonymous.get(`/beispiele/${slug}`)).status()).toBe(404);
  expect(await text(anonymous, '/beispiele?methode=buergerpanel')).not.toContain(title);
  expect(await text(anonymous, '/beispiele.atom')).not.toContain(title);
  await Promise.all([verein, anonymous, ministry, advisor].map((c) => c.dispose()));
});
