import { expect, test, type APIResponse } from '@playwright/test';
import { createTestAdvisor, createTestApplicant, e2eDatabase, e2ePublicUrl } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';
import { exportApplication } from '../../forms/antrag/json';
import { sampleGemeindeApplication } from '../support/sample-application';

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
  const result = db.prepare('select status, review_version from applications where id = ?').get(id) as {
    status: string;
    review_version: number;
  };
  db.close();
  return result;
}

function commentIds(id: number): Array<{ id: number; internal: number; parent_id: number | null }> {
  const db = e2eDatabase();
  const rows = db.prepare('select id, internal, parent_id from comments where application_id = ? order by id').all(id) as Array<{
    id: number;
    internal: number;
    parent_id: number | null;
  }>;
  db.close();
  return rows;
}

async function sharedAndTaken(applicant: Client, advisor: Client, title: string) {
  const id = await newDraft(applicant, title);
  const asked = await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.anfragen',
    advisor: '',
    note: 'Bitte Finanzplan ansehen.',
    reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`),
  });
  expect(asked.headers().location).toBe(`/antraege/${id}?hinweis=beratung.anfragen`);
  const taken = await advisor.post(`/beratung/${id}`, {
    intent: 'beratung.uebernehmen',
    reviewVersion: await reviewVersion(advisor, `/beratung/${id}`),
  });
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

  await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.anfragen',
    advisor: '',
    reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`),
  });
  expect(await (await advisor.get('/beratung')).text()).toContain(`/beratung/${id}"`);
  expect((await advisor.get(`/beratung/${id}`)).status()).toBe(200);
  // Reading is allowed from the pool; commenting only after taking the draft.
  const early = await advisor.post(`/beratung/${id}`, {
    intent: 'kommentar.neu',
    step: 'vorhaben',
    formKey: 'gibt-es-nicht',
    field: '',
    body: 'Zu früh',
  });
  expect(early.status()).toBe(400);
  const earlyPage = await early.text();
  expect(earlyPage).toContain('Bitte übernehmen Sie die Beratung dieses Antrags, bevor Sie kommentieren.');
  // The pool view has no comment forms: the message and the typed text stand in an alert in the page itself.
  const earlyMain = /<main\b[\s\S]*<\/main>/.exec(earlyPage)![0];
  expect(earlyMain).toMatch(/role="alert"[\s\S]*Bitte übernehmen Sie die Beratung dieses Antrags[\s\S]*Zu früh/);
  expect(commentIds(id)).toEqual([]);

  await advisor.post(`/beratung/${id}`, { intent: 'beratung.uebernehmen', reviewVersion: await reviewVersion(advisor, `/beratung/${id}`) });
  expect(
    (
      await advisor.post(`/beratung/${id}`, {
        intent: 'kommentar.neu',
        step: 'vorhaben',
        field: '',
        body: 'GEHEIM-7731: Verbund klären',
        internal: 'on',
      })
    ).status(),
  ).toBe(302);
  expect(
    (
      await advisor.post(`/beratung/${id}`, {
        intent: 'kommentar.neu',
        step: 'vorhaben',
        field: 'title',
        body: 'Bitte den Titel schärfen.',
      })
    ).status(),
  ).toBe(302);
  expect(await (await advisor.get(`/beratung/${id}`)).text()).toContain('GEHEIM-7731');

  for (const path of [
    `/antraege/${id}`,
    `/antraege/${id}/vorhaben`,
    `/antraege/${id}/protokoll`,
    `/antraege/${id}/status`,
    '/benachrichtigungen',
    '/postfach',
    `/antraege/${id}/export.json`,
  ]) {
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
  const ended = await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.beenden',
    reason: '',
    reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`),
  });
  expect(ended.headers().location).toBe(`/antraege/${id}?hinweis=beratung.beenden`);
  expect(row(id).status).toBe('entwurf');
  for (const path of [`/beratung/${id}`, `/antraege/${id}/pdf`, `/antraege/${id}/export.json`, `/antraege/${id}/protokoll`]) {
    expect((await advisor.get(path)).status(), path).toBe(404);
  }
  expect((await advisor.post(`/beratung/${id}`, { intent: 'kommentar.neu', step: 'vorhaben', field: '', body: 'Noch da?' })).status()).toBe(
    404,
  );
  expect(commentIds(id)).toEqual([]);
  expect(await (await advisor.get('/beratung')).text()).not.toContain('Beendet 6120');

  await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.anfragen',
    advisor: '',
    reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`),
  });
  const taken = await advisor.post('/beratung', { id: String(id) });
  expect(taken.headers().location).toBe(`/beratung/${id}?hinweis=uebernommen`);
  expect((await advisor.get(`/beratung/${id}`)).status()).toBe(200);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('asking again names the current advisor unless the organisation chooses another, who then takes over alone', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Wechsel 7410');
  await advisor.post(`/beratung/${id}`, {
    intent: 'beratung.zurueckgeben',
    reason: 'Bitte ergänzen Sie den Zeitplan.',
    reviewVersion: await reviewVersion(advisor, `/beratung/${id}`),
  });
  const status = await (await applicant.get(`/antraege/${id}/status`)).text();
  const advisorA = /<option value="(\d+)" selected="">Dr. Ulrike Berg<\/option>/.exec(status);
  expect(advisorA, 'the current advisor is preselected').not.toBeNull();

  const other = await createTestAdvisor('Beraterin Wechsel');
  const b = await clientFor(baseURL!, other);
  const asked = await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.anfragen',
    advisor: String(other.id),
    reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`),
  });
  expect(asked.status()).toBe(302);
  expect((await advisor.get(`/beratung/${id}`)).status()).toBe(404);
  expect((await b.post('/beratung', { id: String(id) })).headers().location).toBe(`/beratung/${id}?hinweis=uebernommen`);
  expect(await (await b.get(`/beratung/${id}`)).text()).toContain('Beratung: Beraterin Wechsel');
  await Promise.all([applicant.dispose(), advisor.dispose(), b.dispose()]);
});

/** The status forms (take, return, complete, bring in a colleague) a page offers, by intent, sorted. */
async function statusForms(client: Client, path: string): Promise<string[]> {
  const html = await (await client.get(path)).text();
  return [...html.matchAll(/name="intent" value="(beratung\.[a-z]+)"/g)].map((m) => m[1]!).sort();
}

test('the advisor page offers exactly the status forms its reader can use, in each state of the advice', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const a = await clientFor(baseURL!, 'beratung');
  const colleague = await createTestAdvisor('Beraterin Formulare');
  const b = await clientFor(baseURL!, colleague);
  // A third advisor exists, so only the limit of two keeps the form away below.
  await createTestAdvisor('Beraterin Formulare 3');
  const id = await newDraft(applicant, 'Formulare 3385');
  const page = `/beratung/${id}`;
  await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.anfragen',
    advisor: '',
    reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`),
  });
  expect(await statusForms(a, page), 'in the pool').toEqual(['beratung.uebernehmen']);
  const decide = async (who: Client, form: Record<string, string>) =>
    expect((await who.post(page, { ...form, reviewVersion: await reviewVersion(who, page) })).status(), form.intent).toBe(302);
  await decide(a, { intent: 'beratung.uebernehmen' });
  expect(await statusForms(a, page), 'taken').toEqual(['beratung.abschliessen', 'beratung.hinzuziehen', 'beratung.zurueckgeben']);
  await decide(a, { intent: 'beratung.hinzuziehen', advisor: String(colleague.id) });
  // Two advise the draft: no one more can be brought in, by either of them.
  expect(await statusForms(a, page), 'two advisors').toEqual(['beratung.abschliessen', 'beratung.zurueckgeben']);
  expect(await statusForms(b, page), 'the colleague').toEqual(['beratung.abschliessen', 'beratung.zurueckgeben']);
  await decide(b, { intent: 'beratung.abschliessen', version: '0', note: '' });
  expect(await statusForms(a, page), 'completed').toEqual([]);
  await Promise.all([applicant.dispose(), a.dispose(), b.dispose()]);
});

