import { expect, test } from '@playwright/test';
import { createTestAdvisor, e2eDatabase } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';

/** Advice on drafts at the HTTP level: who sees what, and every refusal leaves the state as it was. */

async function newDraft(client: Client, title: string): Promise<number> {
  const created = await client.post('/antraege/neu', {});
  const id = Number(/\/antraege\/(\d+)/.exec(created.headers().location ?? '')![1]);
  const html = await (await client.get(`/antraege/${id}/vorhaben`)).text();
  const version = /name="version"[^>]*value="(\d+)"/.exec(html)![1]!;
  const saved = await client.post(`/antraege/${id}/vorhaben`, { title, version, intent: 'speichern' });
  expect(saved.status()).toBe(302);
  return id;
}

async function reviewVersion(client: Client, path: string): Promise<string> {
  const html = await (await client.get(path)).text();
  return /name="reviewVersion" value="(\d+)"/.exec(html)![1]!;
}

function row(id: number) {
  const db = e2eDatabase();
  const result = db.prepare('select status, review_version from applications where id = ?').get(id) as { status: string; review_version: number };
  db.close();
  return result;
}

function commentIds(id: number): Array<{ id: number; internal: number; parent_id: number | null }> {
  const db = e2eDatabase();
  const rows = db.prepare('select id, internal, parent_id from comments where application_id = ? order by id').all(id) as Array<{ id: number; internal: number; parent_id: number | null }>;
  db.close();
  return rows;
}

