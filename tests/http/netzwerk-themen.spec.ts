import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { setMemberBlocked } from '../../db/repositories/netzwerk';
import { createTestNetworkMember, lastMailTo, openE2eDatabase } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';

/**
 * Topics of the EBBS network (issue 20 Nr. 3 and 5, ADR 0072) at the request level: bad input is a
 * German message at the field with the text kept, never a 500; mentions notify; the asker accepts
 * one answer; two acceptances or two hides at once: one wins, the other gets a neutral 409.
 * Each test uses members of its own, so counts (the flood limit) do not depend on other tests.
 */

const text = async (client: Client, path: string) => (await (await client.get(path)).text()).replace(/<!-- -->/g, '');
const fieldValue = (html: string, name: string) =>
  new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1]?.replace(/^\n/, '') ?? null;
const unique = () => randomUUID().slice(0, 8);

async function member(baseURL: string, name: string, role: 'applicant' | 'advisor' = 'applicant') {
  const created = await createTestNetworkMember(name, role);
  return { ...created, name, client: await clientFor(baseURL, created) };
}

async function ask(client: Client, title: string, body = 'Wie haben Sie das gemacht?', question = 'ja'): Promise<number> {
  const response = await client.post('/netzwerk/themen', { category: 'methoden', title, body, question });
  expect(response.status(), await response.text()).toBe(302);
  const id = Number(/\/netzwerk\/themen\/(\d+)/.exec(response.headers().location ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

const postIds = (html: string) => [...html.matchAll(/id="beitrag-(\d+)"/g)].map((m) => Number(m[1]));

test('bad input: German messages at the field with the text kept, HTML escaped, size limit, unknown mention, 404', async ({ baseURL }) => {
  const asker = await member(baseURL!, `Gemeinde Test ${unique()}`);
  const empty = await asker.client.post('/netzwerk/themen', {});
  expect(empty.status()).toBe(400);
  const emptyPage = (await empty.text()).replace(/<!-- -->/g, '');
  for (const message of [
    'Bitte wählen Sie eine Kategorie.',
    'Bitte geben Sie die Überschrift des Themas an.',
    'Bitte schreiben Sie einen Text.',
    'Bitte geben Sie an, ob Sie eine Frage stellen.',
  ])
    expect(emptyPage).toContain(message);

  const long = 'x'.repeat(8001);
  const tooLong = await asker.client.post('/netzwerk/themen', { category: 'recht', title: 'Zu lang', body: long, question: 'nein' });
  expect(tooLong.status()).toBe(400);
  expect(await tooLong.text()).toContain('Bitte kürzen Sie Ihren Beitrag auf höchstens 8.000 Zeichen (eingegeben: 8.001).');

  const withUnknown = 'Fragen Sie doch @Niemand Bekanntes dazu.';
  const unknown = await asker.client.post('/netzwerk/themen', {
    category: 'recht',
    title: 'Erwähnung',
    body: withUnknown,
    question: 'nein',
  });
  expect(unknown.status()).toBe(400);
  const unknownPage = (await unknown.text()).replace(/<!-- -->/g, '');
  expect(unknownPage).toContain('Dieses Mitglied kennen wir nicht: @Niemand.');
  expect(fieldValue(unknownPage, 'body')).toBe(withUnknown);

  const script = '<script>alert("x")</script><b>fett</b>';
  const id = await ask(asker.client, `Titel ${script}`, `Text ${script}`);
  const page = await text(asker.client, `/netzwerk/themen/${id}`);
  expect(page).not.toContain('<script>alert');
  expect(page).not.toContain('<b>fett</b>');
  expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;fett&lt;/b&gt;');

  // The search finds the thread by a word of its text; the search text is shown escaped.
  const found = await text(asker.client, `/netzwerk/themen?q=${encodeURIComponent('TEXT <script>')}`);
  expect(found).toContain(`/netzwerk/themen/${id}"`);
  expect(found).not.toContain('value="TEXT <script>"');
  expect(await text(asker.client, '/netzwerk/themen?q=kein-solches-wort-xyz')).toContain('Keine Themen gefunden.');

  const emptyReply = await asker.client.post(`/netzwerk/themen/${id}`, { intent: 'reply', body: '   ' });
  expect(emptyReply.status()).toBe(400);
  expect(await emptyReply.text()).toContain('Bitte schreiben Sie einen Text.');
  expect((await asker.client.get('/netzwerk/themen/987654321')).status()).toBe(404);
  expect((await asker.client.post('/netzwerk/themen/987654321', { intent: 'reply', body: 'Hallo' })).status()).toBe(404);
  const foreign = await asker.client.post(`/netzwerk/themen/${id}`, { intent: 'useful', post: '987654321' });
  expect(foreign.status()).toBe(404);
  await asker.client.dispose();
});

test('posting floods are refused per member with a German message, the text kept', async ({ baseURL }) => {
  const busy = await member(baseURL!, `Verein Eilig ${unique()}`);
  const id = await ask(busy.client, 'Viele Antworten');
  for (let i = 1; i < 20; i++)
    expect((await busy.client.post(`/netzwerk/themen/${id}`, { intent: 'reply', body: `Nachtrag ${i}` })).status()).toBe(302);
  const refused = await busy.client.post(`/netzwerk/themen/${id}`, { intent: 'reply', body: 'Einer zu viel' });
  expect(refused.status()).toBe(429);
  const page = (await refused.text()).replace(/<!-- -->/g, '');
  expect(page).toContain('Sie haben in der letzten Stunde 20 Beiträge geschrieben.');
  expect(fieldValue(page, 'body')).toBe('Einer zu viel');
  // Replies are paged: the first page shows 50 at most, the thread says how many there are.
  expect(await text(busy.client, `/netzwerk/themen/${id}`)).toContain('19 Antworten');
  await busy.client.dispose();
});

test('a mention notifies the member; the asker accepts one answer; two acceptances at once: one wins', async ({ baseURL }) => {
  const asker = await member(baseURL!, `Gemeinde Fragend ${unique()}`);
  const helper = await member(baseURL!, `Verein Hilfreich ${unique()}`);
  const id = await ask(asker.client, `Losverfahren ${unique()}`, `Weiß @${helper.name} etwas dazu?`);
  expect(lastMailTo(helper.email, /Sie wurden im EBBS-Netzwerk erwähnt/)).toContain(`/netzwerk/themen/${id}?beitrag=`);
  expect(await text(helper.client, '/benachrichtigungen')).toContain(`${asker.name} hat Sie im Thema`);

  for (const body of ['Erste Antwort', 'Zweite Antwort'])
    expect((await helper.client.post(`/netzwerk/themen/${id}`, { intent: 'reply', body })).status()).toBe(302);
  const page = await text(asker.client, `/netzwerk/themen/${id}`);
  const [, first, second] = postIds(page);
  const version = /name="version"[^>]*value="(\d+)"/.exec(page)?.[1] ?? '';
  // Only the asker accepts; the helper's attempt is refused.
  expect((await helper.client.post(`/netzwerk/themen/${id}`, { intent: 'accept', post: String(first), version })).status()).toBe(403);
  const [a, b] = await Promise.all([
    asker.client.post(`/netzwerk/themen/${id}`, { intent: 'accept', post: String(first), version }),
    asker.client.post(`/netzwerk/themen/${id}`, { intent: 'accept', post: String(second), version }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([302, 409]);
  const loser = a.status() === 409 ? a : b;
  expect(await loser.text()).toContain('Inzwischen hat jemand anderes diesen Beitrag oder dieses Thema geändert.');
  const after = await text(asker.client, '/netzwerk/themen');
  expect(after).toMatch(new RegExp(`/netzwerk/themen/${id}"[^>]*>Losverfahren[^<]*</a> <strong class="tag">beantwortet</strong>`));

  // The helper marks the question useful once; a second click takes the mark back. Own posts cannot be marked.
  const opening = postIds(page)[0]!;
  expect((await helper.client.post(`/netzwerk/themen/${id}`, { intent: 'useful', post: String(opening) })).status()).toBe(302);
  expect(await text(asker.client, `/netzwerk/themen/${id}`)).toContain('1 Mitglied fand das nützlich.');
  expect((await helper.client.post(`/netzwerk/themen/${id}`, { intent: 'useful', post: String(opening) })).status()).toBe(302);
  expect(await text(asker.client, `/netzwerk/themen/${id}`)).not.toContain('das nützlich.');
  expect((await asker.client.post(`/netzwerk/themen/${id}`, { intent: 'useful', post: String(opening) })).status()).toBe(400);
  await Promise.all([asker.client.dispose(), helper.client.dispose()]);
});

test('an author edits with the history kept; a reported post hidden by one of two moderators at once; others see the notice', async ({
  baseURL,
}) => {
  const author = await member(baseURL!, `Gemeinde Schreibend ${unique()}`);
  const reader = await member(baseURL!, `Verein Lesend ${unique()}`);
  const moderatorA = await member(baseURL!, `Moderation Eins ${unique()}`, 'advisor');
  const moderatorB = await member(baseURL!, `Moderation Zwei ${unique()}`, 'advisor');
  const id = await ask(author.client, `Bearbeitet ${unique()}`, 'Erste Fassung', 'nein');
  const [postId] = postIds(await text(author.client, `/netzwerk/themen/${id}`));
  const form = await text(author.client, `/netzwerk/themen/${id}?bearbeiten=${postId}`);
  const version = /name="version"[^>]*value="(\d+)"/.exec(form)?.[1] ?? '';
  expect(
    (
      await author.client.post(`/netzwerk/themen/${id}`, { intent: 'edit', post: String(postId), version, body: 'Zweite Fassung' })
    ).status(),
  ).toBe(302);
  // The same (now outdated) version again: refused, nothing overwritten.
  const stale = await author.client.post(`/netzwerk/themen/${id}?bearbeiten=${postId}`, {
    intent: 'edit',
    post: String(postId),
    version,
    body: 'Dritte',
  });
  expect(stale.status()).toBe(409);
  const edited = await text(reader.client, `/netzwerk/themen/${id}`);
  expect(edited).toContain('Zweite Fassung');
  expect(edited).toContain('bearbeitet am');
  expect(edited).toContain('Erste Fassung');
  expect(
    (await reader.client.post(`/netzwerk/themen/${id}`, { intent: 'edit', post: String(postId), version: '1', body: 'Fremd' })).status(),
  ).toBe(403);

  const reportEmpty = await reader.client.post(`/netzwerk/themen/${id}?melden=${postId}`, {
    intent: 'report',
    post: String(postId),
    reason: '',
  });
  expect(reportEmpty.status()).toBe(400);
  expect(await reportEmpty.text()).toContain('Bitte nennen Sie kurz den Grund der Meldung');
  expect(
    (
      await reader.client.post(`/netzwerk/themen/${id}`, { intent: 'report', post: String(postId), reason: 'Werbung für eine Firma' })
    ).status(),
  ).toBe(302);
  expect(await text(moderatorA.client, '/netzwerk/moderation')).toContain('Werbung für eine Firma');
  // A member who is no moderator cannot hide.
  expect(
    (
      await reader.client.post(`/netzwerk/themen/${id}`, { intent: 'hide', post: String(postId), version: '1', reason: 'Werbung' })
    ).status(),
  ).toBe(403);

  const [a, b] = await Promise.all([
    moderatorA.client.post(`/netzwerk/themen/${id}?moderieren=${postId}`, {
      intent: 'hide',
      post: String(postId),
      version: '1',
      reason: 'Werbung',
    }),
    moderatorB.client.post(`/netzwerk/themen/${id}?moderieren=${postId}`, {
      intent: 'hide',
      post: String(postId),
      version: '1',
      reason: 'Reklame',
    }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([302, 409]);
  const hiddenForReader = await text(reader.client, `/netzwerk/themen/${id}`);
  expect(hiddenForReader).toContain('Von der Moderation ausgeblendet');
  expect(hiddenForReader).not.toContain('Zweite Fassung');
  expect(hiddenForReader).not.toContain('Erste Fassung');
  expect(await text(moderatorB.client, `/netzwerk/themen/${id}`)).toContain('Zweite Fassung');
  expect(await text(moderatorA.client, '/netzwerk/moderation')).not.toContain('Werbung für eine Firma');
  // Restored with a reason: visible again.
  expect(
    (
      await moderatorB.client.post(`/netzwerk/themen/${id}`, {
        intent: 'restore',
        post: String(postId),
        version: '2',
        reason: 'Doch zulässig',
      })
    ).status(),
  ).toBe(302);
  expect(await text(reader.client, `/netzwerk/themen/${id}`)).toContain('Zweite Fassung');
  await Promise.all([author.client.dispose(), reader.client.dispose(), moderatorA.client.dispose(), moderatorB.client.dispose()]);
});

test('the forms below a post keep the heading order: h2 under the question (below the h1), h3 under a reply (below "Antworten")', async ({
  baseURL,
}) => {
  const author = await member(baseURL!, `Gemeinde Gliedernd ${unique()}`);
  const reader = await member(baseURL!, `Verein Gliedernd ${unique()}`);
  const moderator = await member(baseURL!, `Moderation Gliedernd ${unique()}`, 'advisor');
  const id = await ask(author.client, `Überschriften ${unique()}`);
  expect((await reader.client.post(`/netzwerk/themen/${id}`, { intent: 'reply', body: 'Eine Antwort' })).status()).toBe(302);
  const [question, reply] = postIds(await text(author.client, `/netzwerk/themen/${id}`));
  const headingOf = async (client: Client, query: string, form: string) =>
    new RegExp(`<(h[1-6]) id="${form}-titel"`).exec(await text(client, `/netzwerk/themen/${id}?${query}`))?.[1];
  expect(await headingOf(author.client, `bearbeiten=${question}`, 'bearbeiten')).toBe('h2');
  expect(await headingOf(reader.client, `bearbeiten=${reply}`, 'bearbeiten')).toBe('h3');
  expect(await headingOf(reader.client, `melden=${question}`, 'melden')).toBe('h2');
  expect(await headingOf(author.client, `melden=${reply}`, 'melden')).toBe('h3');
  expect(await headingOf(moderator.client, `moderieren=${question}`, 'moderieren')).toBe('h2');
  expect(await headingOf(moderator.client, `moderieren=${reply}`, 'moderieren')).toBe('h3');
  await Promise.all([author.client.dispose(), reader.client.dispose(), moderator.client.dispose()]);
});

test('a blocked member sees no topics and cannot post (403); the moderation page is for moderators only', async ({ baseURL }) => {
  const blocked = await member(baseURL!, `Gesperrt ${unique()}`);
  const db = openE2eDatabase();
  try {
    await setMemberBlocked(db, blocked.memberId, 'Test der Sperre');
  } finally {
    await db.destroy();
  }
  for (const path of ['/netzwerk/themen', '/netzwerk/themen/1', '/netzwerk/moderation'])
    expect((await blocked.client.get(path)).status(), path).toBe(403);
  expect((await blocked.client.post('/netzwerk/themen/1', { intent: 'reply', body: 'Trotzdem' })).status()).toBe(403);
  expect((await blocked.client.post('/netzwerk/themen', { category: 'recht', title: 'x', body: 'y', question: 'nein' })).status()).toBe(
    403,
  );
  const plain = await member(baseURL!, `Ohne Moderation ${unique()}`);
  expect((await plain.client.get('/netzwerk/moderation')).status()).toBe(403);
  expect((await plain.client.post('/netzwerk/moderation', { intent: 'dismiss', post: '2' })).status()).toBe(403);
  await Promise.all([blocked.client.dispose(), plain.client.dispose()]);
});
