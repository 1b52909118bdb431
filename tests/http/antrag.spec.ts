import { expect, test } from '@playwright/test';
import { e2eDatabase, expireSessionsOf } from '../support/e2e-database';
import { clientFor, csrfFrom, type Client } from '../support/http';

async function newApplication(client: Client): Promise<string> {
  const created = await client.post('/antraege/neu', {});
  expect(created.status()).toBe(302);
  return /\/antraege\/\d+/.exec(created.headers().location ?? '')![0];
}

async function versionOf(client: Client, path: string): Promise<string> {
  const html = await (await client.get(path)).text();
  return /name="version"[^>]*value="(\d+)"/.exec(html)![1]!;
}

test('anything a browser can send gets a German message at the field, never a 500', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune2');
  const app = await newApplication(client);
  const attempts: Array<[string, Record<string, string>, string]> = [
    ['vorhaben', { title: 'x'.repeat(100_000) }, 'Bitte kürzen Sie den Titel auf höchstens 200 Zeichen (eingegeben: 100.000).'],
    ['vorhaben', { title: '😀'.repeat(201) }, 'eingegeben: 201'],
    ['vorhaben', { route: 'A9.9' }, ''],
    ['zeitplan', { start: '31.02.2026' }, 'Den 31.02.2026 gibt es nicht.'],
    ['zeitplan', { start: '2026-13-01' }, ''],
    ['zeitplan', { start: '01.03.2027', end: '01.01.2027', alreadyStarted: 'nein' }, 'Das Ende muss nach dem Beginn liegen.'],
    ['antragsteller', { 'organisation.name': '<script>alert(1)</script>\u0000\u0007', isVerbund: 'vielleicht' }, ''],
  ];
  for (const [step, form, message] of attempts) {
    const version = await versionOf(client, `${app}/${step}`);
    const response = await client.post(`${app}/${step}`, { ...form, version, intent: 'weiter' });
    expect(response.status(), `${step} ${JSON.stringify(form).slice(0, 60)}`).toBe(400);
    const body = await response.text();
    if (message) expect(body).toContain(message);
    expect(body).not.toContain('<script>alert(1)</script>');
  }
  await client.dispose();
});