async function sharedAndTaken(applicant: Client, advisor: Client, title: string) {
  const id = await newDraft(applicant, title);
  const asked = await applicant.post(`/antraege/${id}/status`, { intent: 'beratung.anfragen', advisor: '', note: 'Bitte Finanzplan ansehen.', reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`) });
  expect(asked.headers().location).toBe(`/antraege/${id}?hinweis=beratung.anfragen`);
  const taken = await advisor.post(`/beratung/${id}`, { intent: 'beratung.uebernehmen', reviewVersion: await reviewVersion(advisor, `/beratung/${id}`) });
  expect(taken.status()).toBe(302);
  return id;
}

test('advisors see a draft only once it is shared, and applicants never see internal notes', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await newDraft(applicant, 'Geteilter Entwurf');
  for (const path of [`/beratung/${id}`, `/antraege/${id}/pdf`, `/antraege/${id}/export.json`, `/antraege/${id}/protokoll`]) {
    expect((await advisor.get(path)).status(), path).toBe(404);
  }
  expect(await (await advisor.get('/beratung')).text()).not.toContain(`/beratung/${id}"`);

  await applicant.post(`/antraege/${id}/status`, { intent: 'beratung.anfragen', advisor: '', reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`) });
  expect(await (await advisor.get('/beratung')).text()).toContain(`/beratung/${id}"`);
  expect((await advisor.get(`/beratung/${id}`)).status()).toBe(200);
  // Reading is allowed from the pool; commenting only after taking the draft.
  const early = await advisor.post(`/beratung/${id}`, { intent: 'kommentar.neu', step: 'vorhaben', field: '', body: 'Zu früh' });
  expect(early.status()).toBe(400);
  expect(await early.text()).toContain('Bitte übernehmen Sie die Beratung dieses Antrags, bevor Sie kommentieren.');
  expect(commentIds(id)).toEqual([]);

  await advisor.post(`/beratung/${id}`, { intent: 'beratung.uebernehmen', reviewVersion: await reviewVersion(advisor, `/beratung/${id}`) });
  expect((await advisor.post(`/beratung/${id}`, { intent: 'kommentar.neu', step: 'vorhaben', field: '', body: 'GEHEIM-7731: Verbund klären', internal: 'on' })).status()).toBe(302);
  expect((await advisor.post(`/beratung/${id}`, { intent: 'kommentar.neu', step: 'vorhaben', field: 'title', body: 'Bitte den Titel schärfen.' })).status()).toBe(302);
  expect(await (await advisor.get(`/beratung/${id}`)).text()).toContain('GEHEIM-7731');

  for (const path of [`/antraege/${id}`, `/antraege/${id}/vorhaben`, `/antraege/${id}/protokoll`, `/antraege/${id}/status`, '/benachrichtigungen', '/postfach', `/antraege/${id}/export.json`]) {
    expect(await (await applicant.get(path)).text(), path).not.toContain('GEHEIM-7731');
  }
  const step = await (await applicant.get(`/antraege/${id}/vorhaben`)).text();
  expect(step).toContain('Bitte den Titel schärfen.');
  expect(step).toContain('1 offener Kommentar');

  // Replying to or resolving the internal note by its id: as if it did not exist.
  const internal = commentIds(id).find((c) => c.internal === 1)!;
  for (const intent of ['kommentar.antwort', 'kommentar.erledigt']) {
    const response = await applicant.post(`/antraege/${id}/vorhaben`, { intent, comment: String(internal.id), body: 'Ich sehe dich' });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('Diesen Kommentar gibt es nicht mehr.');
  }
  expect(commentIds(id).filter((c) => c.parent_id === internal.id)).toEqual([]);

  // The organisation is notified in the app and by e-mail (dev mailbox).
  expect(await (await applicant.get('/benachrichtigungen')).text()).toContain('Neuer Kommentar der Beratung');
  expect(await (await applicant.get('/postfach')).text()).toContain('Neuer Kommentar: Geteilter Entwurf');
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('"Übernehmen" in the queue reveals nothing about drafts the advisor may not read', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const neutral = 'Dieser Antrag wartet nicht (mehr) auf Beratung.';
  const text = async (id: number) => {
    const response = await advisor.post('/beratung', { id: String(id) });
    expect(response.status()).toBe(200);
    return (await response.text()).replace(/<!-- -->/g, '');
  };
  // A private draft, never shared: the same answer as for an id that does not exist.
  const secret = await newDraft(applicant, 'Vertraulich 5521');
  const privateAnswer = await text(secret);
  expect(privateAnswer).toContain(neutral);
  expect(privateAnswer).not.toContain('Vertraulich 5521');
  expect(await text(999_999)).toContain(neutral);
  expect(row(secret).status).toBe('entwurf');

  // A draft another advisor took: neutral as well (the title is not this advisor's business).
  const other = await createTestAdvisor();
  const colleague = await clientFor(baseURL!, other);
  const taken = await sharedAndTaken(applicant, colleague, 'Vergeben 8830');
  const takenAnswer = await text(taken);
  expect(takenAnswer).toContain(neutral);
  expect(takenAnswer).not.toContain('Vergeben 8830');

  // A draft this advisor already advises: said with its title.
  const mine = await sharedAndTaken(applicant, advisor, 'Meins 3310');
  expect(await text(mine)).toContain('Sie beraten „Meins 3310“ bereits.');
  await Promise.all([applicant.dispose(), advisor.dispose(), colleague.dispose()]);
});

test('ending the advice takes the draft away from the advisor; asked again it can be taken again', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Beendet 6120');
  const ended = await applicant.post(`/antraege/${id}/status`, { intent: 'beratung.beenden', reason: '', reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`) });
  expect(ended.headers().location).toBe(`/antraege/${id}?hinweis=beratung.beenden`);
  expect(row(id).status).toBe('entwurf');
  for (const path of [`/beratung/${id}`, `/antraege/${id}/pdf`, `/antraege/${id}/export.json`, `/antraege/${id}/protokoll`]) {
    expect((await advisor.get(path)).status(), path).toBe(404);
  }
  expect((await advisor.post(`/beratung/${id}`, { intent: 'kommentar.neu', step: 'vorhaben', field: '', body: 'Noch da?' })).status()).toBe(404);
  expect(commentIds(id)).toEqual([]);
  expect(await (await advisor.get('/beratung')).text()).not.toContain('Beendet 6120');

  await applicant.post(`/antraege/${id}/status`, { intent: 'beratung.anfragen', advisor: '', reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`) });
  const taken = await advisor.post('/beratung', { id: String(id) });
  expect(taken.headers().location).toBe(`/beratung/${id}?hinweis=uebernommen`);
  expect((await advisor.get(`/beratung/${id}`)).status()).toBe(200);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('asking again names the current advisor unless the organisation chooses another, who then takes over alone', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Wechsel 7410');
  await advisor.post(`/beratung/${id}`, { intent: 'beratung.zurueckgeben', reason: 'Bitte ergänzen Sie den Zeitplan.', reviewVersion: await reviewVersion(advisor, `/beratung/${id}`) });
  const status = await (await applicant.get(`/antraege/${id}/status`)).text();
  const advisorA = /<option value="(\d+)" selected="">Dr. Ulrike Berg<\/option>/.exec(status);
  expect(advisorA, 'the current advisor is preselected').not.toBeNull();

  const other = await createTestAdvisor('Beraterin Wechsel');
  const b = await clientFor(baseURL!, other);
  const asked = await applicant.post(`/antraege/${id}/status`, { intent: 'beratung.anfragen', advisor: String(other.id), reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`) });
  expect(asked.status()).toBe(302);
  expect((await advisor.get(`/beratung/${id}`)).status()).toBe(404);
  expect((await b.post('/beratung', { id: String(id) })).headers().location).toBe(`/beratung/${id}?hinweis=uebernommen`);
  expect(await (await b.get(`/beratung/${id}`)).text()).toContain('Beratung: Beraterin Wechsel');
  await Promise.all([applicant.dispose(), advisor.dispose(), b.dispose()]);
});

test('a return without a reason is refused and changes nothing; with a reason the organisation reads it', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Rückgabe');
  const before = row(id);
  for (const [reason, message] of [
    ['', 'Bitte begründen Sie die Rückgabe; die Begründung sieht die antragstellende Organisation.'],
    ['zu kurz', 'Bitte begründen Sie die Rückgabe in mindestens 10 Zeichen'],
  ]) {
    const response = await advisor.post(`/beratung/${id}`, { intent: 'beratung.zurueckgeben', reason: reason!, reviewVersion: String(before.review_version) });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain(message);
    expect(row(id)).toEqual(before);
  }
  const done = await advisor.post(`/beratung/${id}`, { intent: 'beratung.zurueckgeben', reason: 'Bitte ergänzen Sie Meilensteine im Zeitplan.', reviewVersion: String(before.review_version) });
  expect(done.headers().location).toBe(`/beratung?hinweis=beratung.zurueckgeben&antrag=${id}`);
  expect(row(id).status).toBe('zur_ueberarbeitung');
  // React separates text parts with empty comments in server-rendered HTML.
  const overview = (await (await applicant.get(`/antraege/${id}`)).text()).replace(/<!-- -->/g, '');
  expect(overview).toContain('Zurückgegeben von Dr. Ulrike Berg');
  expect(overview).toContain('Bitte ergänzen Sie Meilensteine im Zeitplan.');
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('acting on an outdated state (another advisor was faster) gets a message and changes nothing', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Gleichzeitig');
  const stale = String(row(id).review_version - 1);
  const before = row(id);
  const response = await advisor.post(`/beratung/${id}`, { intent: 'beratung.abschliessen', ready: 'on', reviewVersion: stale });
  expect(response.status()).toBe(409);
  expect(await response.text()).toContain('Der Stand des Antrags wurde inzwischen geändert.');
  expect(row(id)).toEqual(before);
  // Taking a draft someone already took: refused by the statechart.
  const again = await advisor.post(`/beratung/${id}`, { intent: 'beratung.uebernehmen', reviewVersion: String(before.review_version) });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain('Dieser Antrag wird bereits beraten.');
  expect(row(id)).toEqual(before);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('transitions a role may not take are refused in German, whatever is posted', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Rollen');
  const before = row(id);
  const byApplicant = await applicant.post(`/antraege/${id}/status`, { intent: 'beratung.zurueckgeben', reason: 'Ich gebe mir selbst zurück.', reviewVersion: String(before.review_version) });
  expect(byApplicant.status()).toBe(409);
  expect(await byApplicant.text()).toContain('steht Ihrer Rolle nicht zu');
  const byAdvisor = await advisor.post(`/beratung/${id}`, { intent: 'einreichung.erfassen', date: '01.11.2026', reference: 'SAB-1', reviewVersion: String(before.review_version) });
  expect(byAdvisor.status()).toBe(409);
  expect(row(id)).toEqual(before);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('a comment on a place that no longer exists is refused with the text kept', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Entfernte Zeile');
  const response = await advisor.post(`/beratung/${id}`, { intent: 'kommentar.neu', step: 'kosten', field: 'lines[id=weg]', body: 'Diese Zeile ist zu teuer.' });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain('Die gewählte Stelle gibt es im Antrag nicht mehr');
  expect(html).toContain('Diese Zeile ist zu teuer.');
  expect(commentIds(id)).toEqual([]);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('after the submission is recorded the draft cannot be changed, and typed input is shown back', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const id = await newDraft(applicant, 'Eingereicht');
  const version = await reviewVersion(applicant, `/antraege/${id}/status`);
  const future = await applicant.post(`/antraege/${id}/status`, { intent: 'einreichung.erfassen', date: '01.01.2099', reference: 'SAB-9', reviewVersion: version });
  expect(future.status()).toBe(400);
  expect(await future.text()).toContain('Das Datum der Einreichung darf nicht in der Zukunft liegen.');
  const today = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
  const recorded = await applicant.post(`/antraege/${id}/status`, { intent: 'einreichung.erfassen', date: today, reference: 'SAB-2026-4711', reviewVersion: version });
  expect(recorded.headers().location).toBe(`/antraege/${id}?hinweis=einreichung.erfassen`);
  expect(row(id).status).toBe('eingereicht');

  const html = await (await applicant.get(`/antraege/${id}/vorhaben`)).text();
  expect(html).toContain('<fieldset disabled=""');
  const stepVersion = /name="version"[^>]*value="(\d+)"/.exec(html)![1]!;
  const save = await applicant.post(`/antraege/${id}/vorhaben`, { title: 'Nachträglich geändert', version: stepVersion, intent: 'speichern' });
  expect(save.status()).toBe(409);
  const body = await save.text();
  expect(body).toContain('kann nicht mehr geändert werden');
  expect(body).toContain('Nachträglich geändert');
  const db = e2eDatabase();
  const stored = db.prepare('select title from applications where id = ?').get(id) as { title: string };
  db.close();
  expect(stored.title).toBe('Eingereicht');
  await applicant.dispose();
});

test('stored snapshots an older release wrote, which the machines cannot read, neither break the pages nor stop the server', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const id = await newDraft(applicant, 'Alter Speicherstand');
  const unreadable = JSON.stringify({ status: 'active', value: 'gibt_es_nicht', context: {}, children: {}, historyValue: {} });
  const db = e2eDatabase();
  db.prepare('update applications set review_snapshot = ?, snapshot = ? where id = ?').run(unreadable, JSON.stringify({ ...JSON.parse(unreadable), context: { data: { project: { title: 'Alter Speicherstand' } } } }), id);
  db.close();

  const overview = await applicant.get(`/antraege/${id}`);
  expect(overview.status()).toBe(200);
  expect(await overview.text()).toContain('Alter Speicherstand');
  expect((await applicant.get(`/antraege/${id}/vorhaben`)).status()).toBe(200);
  // The server is still there a moment later (XState used to rethrow such errors from a timer).
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await applicant.get('/healthz')).status()).toBe(200);
  await applicant.dispose();
});
