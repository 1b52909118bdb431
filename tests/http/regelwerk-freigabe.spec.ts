import { expect, test } from '@playwright/test';
import { createTestMinistryAccount } from '../support/e2e-database';
import { clientFor, type Client } from '../support/http';
import { german, isoInDays, queryE2eDatabase, runOnE2eDatabase } from '../support/regelwerk';

/**
 * Publishing rules needs a confirmation and, by default, a second ministry account (four-eyes
 * principle, docs/decisions/0024): the person who proposed a change cannot publish it, and two
 * approvals at the same moment publish it exactly once.
 */

/** The digest of the effects the confirmation page shows (the approver confirms what they saw). */
async function confirmationDigest(client: Client, path: string): Promise<string> {
  const html = await (await client.get(path)).text();
  return /name="geprueft" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
}

/**
 * Each test proposes its own value: the tests of this file run in parallel, and a value equal to the
 * one another test has just published (before it rolls back) is refused as changing nothing.
 */
async function proposeParameter(ministry: Client, days: number): Promise<number> {
  const created = await ministry.post('/regelwerk/parameter', {
    parameterId: 'duration.A1.2',
    value: String(days - 893),
    effectiveFrom: german(isoInDays(days)),
    reference: `FRL Teil 2 A V Nr. 4 (Freigabe-Test ${days})`,
  });
  expect(created.status(), await created.text()).toBe(302);
  return Number(/\/regelwerk\/parameter\/(\d+)/.exec(created.headers().location ?? '')?.[1]);
}

const statusOf = (id: number) =>
  queryE2eDatabase<{ status: string; publication: number | null; approval: string | null }>(
    'select status, publication, approval from parameter_changes where id = ?',
    id,
  )[0]!;

test('the person who proposed a parameter change cannot publish it; a second ministry account confirms and approves', async ({
  baseURL,
}) => {
  const proposer = await clientFor(baseURL!, 'ministerium');
  const id = await proposeParameter(proposer, 900);
  const page = `/regelwerk/parameter/${id}/freigabe`;

  // The proposer sees the confirmation page without an approve button, and a forged POST is refused.
  const own = await (await proposer.get(page)).text();
  expect(own).toContain('Nach dem Vier-Augen-Prinzip gibt sie eine zweite Person des Ministeriums frei.');
  expect(own).not.toContain('Freigeben und veröffentlichen');
  const refused = await proposer.post(page, { geprueft: await confirmationDigest(proposer, `/regelwerk/parameter/${id}/freigabe`) });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('Sie haben diese Änderung selbst angelegt.');
  expect(statusOf(id).status).toBe('entwurf');

  // The colleague was asked (in the app and by e-mail) and approves on the confirmation page.
  const notified = queryE2eDatabase<{ n: number }>(
    "select count(*) as n from notifications n join users u on u.id = n.user_id where u.email = 'ministerium2@demo.example' and n.link = ?",
    page,
  )[0]!.n;
  expect(notified).toBe(1);
  const colleague = await clientFor(baseURL!, 'ministerium2');
  const confirmation = await (await colleague.get(page)).text();
  expect(confirmation).toContain('Was sich ändert');
  expect(confirmation).toContain('Wen es betrifft');
  expect(confirmation).toContain('Freigeben und veröffentlichen');
  const approved = await colleague.post(page, { geprueft: await confirmationDigest(colleague, page) });
  expect(approved.status()).toBe(302);
  expect(approved.headers().location).toBe(`/regelwerk/parameter/${id}?hinweis=veroeffentlicht`);
  expect(statusOf(id)).toMatchObject({ status: 'veroeffentlicht', approval: 'vier_augen' });

  const audit = queryE2eDatabase<{ details: string; actor: string }>(
    "select a.details, u.email as actor from audit_events a join users u on u.id = a.actor_user_id where a.subject_type = 'parameter_change' and a.subject_id = ? order by a.id",
    String(id),
  );
  expect(audit.map((a) => a.actor)).toEqual(['ministerium@demo.example', 'ministerium2@demo.example']);
  expect(JSON.parse(audit[1]!.details).summary).toContain('angelegt von Martin Schubert, freigegeben von Dr. Claudia Lehmann');

  // Roll it back again so other tests see the shipped value.
  const rollback = await proposer.post(`/regelwerk/parameter/${id}`, { intent: 'zuruecknehmen' });
  const rollbackId = Number(/\/regelwerk\/parameter\/(\d+)/.exec(rollback.headers().location ?? '')?.[1]);
  const rollbackPage = `/regelwerk/parameter/${rollbackId}/freigabe`;
  expect((await colleague.post(rollbackPage, { geprueft: await confirmationDigest(colleague, rollbackPage) })).status()).toBe(302);
  await Promise.all([proposer.dispose(), colleague.dispose()]);
});