test('negative and absurd amounts are refused at the field in the budget', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune2');
  const app = await newApplication(client);
  let version = await versionOf(client, `${app}/zeitplan`);
  await client.post(`${app}/zeitplan`, { start: '01.03.2027', end: '31.12.2027', alreadyStarted: 'nein', version, intent: 'speichern' });
  // Kosten needs a complete Vorhaben; an invalid amount in a saved draft still reaches the field via the form schema.
  version = await versionOf(client, `${app}/zeitplan`);
  const response = await client.post(`${app}/zeitplan`, {
    version,
    intent: 'weiter',
    start: '01.03.2027',
    end: '31.12.2027',
    alreadyStarted: 'nein',
    'milestones[0].id': 'm1',
    'milestones[0].title': 'Auftakt',
    'milestones[0].date': '-1',
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('TT.MM.JJJJ');
  await client.dispose();
});

test('a save from a stale page never overwrites silently: 409 with both versions', async ({ baseURL }) => {
  const tab1 = await clientFor(baseURL!, 'kommune');
  const app = await newApplication(tab1);
  const staleVersion = await versionOf(tab1, `${app}/vorhaben`);
  const first = await tab1.post(`${app}/vorhaben`, { version: staleVersion, intent: 'speichern', title: 'Fassung der Kollegin' });
  expect(first.status()).toBe(302);
  const second = await tab1.post(`${app}/vorhaben`, { version: staleVersion, intent: 'speichern', title: 'Meine Fassung' });
  expect(second.status()).toBe(409);
  const body = await second.text();
  expect(body).toContain('Jemand anderes hat diesen Abschnitt inzwischen geändert');
  expect(body).toContain('Meine Fassung');
  expect(body).toContain('Fassung der Kollegin');
  // Named as on the form, with who saved last.
  expect(body).toContain('<th scope="row">Titel des Vorhabens</th>');
  expect(body).toContain('von Sabine Krause');
  // The stored title is still the first one.
  expect(await (await tab1.get(`${app}/vorhaben`)).text()).toContain('value="Fassung der Kollegin"');
  await tab1.dispose();
});

test('a submit that races its own autosave is no conflict when nothing differs', async ({ baseURL }) => {
  const tab = await clientFor(baseURL!, 'kommune');
  const app = await newApplication(tab);
  const pageVersion = await versionOf(tab, `${app}/vorhaben`);
  // The autosave of the same input lands first and advances the version …
  const autosave = await tab.post(`${app}/vorhaben`, { version: pageVersion, intent: 'autosave', title: 'Gleicher Titel' });
  expect(autosave.status()).toBe(200);
  // … then the button press with the page's old version and the same values goes through.
  const submit = await tab.post(`${app}/vorhaben`, { version: pageVersion, intent: 'speichern', title: 'Gleicher Titel' });
  expect(submit.status()).toBe(302);
  expect(submit.headers().location).toContain('hinweis=gespeichert');
  // A different value with the old version is still a conflict.
  const other = await tab.post(`${app}/vorhaben`, { version: pageVersion, intent: 'speichern', title: 'Anderer Titel' });
  expect(other.status()).toBe(409);
  await tab.dispose();
});

test('input posted after the session expired is kept, and saved after signing in again', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  const app = await newApplication(client);
  const version = await versionOf(client, `${app}/vorhaben`);
  expireSessionsOf('verein@demo.example');
  const posted = await client.post(`${app}/vorhaben`, {
    version,
    intent: 'speichern',
    title: 'Nachbarschaftsgespräche Görlitz',
    summary: 'Lange getippt.',
  });
  expect(posted.status()).toBe(302);
  const location = posted.headers().location!;
  expect(location).toMatch(/^\/anmelden\?grund=expired&weiter=%2Fantraege%2Fwiederherstellen%2F/);
  const signInPage = await client.get(location);
  expect(await signInPage.text()).toContain('Ihre Sitzung ist abgelaufen');
  const weiter = decodeURIComponent(/weiter=([^&]+)/.exec(location)![1]!);
  const signedIn = await client.api.post('/anmelden', {
    form: { email: 'verein@demo.example', password: 'Demo-Passwort-2026', weiter, csrf: csrfFrom(await signInPage.text()) },
  });
  expect(signedIn.headers().location).toBe(weiter);
  const restored = await client.get(weiter);
  expect(restored.headers().location).toBe(`${app}?hinweis=wiederhergestellt`);
  const step = await (await client.get(`${app}/vorhaben`)).text();
  expect(step).toContain('value="Nachbarschaftsgespräche Görlitz"');
  expect(step).toContain('Lange getippt.');
  // The kept input can be used once only.
  expect((await client.get(weiter)).headers().location).toBe('/antraege');
  await client.dispose();
});

