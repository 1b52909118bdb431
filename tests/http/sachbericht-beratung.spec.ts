import { expect, test } from '@playwright/test';
import { createTestAdvisor } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';
import { approvedApplication, bescheidForm } from '../support/umsetzung';

/**
 * The EBBS advisor's review of a Sachbericht (issue 19 Nr. 5, ADR 0068) at the HTTP level: who
 * sees it when, many advisors taking it at once, refusals that keep what was typed, and the
 * feedback arriving at the questions. Runs on SQLite and PostgreSQL.
 */

const page = (id: number) => `/antraege/${id}/umsetzung/verwendungsnachweis`;
const advisorPage = (id: number) => `/beratung/verwendungsnachweis/${id}`;
const text = async (client: Client, path: string) => (await (await client.get(path)).text()).replace(/<!-- -->/g, '');
const field = (html: string, name: string) => new RegExp(`name="${name}"[^>]*value="(\\d+)"`).exec(html)![1]!;

async function grantee(client: Client, title: string): Promise<number> {
  const id = await approvedApplication(client, title);
  expect((await client.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  return id;
}

async function ask(client: Client, id: number, fields: Record<string, string>) {
  const html = await text(client, page(id));
  return client.post(page(id), {
    version: field(html, 'version'),
    reviewVersion: field(html, 'reviewVersion'),
    intent: 'beratung.anfragen',
    ...fields,
  });
}

test('a grantee asks, one of many advisors takes it, the feedback appears at the questions', async ({ baseURL }) => {
  const verein = await clientFor(baseURL!, 'verein');
  const title = `Sachbericht zur Durchsicht ${Date.now()}`;
  const id = await grantee(verein, title);

  // Before anyone asked: no advisor may read it.
  const advisor = await clientFor(baseURL!, 'beratung');
  expect((await advisor.get(advisorPage(id))).status()).toBe(404);
  expect(await text(advisor, '/beratung')).not.toContain(title);

  // Asking saves the draft in the same POST: nothing typed before the button is lost.
  const asked = await ask(verein, id, {
    'report.ziele': 'Zwei Foren mit 80 Menschen aus dem Viertel.',
    reviewMessage: 'Reicht Frage 5 so?',
  });
  expect(asked.status()).toBe(302);
  expect(asked.headers().location).toBe(`${page(id)}?hinweis=angefragt#beratung`);
  const waiting = await text(verein, page(id));
  expect(waiting).toContain('Zwei Foren mit 80 Menschen aus dem Viertel.');
  expect(waiting).toContain('Wartet auf eine Beraterin oder einen Berater');

  // Every advisor sees the request in the queue and may read the report.
  const others = await Promise.all([1, 2, 3, 4, 5].map(async (n) => clientFor(baseURL!, await createTestAdvisor(`Beraterin ${n}`))));
  const advisors = [advisor, ...others];
  expect(await text(advisor, '/beratung')).toContain(title);
  const view = await text(others[0]!, advisorPage(id));
  expect(view).toContain('Zwei Foren mit 80 Menschen aus dem Viertel.');
  expect(view).toContain('Reicht Frage 5 so?');
  const reviewVersion = field(view, 'reviewVersion');

  // Six advisors take it at the same moment: exactly one succeeds, the others land in the queue with a message.
  const takes = await Promise.all(advisors.map((a) => a.post(advisorPage(id), { intent: 'uebernehmen', reviewVersion })));
  const targets = takes.map((r) => `${r.status()} ${r.headers().location ?? ''}`);
  expect(targets.filter((t) => t === `302 ${advisorPage(id)}?hinweis=uebernehmen`)).toHaveLength(1);
  expect(targets.filter((t) => t === '302 /beratung?hinweis=sachbericht-nicht-verfuegbar')).toHaveLength(advisors.length - 1);
  const winner = advisors[targets.indexOf(`302 ${advisorPage(id)}?hinweis=uebernehmen`)]!;
  const loser = advisors.find((a) => a !== winner)!;
  expect(await text(loser, '/beratung?hinweis=sachbericht-nicht-verfuegbar')).toContain('wartet nicht (mehr) auf Durchsicht');
  // The others no longer see it, neither in the queue nor by its address.
  for (const other of advisors.filter((a) => a !== winner)) {
    expect((await other.get(advisorPage(id))).status()).toBe(404);
    expect(await text(other, '/beratung')).not.toContain(title);
  }
  expect(await text(verein, page(id))).toContain('In Beratung');

  // A note too short: refused at its field, the remarks typed stay in the form.
  const form = await text(winner, advisorPage(id));
  const version = field(form, 'reviewVersion');
  const short = await winner.post(advisorPage(id), {
    intent: 'rueckmelden',
    reviewVersion: version,
    note: 'gut',
    'comment.bewertung': 'Bitte nennen Sie die Rücklaufquote der Befragung.',
  });
  expect(short.status()).toBe(400);
  const shortPage = (await short.text()).replace(/<!-- -->/g, '');
  expect(shortPage).toContain('mindestens 10');
  expect(shortPage).toContain('Bitte nennen Sie die Rücklaufquote der Befragung.');
  expect(await text(verein, page(id))).toContain('In Beratung');

  const sent = await winner.post(advisorPage(id), {
    intent: 'rueckmelden',
    reviewVersion: version,
    note: 'Der Bericht ist schlüssig; die Bewertung braucht noch Zahlen.',
    'comment.bewertung': 'Bitte nennen Sie die Rücklaufquote der Befragung.',
  });
  expect(sent.status()).toBe(302);
  const answered = await text(verein, page(id));
  expect(answered).toContain('Rückmeldung liegt vor');
  expect(answered).toContain('Der Bericht ist schlüssig; die Bewertung braucht noch Zahlen.');
  expect(answered).toMatch(/Hinweis der Beratung zu „Bewertung[^“]*“[\s\S]*Bitte nennen Sie die Rücklaufquote der Befragung\./);
  expect(await text(verein, '/benachrichtigungen')).toContain(`Rückmeldung der EBBS-Beratung zum Sachbericht „${title}“`);

  // A stale second send (same version) changes nothing.
  const again = await winner.post(advisorPage(id), { intent: 'rueckmelden', reviewVersion: version, note: 'Noch einmal dasselbe gesagt.' });
  expect(again.status()).toBe(409);
  expect(await text(verein, page(id))).not.toContain('Noch einmal dasselbe gesagt.');

  // Revised and asked again: back in the pool, the earlier feedback stays visible to the grantee.
  expect((await ask(verein, id, { 'report.bewertung': 'Rücklauf 41 von 120 Bögen.' })).status()).toBe(302);
  const reasked = await text(verein, page(id));
  expect(reasked).toContain('Wartet auf eine Beraterin oder einen Berater');
  expect(reasked).toContain('Der Bericht ist schlüssig');
  expect((await others.find((a) => a !== winner)!.get(advisorPage(id))).status()).toBe(200);
  await Promise.all([verein, ...advisors].map((c) => c.dispose()));
});

test('asking twice, a draft with errors and withdrawing: each says why and keeps what was typed', async ({ baseURL }) => {
  const verein = await clientFor(baseURL!, 'verein');
  const id = await grantee(verein, `Sachbericht Rücknahme ${Date.now()}`);
  const before = await text(verein, page(id));

  // A draft with an error is not sent to the advice; the message says so, the text stays.
  const broken = await ask(verein, id, { participants: 'viele', 'report.ziele': 'Ziele erreicht, siehe Anlage.' });
  expect(broken.status()).toBe(400);
  const brokenPage = (await broken.text()).replace(/<!-- -->/g, '');
  expect(brokenPage).toContain('die Beratung wurde daher noch nicht angefragt');
  expect(brokenPage).toContain('Ziele erreicht, siehe Anlage.');
  expect(await text(verein, page(id))).toContain('Nicht angefragt');

  expect((await ask(verein, id, {})).status()).toBe(302);
  // A second tab still showing "ask": the draft is saved, the request is not sent twice.
  const stale = await verein.post(page(id), {
    version: field(await text(verein, page(id)), 'version'),
    reviewVersion: field(before, 'reviewVersion'),
    intent: 'beratung.anfragen',
    'report.ziele': 'Aus dem zweiten Tab.',
  });
  expect(stale.status()).toBe(409);
  expect(await stale.text()).toContain('Der Entwurf ist gespeichert.');
  expect(await text(verein, page(id))).toContain('Aus dem zweiten Tab.');

  const current = await text(verein, page(id));
  const withdrawn = await verein.post(page(id), {
    version: field(current, 'version'),
    reviewVersion: field(current, 'reviewVersion'),
    intent: 'beratung.zuruecknehmen',
  });
  expect(withdrawn.status()).toBe(302);
  expect(await text(verein, page(id))).toContain('Nicht angefragt');
  const advisor = await clientFor(baseURL!, 'beratung');
  expect((await advisor.get(advisorPage(id))).status()).toBe(404);

  // Another organisation's member cannot ask for advice on this project.
  const kommune = await clientFor(baseURL!, 'kommune');
  expect((await kommune.post(page(id), { version: '0', reviewVersion: '0', intent: 'beratung.anfragen' })).status()).toBe(404);
  await Promise.all([verein, advisor, kommune].map((c) => c.dispose()));
});
