import { expect, test } from '@playwright/test';
import { connect } from 'node:net';
import { clientFor } from '../support/http';

test('an upload answered before it is read (unknown draft) leaves the connection usable for the next request', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  for (let i = 0; i < 3; i += 1) {
    // Node's fetch keeps the connection alive between these requests.
    const form = new FormData();
    form.append('csrf', client.csrf);
    form.append('text', 'ä'.repeat(300_000));
    const cookie = (await client.api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const refused = await fetch(`${baseURL}/antraege/999999/loeschen`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { Cookie: cookie },
    });
    expect(refused.status).toBe(404);
    await refused.text();
    const next = await fetch(`${baseURL}/healthz`);
    expect(next.status).toBe(200);
  }
  await client.dispose();
});

test('a status form sent from a page that is out of date shows its answer, though the page no longer offers the form', async ({
  baseURL,
}) => {
  const client = await clientFor(baseURL!, 'kommune');
  const created = await client.post('/antraege/neu', {});
  const id = /\/antraege\/(\d+)/.exec(created.headers().location ?? '')![1];
  const reviewVersion = /name="reviewVersion" value="(\d+)"/.exec(await (await client.get(`/antraege/${id}/status`)).text())![1]!;
  const ask = { intent: 'beratung.anfragen', reviewVersion, advisor: '', note: '' };
  expect((await client.post(`/antraege/${id}/status`, ask)).status()).toBe(302);
  // The same form again, as from a second tab opened before: the request is no longer offered.
  for (const body of [ask, { ...ask, advisor: 'gibt-es-nicht' }]) {
    const stale = await client.post(`/antraege/${id}/status`, body);
    expect(stale.status()).toBeGreaterThanOrEqual(400);
    const main = /<main\b[\s\S]*<\/main>/.exec(await stale.text())![0];
    expect(main).not.toContain('name="intent" value="beratung.anfragen"');
    expect(main).toMatch(/role="alert"><p>[^<]*(nicht|Stand)[^<]*<\/p>/);
  }
  await client.dispose();
});

test('a form sent to a page that takes none is answered in German, without the framework’s English text', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'anonymous');
  for (const path of ['/impressum', '/regeln', '/gibt-es-nicht']) {
    const response = await client.post(path, { text: 'Hallo' });
    expect(response.status(), path).toBe(405);
    const main = /<main\b[\s\S]*<\/main>/.exec(await response.text())![0];
    expect(main, path).toContain('Diese Seite nimmt keine Formulare entgegen.');
    expect(main, path).not.toContain('You made a POST request');
  }
  await client.dispose();
});

test('a body naming a list row beyond any form of ours is refused in German before a page renders that many rows', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  const created = await client.post('/antraege/neu', {});
  const id = /\/antraege\/(\d+)/.exec(created.headers().location ?? '')![1];
  for (const name of ['parts[2000].title', 'milestones[99999].x', 'lines[0].x[123456]']) {
    const refused = await client.post(`/antraege/${id}/vorhaben`, { [name]: '1', intent: 'weiter' });
    expect(refused.status(), name).toBe(400);
    const main = /<main\b[\s\S]*<\/main>/.exec(await refused.text())![0];
    expect(main, name).toContain('mehr als 2.000 Einträgen');
  }
  // The largest list a form has (2 000 cost lines) still reaches the step's own validation.
  const largest = await client.post(`/antraege/${id}/kosten`, { 'lines[1999].description': 'Moderation', intent: 'weiter' });
  expect(await largest.text()).not.toContain('mehr als 2.000 Einträgen');
  await client.dispose();
});

test('a keep-alive connection idle for longer than Node’s default 5 s is still served (a proxy reusing it sees no reset)', async ({
  baseURL,
}) => {
  const { hostname, port } = new URL(baseURL!);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  const ask = () => socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`);
  const answers = () => received.match(/^HTTP\/1\.1 200/gm)?.length ?? 0;
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  ask();
  await expect.poll(answers).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(socket.destroyed || socket.readyState !== 'open', 'the server closed the idle connection').toBe(false);
  ask();
  await expect.poll(answers).toBe(2);
  socket.destroy();
});