test('kept input meets a colleague’s save: the conflict view shows both, and nothing is dropped until saved', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  const colleague = await clientFor(baseURL!, 'kommune2');
  const app = await newApplication(client);
  const version = await versionOf(client, `${app}/vorhaben`);
  expireSessionsOf('kommune@demo.example');
  const posted = await client.post(`${app}/vorhaben`, { version, intent: 'speichern', title: 'Meine lange Fassung' });
  const location = posted.headers().location!;
  const weiter = decodeURIComponent(/weiter=([^&]+)/.exec(location)![1]!);
  // Meanwhile a colleague saves the same section.
  const colleagueVersion = await versionOf(colleague, `${app}/vorhaben`);
  expect(
    (await colleague.post(`${app}/vorhaben`, { version: colleagueVersion, intent: 'speichern', title: 'Fassung der Kollegin' })).status(),
  ).toBe(302);
  const signInPage = await client.get(location);
  await client.api.post('/anmelden', {
    form: { email: 'kommune@demo.example', password: 'Demo-Passwort-2026', weiter, csrf: csrfFrom(await signInPage.text()) },
  });
  const conflict = await client.get(weiter);
  expect(conflict.status()).toBe(200);
  const html = await conflict.text();
  expect(html).toContain('Jemand anderes hat diesen Abschnitt inzwischen geändert');
  expect(html).toContain('Meine lange Fassung');
  expect(html).toContain('Fassung der Kollegin');
  // Reloading shows the same choice again: the kept input is still there.
  expect(await (await client.get(weiter)).text()).toContain('Meine lange Fassung');
  const currentVersion = /name="version" value="(\d+)"/.exec(html)![1]!;
  const saved = await client.post(`${app}/vorhaben`, { version: currentVersion, intent: 'speichern', title: 'Meine lange Fassung' });
  expect(saved.status()).toBe(302);
  expect(await (await client.get(`${app}/vorhaben`)).text()).toContain('value="Meine lange Fassung"');
  await client.dispose();
  await colleague.dispose();
});

test('an application recorded as submitted shows its status in the list and cannot be deleted', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune2');
  const app = await newApplication(client);
  const statusPage = await (await client.get(`${app}/status`)).text();
  const reviewVersion = /name="reviewVersion" value="(\d+)"/.exec(statusPage)![1]!;
  const today = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );
  const recorded = await client.post(`${app}/status`, {
    intent: 'einreichung.erfassen',
    date: today,
    reference: 'SAB-2026-0815',
    reviewVersion,
  });
  expect(recorded.status()).toBe(302);
  const list = await (await client.get('/antraege')).text();
  const rowHtml = list.slice(list.indexOf(`href="${app}"`), list.indexOf('</tr>', list.indexOf(`href="${app}"`)));
  expect(rowHtml).toContain('Bei der SAB eingereicht');
  expect(rowHtml).not.toContain(`${app}/loeschen`);
  expect(await (await client.get(`${app}/loeschen`)).text()).toContain('kann nicht gelöscht werden');
  const refused = await client.post(`${app}/loeschen`, {});
  expect(refused.status()).toBe(409);
  const db = e2eDatabase();
  const stored = db.prepare('select deleted_at from applications where id = ?').get(Number(app.split('/').at(-1))) as {
    deleted_at: string | null;
  };
  db.close();
  expect(stored.deleted_at).toBeNull();
  await client.dispose();
});

test('colleagues saving different sections at the same time keep both: no conflict, nothing overwritten', async ({ baseURL }) => {
  const me = await clientFor(baseURL!, 'kommune');
  const colleague = await clientFor(baseURL!, 'kommune2');
  const app = await newApplication(me);
  const myVersion = await versionOf(me, `${app}/zeitplan`);
  // The colleague saves Vorhaben after I opened Zeitplan …
  const theirVersion = await versionOf(colleague, `${app}/vorhaben`);
  expect(
    (await colleague.post(`${app}/vorhaben`, { version: theirVersion, intent: 'speichern', title: 'Titel der Kollegin' })).status(),
  ).toBe(302);
  // … then I save Zeitplan with the version my page was loaded with.
  const mine = await me.post(`${app}/zeitplan`, {
    version: myVersion,
    intent: 'speichern',
    start: '01.03.2027',
    end: '31.12.2027',
    alreadyStarted: 'nein',
  });
  expect(mine.status()).toBe(302);
  expect(await (await me.get(`${app}/vorhaben`)).text()).toContain('value="Titel der Kollegin"');
  expect(await (await me.get(`${app}/zeitplan`)).text()).toContain('value="01.03.2027"');
  // A stale save of the section the colleague changed is still a conflict.
  const stale = await me.post(`${app}/vorhaben`, { version: myVersion, intent: 'speichern', title: 'Mein Titel' });
  expect(stale.status()).toBe(409);
  await me.dispose();
  await colleague.dispose();
});
