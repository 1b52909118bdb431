import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createTestApplicant, createTestNetworkMember } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';

/**
 * The ranked thread search of the EBBS network (issue 20 Nr. 3, ADR 0076) at the request level: odd
 * input gets a German message at the search field and never a 500; title hits come first; a hidden
 * reply is not found; non-members see no results. Each test searches words of its own.
 */

const text = async (client: Client, path: string) => {
  const response = await client.get(path);
  expect(response.status(), path.slice(0, 120)).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, '');
};
/** A made-up word no other test writes (letters only, so the stemmer keeps it whole enough). */
const word = () =>
  `Quorx${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)}feld`;

async function member(baseURL: string, name: string, role: 'applicant' | 'advisor' = 'applicant') {
  const created = await createTestNetworkMember(name, role);
  return { ...created, client: await clientFor(baseURL, created) };
}

async function startThread(client: Client, title: string, body: string): Promise<number> {
  const response = await client.post('/netzwerk/themen', { category: 'methoden', title, body, question: 'nein' });
  expect(response.status(), await response.text()).toBe(302);
  return Number(/\/netzwerk\/themen\/(\d+)/.exec(response.headers().location ?? '')?.[1]);
}

/** The threads of the result list, in its order. */
const resultIds = (html: string) =>
  [...(/<ul class="topic-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<li><a [^>]*href="\/netzwerk\/themen\/(\d+)/g)].map((m) =>
    Number(m[1]),
  );

test('odd searches: a German message at the field or an empty list, never a 500', async ({ baseURL }) => {
  const reader = await member(baseURL!, `Suchende ${randomUUID().slice(0, 8)}`);
  const tooLong = await text(reader.client, `/netzwerk/themen?q=${'x'.repeat(10_000)}`);
  expect(tooLong).toContain('Ihr Suchbegriff ist zu lang. Bitte verwenden Sie höchstens 200 Zeichen.');
  expect(tooLong).toMatch(/<input[^>]*aria-invalid="true"[^>]*aria-describedby="q-fehler"/);
  expect(tooLong).toContain('0 Themen');
  for (const q of ['!!! ??? … ---', '%', '_', '"*"', "'", '\\', 'und die der']) {
    const page = await text(reader.client, `/netzwerk/themen?q=${encodeURIComponent(q)}`);
    expect(page, q).toContain('Ihre Suche enthält keine Wörter, nach denen wir suchen können.');
    expect(page, q).toContain('0 Themen');
  }
  for (const path of [
    `/netzwerk/themen?q=${encodeURIComponent("x' OR 1=1 --")}`,
    `/netzwerk/themen?q=${encodeURIComponent('NEAR(a b) AND kind:*')}&kategorie=%3Cscript%3E&seite=99999`,
    `/netzwerk/themen?q=${encodeURIComponent('Jugend')}&seite=-3`,
    `/netzwerk/themen?q=${encodeURIComponent('\u0000\uFFFF😀')}`,
  ])
    expect(await text(reader.client, path)).toContain('Themen</h2>');
  await reader.client.dispose();
});

test('title hits first, a word of a reply finds its thread with an excerpt, a hidden reply is not found, non-members see nothing', async ({
  baseURL,
}) => {
  const asker = await member(baseURL!, `Gemeinde Suche ${randomUUID().slice(0, 8)}`);
  const moderator = await member(baseURL!, `Moderation Suche ${randomUUID().slice(0, 8)}`, 'advisor');
  const key = word();
  const inReply = await startThread(asker.client, 'Erfahrungen aus dem Ortsteil', 'Wer hat schon einmal so etwas gemacht?');
  const reply = await asker.client.post(`/netzwerk/themen/${inReply}`, {
    intent: 'reply',
    body: `Wir haben das ${key} zweimal ausprobiert: ${key} am Abend.`,
  });
  expect(reply.status()).toBe(302);
  const replyId = Number(/beitrag[-=](\d+)/.exec(reply.headers().location ?? '')?.[1]);
  const inTitle = await startThread(asker.client, `Das ${key} im Dorf`, 'Ein Bericht ohne das Stichwort im Text.');

  const page = await text(asker.client, `/netzwerk/themen?q=${key}`);
  expect(resultIds(page)).toEqual([inTitle, inReply]);
  expect(page).toContain('2 Themen');
  expect(page).toContain(`Aus einer Antwort: Wir haben das ${key} zweimal ausprobiert: ${key} am Abend.`);
  expect(page).toContain(`href="/netzwerk/themen/${inReply}?beitrag=${replyId}#beitrag-${replyId}"`);
  expect(resultIds(await text(asker.client, `/netzwerk/themen?q=${key}&kategorie=recht`))).toEqual([]);

  const hide = await moderator.client.post(`/netzwerk/themen/${inReply}?moderieren=${replyId}`, {
    intent: 'hide',
    post: String(replyId),
    version: '0',
    reason: 'Test der Suche',
  });
  expect(hide.status()).toBe(302);
  const afterHide = await text(asker.client, `/netzwerk/themen?q=${key}`);
  expect(resultIds(afterHide)).toEqual([inTitle]);
  expect(afterHide).not.toContain('zweimal ausprobiert');

  const outsider = await createTestApplicant('Gemeinde Wiesenbach');
  const outsiderClient = await clientFor(baseURL!, outsider);
  const refused = await outsiderClient.get(`/netzwerk/themen?q=${key}`);
  expect(refused.status()).toBe(302);
  expect(refused.headers().location).toBe('/netzwerk');
  expect(await refused.text()).not.toContain(key);
  for (const c of [asker.client, moderator.client, outsiderClient]) await c.dispose();
});
