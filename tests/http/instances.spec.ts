import { expect, request, test } from '@playwright/test';
import { e2eServerInfo } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';

// Runs only in the project http-pg: two app instances on one PostgreSQL database (ADR 0034).

async function newApplication(client: Client): Promise<string> {
  const created = await client.post('/antraege/neu', {});
  expect(created.status()).toBe(302);
  return /\/antraege\/\d+/.exec(created.headers().location ?? '')![0];
}

async function versionOf(client: Client, path: string): Promise<number> {
  const html = await (await client.get(path)).text();
  return Number(/name="version"[^>]*value="(\d+)"/.exec(html)![1]);
}

function instances(): [string, string] {
  const [a, b] = e2eServerInfo().instances;
  expect(a && b, 'two app instances').toBeTruthy();
  return [a!, b!];
}

test('a session, its CSRF token and a draft begun on one instance carry on at the other', async () => {
  const [a, b] = instances();
  const onA = await clientFor(a, 'kommune');
  const app = await newApplication(onA);
  // The same cookies and token, sent to the other instance.
  const api = await request.newContext({ baseURL: b, maxRedirects: 0, storageState: await onA.api.storageState() });
  const page = await (await api.get(`${app}/vorhaben`)).text();
  const version = /name="version"[^>]*value="(\d+)"/.exec(page)![1]!;
  const saved = await api.post(`${app}/vorhaben`, { form: { version, intent: 'speichern', title: 'Auf B gespeichert', csrf: onA.csrf } });
  expect(saved.status()).toBe(302);
  expect(await (await onA.get(`${app}/vorhaben`)).text()).toContain('value="Auf B gespeichert"');
  await api.dispose();
  await onA.dispose();
});

test('many simultaneous saves of one version through both instances: exactly one wins, the others get 409, nothing is lost', async () => {
  const [a, b] = instances();
  const colleagues = await Promise.all([
    clientFor(a, 'kommune'),
    clientFor(b, 'kommune2'),
    clientFor(a, 'kommune2'),
    clientFor(b, 'kommune'),
  ]);
  const app = await newApplication(colleagues[0]!);
  const version = await versionOf(colleagues[0]!, `${app}/vorhaben`);
  const attempts = 24;
  const responses = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      colleagues[i % colleagues.length]!.post(`${app}/vorhaben`, { version: String(version), intent: 'speichern', title: `Fassung ${i}` }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 302)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(attempts - 1);
  const winner = statuses.indexOf(302);
  // The stored draft is the winner's, one version further, with one save in its history.
  for (const client of colleagues.slice(0, 2)) {
    expect(await (await client.get(`${app}/vorhaben`)).text()).toContain(`value="Fassung ${winner}"`);
    expect(await versionOf(client, `${app}/vorhaben`)).toBe(version + 1);
  }
  // Every refused save shows the user's own text beside the winner's (409 page keeps the input).
  const refused = responses.findIndex((r) => r.status() === 409);
  const body = await responses[refused]!.text();
  expect(body).toContain(`Fassung ${refused}`);
  expect(body).toContain(`Fassung ${winner}`);

  // A second round on the new version: again exactly one.
  const round2 = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      colleagues[i % colleagues.length]!.post(`${app}/vorhaben`, {
        version: String(version + 1),
        intent: 'speichern',
        title: `Runde 2 – ${i}`,
      }),
    ),
  );
  expect(round2.filter((r) => r.status() === 302)).toHaveLength(1);
  expect(await versionOf(colleagues[1]!, `${app}/vorhaben`)).toBe(version + 2);
  await Promise.all(colleagues.map((c) => c.dispose()));
});

test('the readiness probe of each instance answers while the database is reachable', async () => {
  for (const instance of instances()) {
    const response = await fetch(`${instance}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  }
});