type Sent = { id: number; user_id: number; role: string; kind: string; link: string; created_at: string };

/** Notifications about one application written after `afterId`, with the recipient's role. */
function notificationsAbout(applicationId: number, afterId: number): Sent[] {
  const db = e2eDatabase();
  const rows = db
    .prepare(
      'select n.id, n.user_id, u.role, n.kind, n.link, n.created_at from notifications n join users u on u.id = n.user_id where n.application_id = ? and n.id > ? order by n.id',
    )
    .all(applicationId, afterId) as Sent[];
  db.close();
  return rows;
}

function mailBodies(userId: number, createdAt: string): string[] {
  const db = e2eDatabase();
  const rows = db.prepare('select body from outbox where to_user_id = ? and created_at = ?').all(userId, createdAt) as Array<{
    body: string;
  }>;
  db.close();
  return rows.map((r) => r.body);
}

function userId(email: string): number {
  const db = e2eDatabase();
  const found = db.prepare('select id from users where email = ?').get(email) as { id: number };
  db.close();
  return found.id;
}

test('every notification, in the app and by e-mail, links to a page its recipient may open', async ({ baseURL }) => {
  const publicUrl = e2ePublicUrl();
  const applicant = await clientFor(baseURL!, 'kommune2');
  const colleagueAccount = await createTestApplicant('Gemeinde Wiesenbach');
  const colleague = await clientFor(baseURL!, colleagueAccount);
  const a = await clientFor(baseURL!, 'beratung');
  const bAccount = await createTestAdvisor('Beraterin Zwei');
  const b = await clientFor(baseURL!, bAccount);
  const cAccount = await createTestAdvisor('Berater Drei');
  const c = await clientFor(baseURL!, cAccount);
  const clients = new Map<number, Client>([
    [userId('kommune2@demo.example'), applicant],
    [colleagueAccount.id, colleague],
    [userId('beratung@demo.example'), a],
    [bAccount.id, b],
    [cAccount.id, c],
  ]);
  const kinds = new Set<string>();
  const today = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );

  /** Follows every notification written since the last call as its recipient (when the test holds their session). */
  const seen = new Map<number, number>();
  async function followNew(id: number, step: string, expectedRecipients: number[]) {
    const sent = notificationsAbout(id, seen.get(id) ?? 0);
    expect(sent.length, step).toBeGreaterThan(0);
    seen.set(id, sent.at(-1)!.id);
    expect(
      expectedRecipients.filter((r) => !sent.some((n) => n.user_id === r)),
      `${step}: not notified`,
    ).toEqual([]);
    for (const n of sent) {
      const label = `${step}: ${n.kind} → ${n.link} for user ${n.user_id} (${n.role})`;
      kinds.add(`${n.kind} ${n.role}`);
      expect(n.link.startsWith(n.role === 'advisor' ? '/beratung' : `/antraege/${id}`), label).toBe(true);
      expect(
        mailBodies(n.user_id, n.created_at).some((body) => body.includes(`${publicUrl}${n.link}\n`)),
        `${label}: e-mail with the absolute link`,
      ).toBe(true);
      const client = clients.get(n.user_id);
      if (client) expect((await client.get(n.link)).status(), label).toBe(200);
    }
  }
  const applicantId = userId('kommune2@demo.example');
  const [aId, bId, cId] = [userId('beratung@demo.example'), bAccount.id, cAccount.id];
  const status = async (id: number, form: Record<string, string>) => {
    const response = await applicant.post(`/antraege/${id}/status`, {
      ...form,
      reviewVersion: await reviewVersion(applicant, `/antraege/${id}/status`),
    });
    expect(response.status(), form.intent).toBe(302);
  };
  const advise = async (who: Client, id: number, form: Record<string, string>) => {
    const response = await who.post(`/beratung/${id}`, { ...form, reviewVersion: await reviewVersion(who, `/beratung/${id}`) });
    expect(response.status(), form.intent).toBe(302);
  };
  const take = async (who: Client, id: number) => expect((await who.post('/beratung', { id: String(id) })).status()).toBe(302);

  const id = await newDraft(applicant, 'Benachrichtigt 2290');
  await status(id, { intent: 'beratung.anfragen', advisor: '' });
  await followNew(id, 'request to the pool', [aId, bId, cId]);
  await take(a, id);
  await followNew(id, 'taken', [colleagueAccount.id]);
  await advise(a, id, { intent: 'beratung.hinzuziehen', advisor: String(bId) });
  await followNew(id, 'colleague added', [bId]);
  expect(
    (
      await a.post(`/beratung/${id}`, { intent: 'kommentar.neu', step: 'vorhaben', field: 'title', body: 'Bitte den Ort nennen.' })
    ).status(),
  ).toBe(302);
  await followNew(id, 'advisor comment', [bId, applicantId, colleagueAccount.id]);
  const comment = commentIds(id)[0]!;
  expect(
    (
      await colleague.post(`/antraege/${id}/vorhaben`, { intent: 'kommentar.antwort', comment: String(comment.id), body: 'Ist ergänzt.' })
    ).status(),
  ).toBe(302);
  await followNew(id, 'applicant reply', [aId, bId, applicantId]);
  await advise(a, id, { intent: 'beratung.zurueckgeben', reason: 'Bitte ergänzen Sie den Zeitplan.' });
  await followNew(id, 'returned', [applicantId, colleagueAccount.id]);
  await status(id, { intent: 'beratung.anfragen', advisor: String(cId) });
  await followNew(id, 'asked someone else', [aId, bId, cId]);
  await take(c, id);
  await followNew(id, 'taken by the new advisor', [applicantId, colleagueAccount.id]);
  await advise(c, id, { intent: 'beratung.abschliessen', ready: 'on' });
  await followNew(id, 'completed', [applicantId, colleagueAccount.id]);
  await status(id, { intent: 'beratung.anfragen', advisor: String(cId) });
  await followNew(id, 'asked the same advisor again', [cId]);
  await colleague.post(`/antraege/${id}/status`, {
    intent: 'beratung.beenden',
    reason: '',
    reviewVersion: await reviewVersion(colleague, `/antraege/${id}/status`),
  });
  await followNew(id, 'advice ended', [applicantId, cId]);
  await status(id, { intent: 'beratung.anfragen', advisor: '' });
  await followNew(id, 'asked the pool again', [aId, bId, cId]);
  await take(a, id);
  await followNew(id, 'taken again', [applicantId]);
  await advise(a, id, { intent: 'beratung.zurueckgeben', reason: 'Bitte noch den Finanzplan prüfen.' });
  await followNew(id, 'returned again', [applicantId]);
  await status(id, { intent: 'einreichung.erfassen', date: today, reference: 'SAB-2026-1234' });
  await followNew(id, 'submission', [colleagueAccount.id, aId]);
  await status(id, { intent: 'bescheid.erfassen', outcome: 'bewilligt', date: today, note: '' });
  await followNew(id, 'decision', [colleagueAccount.id, aId]);

  const withdrawn = await newDraft(applicant, 'Zurückgezogen 2291');
  await status(withdrawn, { intent: 'beratung.anfragen', advisor: String(bId) });
  await followNew(withdrawn, 'request by name', [bId]);
  await take(b, withdrawn);
  await followNew(withdrawn, 'taken', [colleagueAccount.id]);
  await status(withdrawn, { intent: 'antrag.zurueckziehen', confirm: 'on', reason: '' });
  await followNew(withdrawn, 'withdrawal', [colleagueAccount.id, bId]);

  expect([...kinds].sort()).toEqual(
    [
      'beratung.abgegeben advisor',
      'beratung.angefragt advisor',
      'beratung.hinzugezogen advisor',
      'beratung.uebernommen applicant',
      'kommentar advisor',
      'kommentar applicant',
      'status advisor',
      'status applicant',
    ].sort(),
  );
  await Promise.all([...clients.values()].map((client) => client.dispose()));
});

