import { expect, test } from '@playwright/test';
import { clientFor, type Client } from '../support/http';

async function formatsOf(client: Client, id: string): Promise<Array<{ format: string }>> {
  const exported = (await (await client.get(`/antraege/${id}/export.json`)).json()) as {
    application: { project: { formats: Array<{ format: string }> } };
  };
  return exported.application.project.formats;
}

/**
 * "Methode übernehmen" under load: many simultaneous posts into one draft. Every method ends up as
 * exactly one format – none lost to a version conflict, none doubled by a repeated click.
 */
test('simultaneous "Methode übernehmen" posts add every method exactly once', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  const created = await client.post('/antraege/neu', {});
  const id = /\/antraege\/(\d+)/.exec(created.headers().location!)![1]!;
  const methods = ['world-cafe', 'open-space', 'buergerrat', 'mediation', 'runder-tisch', 'zukunftswerkstatt'];
  const posts = [...methods, ...methods, ...methods].map((methode) => client.post('/methoden/uebernehmen', { methode, antrag: id }));
  const responses = await Promise.all(posts);
  for (const response of responses) {
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(new RegExp(`^/antraege/${id}/vorhaben\\?methode=(uebernommen|vorhanden)#formate$`));
  }
  const formats = (await formatsOf(client, id)).map((f) => f.format).sort();
  expect(formats).toEqual(['buergerrat', 'mediation', 'open-space', 'runder-tisch', 'world-cafe', 'zukunftswerkstatt']);
  expect(responses.filter((r) => r.headers().location!.includes('uebernommen'))).toHaveLength(methods.length);
  await client.dispose();
});

test('bad input to "Methode übernehmen" never changes a draft and never fails with 500', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  const created = await client.post('/antraege/neu', {});
  const id = /\/antraege\/(\d+)/.exec(created.headers().location!)![1]!;
  const cases: Array<[Record<string, string>, number]> = [
    [{ methode: '<script>', antrag: id }, 404],
    [{ methode: 'buergerrat', antrag: 'x'.repeat(10_000) }, 302],
    [{ methode: 'buergerrat', antrag: '-1' }, 302],
    [{ methode: 'einwohnerversammlung', antrag: id }, 302],
    [{ methode: 'buergerrat' }, 302],
  ];
  for (const [form, status] of cases) {
    const response = await client.post('/methoden/uebernehmen', form);
    expect(response.status(), JSON.stringify(form).slice(0, 80)).toBe(status);
    if (status === 302)
      expect(response.headers().location).toMatch(/^\/methoden\/[a-z-]+\?uebernahme=(ausgeschlossen|kein-antrag)#uebernehmen$/);
  }
  expect(await formatsOf(client, id)).toEqual([]);
  // Without a CSRF token nothing happens at all.
  expect((await client.post('/methoden/uebernehmen', { methode: 'buergerrat', antrag: id }, { csrf: null })).status()).toBe(403);
  await client.dispose();
});