test('an approval based on effects that changed since the page was shown is not published', async ({ baseURL }) => {
  const proposer = await clientFor(baseURL!, 'ministerium');
  const id = await proposeParameter(proposer, 901);
  const colleague = await clientFor(baseURL!, 'ministerium2');
  const response = await colleague.post(`/regelwerk/parameter/${id}/freigabe`, { geprueft: '0'.repeat(32) });
  expect(response.status()).toBe(409);
  expect(await response.text()).toContain('Die Auswirkungen haben sich geändert');
  expect(statusOf(id).status).toBe('entwurf');
  expect((await proposer.post(`/regelwerk/parameter/${id}`, { intent: 'verwerfen' })).status()).toBe(302);
  await Promise.all([proposer.dispose(), colleague.dispose()]);
});

test('two ministry accounts approving the same change at the same moment publish it exactly once', async ({ baseURL }) => {
  const proposer = await clientFor(baseURL!, 'ministerium');
  const id = await proposeParameter(proposer, 902);
  const third = await createTestMinistryAccount();
  const approvers = [
    await clientFor(baseURL!, 'ministerium2'),
    await clientFor(baseURL!, { email: third.email, password: third.password }),
  ];
  const page = `/regelwerk/parameter/${id}/freigabe`;
  const digests = await Promise.all(approvers.map((a) => confirmationDigest(a, page)));
  const responses = await Promise.all(approvers.map((a, i) => a.post(page, { geprueft: digests[i]! })));

  expect(responses.map((r) => r.status()).sort()).toEqual([302, 409]);
  const loser = responses.find((r) => r.status() === 409)!;
  expect(await loser.text()).toContain('bereits veröffentlicht');
  expect(statusOf(id)).toMatchObject({ status: 'veroeffentlicht' });
  const publications = queryE2eDatabase<{ n: number }>(
    "select count(*) as n from audit_events where action = 'regelwerk.parameter.veroeffentlicht' and subject_id = ?",
    String(id),
  )[0]!.n;
  expect(publications).toBe(1);

  const rollback = await proposer.post(`/regelwerk/parameter/${id}`, { intent: 'zuruecknehmen' });
  const rollbackId = Number(/\/regelwerk\/parameter\/(\d+)/.exec(rollback.headers().location ?? '')?.[1]);
  const rollbackPage = `/regelwerk/parameter/${rollbackId}/freigabe`;
  expect((await approvers[0]!.post(rollbackPage, { geprueft: await confirmationDigest(approvers[0]!, rollbackPage) })).status()).toBe(302);
  await Promise.all([proposer.dispose(), ...approvers.map((a) => a.dispose())]);
});