test('"einreichungsfähig" says so when the draft was changed after the advice was completed', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Einreichungsfähig 4402');
  const page = await (await advisor.get(`/beratung/${id}`)).text();
  const seen = /name="version" value="(\d+)"/.exec(page)![1]!;
  const done = await advisor.post(`/beratung/${id}`, {
    intent: 'beratung.abschliessen',
    ready: 'on',
    version: seen,
    reviewVersion: await reviewVersion(advisor, `/beratung/${id}`),
  });
  expect(done.status()).toBe(302);
  const text = async (who: Client, path: string) => (await (await who.get(path)).text()).replace(/<!-- -->/g, '');
  const statement = 'Aus Sicht der Beratung ist der Antrag einreichungsfähig.';
  const changed = 'Seitdem wurde der Antrag geändert.';
  for (const [who, path] of [
    [applicant, `/antraege/${id}`],
    [advisor, `/beratung/${id}`],
  ] as const) {
    const html = await text(who, path);
    expect(html, path).toContain(statement);
    expect(html, path).not.toContain(changed);
  }
  const save = async (title: string) => {
    const step = await (await applicant.get(`/antraege/${id}/vorhaben`)).text();
    const version = /name="version"[^>]*value="(\d+)"/.exec(step)![1]!;
    expect((await applicant.post(`/antraege/${id}/vorhaben`, { title, version, intent: 'speichern' })).status()).toBe(302);
  };
  // Saving without a change counts the version up but changes nothing.
  const versionOf = () => {
    const db = e2eDatabase();
    const found = db.prepare('select version from applications where id = ?').get(id) as { version: number };
    db.close();
    return found.version;
  };
  const before = versionOf();
  await save('Einreichungsfähig 4402');
  expect(versionOf()).toBe(before + 1);
  expect(await text(applicant, `/antraege/${id}`)).not.toContain(changed);
  await save('Einreichungsfähig 4402 (geändert)');
  for (const [who, path] of [
    [applicant, `/antraege/${id}`],
    [advisor, `/beratung/${id}`],
  ] as const) {
    const html = await text(who, path);
    expect(html, path).toContain(statement);
    expect(html, path).toContain(changed);
  }
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('the queue shows how long a draft in advice waits, also to its advisor, and filters by it only for those', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Wartet 5150');
  const db = e2eDatabase();
  db.prepare('update applications set review_requested_at = ? where id = ?').run(
    new Date(Date.now() - 5 * 86_400_000 - 3_600_000).toISOString(),
    id,
  );
  db.close();
  const rowOf = async (path: string) => {
    const html = (await (await advisor.get(path)).text()).replace(/<!-- -->/g, '');
    return /<tr>(?:(?!<\/tr>).)*Wartet 5150(?:(?!<\/tr>).)*<\/tr>/s.exec(html)?.[0] ?? null;
  };
  expect(await rowOf('/beratung?wartezeit=3')).toContain('(wartet seit 5 Tagen)');
  expect(await rowOf('/beratung?wartezeit=7')).toBeNull();
  await advisor.post(`/beratung/${id}`, {
    intent: 'beratung.zurueckgeben',
    reason: 'Bitte ergänzen Sie den Zeitplan.',
    reviewVersion: await reviewVersion(advisor, `/beratung/${id}`),
  });
  // Returned: the organisation works on it, nobody waits for the advice.
  expect(await rowOf('/beratung?wartezeit=3')).toBeNull();
  const listed = await rowOf('/beratung');
  expect(listed).not.toBeNull();
  expect(listed).not.toContain('wartet seit');
  await Promise.all([applicant.dispose(), advisor.dispose()]);
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
    const response = await advisor.post(`/beratung/${id}`, {
      intent: 'beratung.zurueckgeben',
      reason: reason!,
      reviewVersion: String(before.review_version),
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain(message);
    expect(row(id)).toEqual(before);
  }
  const done = await advisor.post(`/beratung/${id}`, {
    intent: 'beratung.zurueckgeben',
    reason: 'Bitte ergänzen Sie Meilensteine im Zeitplan.',
    reviewVersion: String(before.review_version),
  });
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

/**
 * The answer to a status form the page no longer shows: an alert that says the action is not
 * possible now, with the text that was typed (nothing is lost). Returns the page's main element.
 */
async function answeredWithoutForm(response: APIResponse, typed: string): Promise<string> {
  const main = /<main\b[\s\S]*<\/main>/.exec(await response.text())![0].replace(/<!-- -->/g, '');
  const alert = /<div class="notice notice--error" role="alert">([\s\S]*?)<\/div>/.exec(main)?.[1] ?? '';
  expect(alert).toMatch(/^<p>[^<]*nicht (\(mehr\) )?möglich[^<]*<\/p>/);
  expect(alert).toContain(`<p class="preserve-lines"><strong>Ihr Text:</strong> ${typed}</p>`);
  return main;
}

test('a decision sent from an older view, after the advice was completed, is answered at the top of the page with the text typed', async ({
  baseURL,
}) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Veraltete Ansicht');
  const seen = String(row(id).review_version);
  const completed = await advisor.post(`/beratung/${id}`, { intent: 'beratung.abschliessen', ready: 'on', reviewVersion: seen });
  expect(completed.status()).toBe(302);
  const after = row(id);
  expect(after.status).toBe('beratung_abgeschlossen');
  // The return form is no longer on the page: its answer, for a short reason as for a valid one, stands at the top.
  for (const reason of ['kurz', 'Bitte ergänzen Sie den Zeitplan.']) {
    const response = await advisor.post(`/beratung/${id}`, { intent: 'beratung.zurueckgeben', reason, reviewVersion: seen });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    const main = await answeredWithoutForm(response, reason);
    expect(main).not.toContain('name="reason"');
    expect(main).toContain('</h1><div class="notice notice--error" role="alert">');
    expect(row(id)).toEqual(after);
  }
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('a request for advice sent again from an older view is answered at the top of the status page with its note', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Zweite Anfrage');
  const before = row(id);
  const note = 'Bitte schauen Sie noch einmal auf den Zeitplan.';
  const response = await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.anfragen',
    advisor: '',
    note,
    reviewVersion: String(before.review_version),
  });
  expect(response.status()).toBe(409);
  await answeredWithoutForm(response, note);
  expect(row(id)).toEqual(before);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('transitions a role may not take are refused in German, whatever is posted', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Rollen');
  const before = row(id);
  const byApplicant = await applicant.post(`/antraege/${id}/status`, {
    intent: 'beratung.zurueckgeben',
    reason: 'Ich gebe mir selbst zurück.',
    reviewVersion: String(before.review_version),
  });
  expect(byApplicant.status()).toBe(409);
  expect(await byApplicant.text()).toContain('steht Ihrer Rolle nicht zu');
  const byAdvisor = await advisor.post(`/beratung/${id}`, {
    intent: 'einreichung.erfassen',
    date: '01.11.2026',
    reference: 'SAB-1',
    reviewVersion: String(before.review_version),
  });
  expect(byAdvisor.status()).toBe(409);
  expect(row(id)).toEqual(before);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('a comment on a place that no longer exists is refused with the text kept', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const advisor = await clientFor(baseURL!, 'beratung');
  const id = await sharedAndTaken(applicant, advisor, 'Entfernte Zeile');
  const response = await advisor.post(`/beratung/${id}`, {
    intent: 'kommentar.neu',
    step: 'kosten',
    field: 'lines[id=weg]',
    body: '  Diese Zeile ist zu teuer.  ',
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain('Die gewählte Stelle gibt es im Antrag nicht mehr');
  // Exactly as typed, spaces and all (a fuzz case: it used to come back trimmed).
  expect(html).toMatch(/<textarea[^>]*name="body"[^>]*> {2}Diese Zeile ist zu teuer\. {2}<\/textarea>/);
  expect(commentIds(id)).toEqual([]);
  await Promise.all([applicant.dispose(), advisor.dispose()]);
});

test('after the submission is recorded the draft cannot be changed, and typed input is shown back', async ({ baseURL }) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const id = await newDraft(applicant, 'Eingereicht');
  const version = await reviewVersion(applicant, `/antraege/${id}/status`);
  const future = await applicant.post(`/antraege/${id}/status`, {
    intent: 'einreichung.erfassen',
    date: '01.01.2099',
    reference: 'SAB-9',
    reviewVersion: version,
  });
  expect(future.status()).toBe(400);
  expect(await future.text()).toContain('Das Datum der Einreichung darf nicht in der Zukunft liegen.');
  const today = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );
  const recorded = await applicant.post(`/antraege/${id}/status`, {
    intent: 'einreichung.erfassen',
    date: today,
    reference: 'SAB-2026-4711',
    reviewVersion: version,
  });
  expect(recorded.headers().location).toBe(`/antraege/${id}?hinweis=einreichung.erfassen`);
  expect(row(id).status).toBe('eingereicht');

  const html = await (await applicant.get(`/antraege/${id}/vorhaben`)).text();
  expect(html).toContain('<fieldset disabled=""');
  const stepVersion = /name="version"[^>]*value="(\d+)"/.exec(html)![1]!;
  const save = await applicant.post(`/antraege/${id}/vorhaben`, {
    title: 'Nachträglich geändert',
    version: stepVersion,
    intent: 'speichern',
  });
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

test('stored snapshots an older release wrote, which the machines cannot read, neither break the pages nor stop the server', async ({
  baseURL,
}) => {
  const applicant = await clientFor(baseURL!, 'kommune2');
  const id = await newDraft(applicant, 'Alter Speicherstand');
  const unreadable = JSON.stringify({ status: 'active', value: 'gibt_es_nicht', context: {}, children: {}, historyValue: {} });
  const db = e2eDatabase();
  db.prepare('update applications set review_snapshot = ?, snapshot = ? where id = ?').run(
    unreadable,
    JSON.stringify({ ...JSON.parse(unreadable), context: { data: { project: { title: 'Alter Speicherstand' } } } }),
    id,
  );
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

test('a comment sent as multipart (as from the attachments page) is a comment: refused with its text at its form, or saved', async ({
  baseURL,
}) => {
  const applicant = await clientFor(baseURL!, await createTestApplicant('Gemeinde Wiesenbach'));
  // A complete draft, so the attachments step is open.
  const imported = await applicant.post('/antraege/importieren', { text: exportApplication(sampleGemeindeApplication()) });
  const id = Number(/\/antraege\/(\d+)/.exec(imported.headers().location ?? '')?.[1]);
  const send = (step: string, body: string) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ intent: 'kommentar.neu', step, field: '', body, csrf: applicant.csrf }))
      form.append(name, value);
    return applicant.api.fetch(`/antraege/${id}/${step}`, { method: 'POST', multipart: form, maxRedirects: 0 });
  };
  for (const step of ['anlagen', 'vorhaben']) {
    const tooLong = await send(step, `Zu lang ${'x'.repeat(5000)}`);
    expect(tooLong.status(), `${step} ${tooLong.headers().location}`).toBe(400);
    const page = await tooLong.text();
    expect(page, step).toContain('Bitte kürzen Sie den Kommentar');
    expect(page, step).toContain(`Zu lang ${'x'.repeat(100)}`);
    expect((await send(step, `Frage zu ${step}`)).status(), step).toBe(302);
  }
  expect(commentIds(id)).toHaveLength(2);
  await applicant.dispose();
});