test('a funding call is only proposed by the form; a second account publishes it, and two approvals at once publish it once', async ({
  baseURL,
}) => {
  const proposer = await clientFor(baseURL!, 'ministerium');
  const title = `Freigabe-Aufruf ${Date.now().toString(36)}`;
  const created = await proposer.post('/regelwerk/aufrufe/neu', {
    version: '',
    title,
    issuedBy: 'SMS',
    publishedOn: german(isoInDays(-400)),
    deadline: german(isoInDays(-380)),
    requiredDocuments: 'Vorhabenbeschreibung',
    source: 'HTTP-Test (kein amtlicher Aufruf)',
  });
  expect(created.status()).toBe(302);
  const page = created.headers().location!.split('?')[0]!;
  expect(page).toMatch(/^\/regelwerk\/aufrufe\/vorschlaege\/\d+$/);
  // Nothing is in force yet.
  expect(queryE2eDatabase('select id from funding_calls where title = ?', title)).toEqual([]);

  const own = await proposer.post(page, { intent: 'veroeffentlichen', geprueft: await confirmationDigest(proposer, page) });
  expect(own.status()).toBe(400);
  expect(queryE2eDatabase('select id from funding_calls where title = ?', title)).toEqual([]);

  const third = await createTestMinistryAccount('Vierte Referentin');
  const approvers = [
    await clientFor(baseURL!, 'ministerium2'),
    await clientFor(baseURL!, { email: third.email, password: third.password }),
  ];
  const digests = await Promise.all(approvers.map((a) => confirmationDigest(a, page)));
  const responses = await Promise.all(approvers.map((a, i) => a.post(page, { intent: 'veroeffentlichen', geprueft: digests[i]! })));
  expect(responses.map((r) => r.status()).sort()).toEqual([302, 409]);
  expect(queryE2eDatabase<{ version: number }>('select version from funding_calls where title = ?', title)).toEqual([{ version: 1 }]);
  expect(
    queryE2eDatabase<{ n: number }>(
      "select count(*) as n from audit_events where action = 'regelwerk.aufruf.angelegt' and details like ?",
      `%${title}%`,
    )[0]!.n,
  ).toBe(1);
  await Promise.all([proposer.dispose(), ...approvers.map((a) => a.dispose())]);
});

test('an earlier version of a call comes back into the form from the log; one whose values cannot be read restores nothing', async ({
  baseURL,
}) => {
  // A log entry as the publication of a change writes it (without publishing: the re-check of every
  // draft would slow down the parallel tests of this file).
  const title = `Fassungs-Aufruf ${Date.now().toString(36)}`;
  const before = {
    title,
    publishedOn: '2022-04-20',
    opensOn: '2022-04-20',
    deadline: '2022-05-10',
    issuedBy: 'SMJusDEG',
    focusTopics: [],
    requiredDocuments: ['Vorhabenbeschreibung'],
    notes: '',
    source: 'HTTP-Test (kein amtlicher Aufruf)',
  };
  const logged = (details: unknown) => {
    const text = JSON.stringify(details);
    runOnE2eDatabase(
      "insert into audit_events (at, actor_user_id, action, subject_type, subject_id, details) values (?, null, 'regelwerk.aufruf.geaendert', 'funding_call', 'aufruf-1', ?)",
      new Date().toISOString(),
      text,
    );
    return queryE2eDatabase<{ id: number }>("select id from audit_events where subject_id = 'aufruf-1' and details = ?", text)[0]!.id;
  };
  const readable = logged({ summary: `${title} geändert`, before });
  const unreadable = logged({ summary: `${title} geändert`, before: { ...before, title: 7 } });
  const ministry = await clientFor(baseURL!, 'ministerium');
  try {
    const restored = await (await ministry.get(`/regelwerk/aufrufe/aufruf-1?fassung=${readable}`)).text();
    expect(restored).toContain('Im Formular steht die Fassung vor der Änderung');
    expect(restored).toContain(`value="${title}"`);

    const response = await ministry.get(`/regelwerk/aufrufe/aufruf-1?fassung=${unreadable}`);
    expect(response.status()).toBe(200);
    const current = await response.text();
    expect(current).not.toContain('Im Formular steht die Fassung vor der Änderung');
    expect(current).not.toContain(`value="${title}"`);
    expect(current).toContain('value="1. Förderaufruf FRL Bürgerbeteiligung"');
  } finally {
    runOnE2eDatabase('delete from audit_events where id in (?, ?)', readable, unreadable);
    await ministry.dispose();
  }
});
