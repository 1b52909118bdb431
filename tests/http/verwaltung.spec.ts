import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createTestAdvisor, createTestApplicant } from '../support/e2e-database';
import { clientFor, csrfFrom } from '../support/http';
import { queryE2eDatabase, runOnE2eDatabase } from '../support/regelwerk';

/**
 * The administration and the password-reset flow (issue 22, defect 6): a link by e-mail that
 * expires and works once, stored only as a hash, the same answer for every address, limited
 * requests; locking only after a confirmation and never one's own account; an organisation is
 * refused for a role that has none; the audit view filters and pages.
 */

const mailsTo = (address: string) =>
  queryE2eDatabase<{ subject: string; body: string }>('select subject, body from outbox where to_address = ? order by id', address);
const linkIn = (body: string) => new URL(/https?:\/\/\S+\/passwort-neu\/\S+/.exec(body)![0]).pathname;

/** Asks for a link as an anonymous visitor; returns the status and where it leads. */
async function askForLink(baseURL: string, email: string) {
  const anonymous = await clientFor(baseURL, 'anonymous');
  const response = await anonymous.post('/passwort-vergessen', { email });
  const result = { status: response.status(), location: response.headers().location ?? null, text: await response.text() };
  await anonymous.dispose();
  return result;
}

test('"Passwort vergessen?" answers the same for every address and mails a single-use link that is stored only as a hash', async ({
  baseURL,
}) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  const known = await askForLink(baseURL!, person.email);
  const unknown = await askForLink(baseURL!, `niemand-${Date.now()}@example.org`);
  expect(known).toEqual({ status: 302, location: '/passwort-vergessen?gesendet=1', text: '' });
  expect(unknown).toEqual(known);

  const [mail] = mailsTo(person.email);
  expect(mail!.subject).toBe('Neues Passwort für den Förderlotsen festlegen');
  expect(mail!.body).toContain('Der Link gilt 60 Minuten und nur einmal:');
  const path = linkIn(mail!.body);
  const token = path.split('/').pop()!;
  // Only the hash of the token is in the database.
  const stored = queryE2eDatabase<{ token_hash: string }>('select token_hash from password_reset_tokens where user_id = ?', person.id);
  expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

  const anonymous = await clientFor(baseURL!, 'anonymous');
  const form = await anonymous.get(path);
  expect(form.status()).toBe(200);
  const csrf = csrfFrom(await form.text());
  const tooShort = await anonymous.post(path, { password: 'kurz', passwordConfirm: 'kurz' }, { csrf });
  expect(tooShort.status()).toBe(400);
  expect(await tooShort.text()).toContain('Das Passwort muss mindestens 12 Zeichen lang sein.');
  const set = await anonymous.post(path, { password: 'Neues Passwort 2026!', passwordConfirm: 'Neues Passwort 2026!' }, { csrf });
  expect(set.status()).toBe(302);
  expect(set.headers().location).toBe('/anmelden?grund=passwort-neu');

  // Used once: the link is gone, and the new password signs in (the old one no longer does).
  const again = await anonymous.get(path);
  expect(again.status()).toBe(410);
  expect(await again.text()).toContain('Dieser Link gilt nicht mehr');
  await anonymous.dispose();
  const signedIn = await clientFor(baseURL!, { email: person.email, password: 'Neues Passwort 2026!' });
  await signedIn.dispose();
  await expect(clientFor(baseURL!, { email: person.email, password: person.password })).rejects.toThrow(/sign-in failed/);
  expect(
    queryE2eDatabase<{ action: string }>(
      "select action from audit_events where subject_type = 'user' and subject_id = ? order by id",
      String(person.id),
    ).map((a) => a.action),
  ).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']));
});

test('an expired link sets no password', async ({ baseURL }) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  await askForLink(baseURL!, person.email);
  const path = linkIn(mailsTo(person.email)[0]!.body);
  runOnE2eDatabase(
    'update password_reset_tokens set expires_at = ? where user_id = ?',
    new Date(Date.now() - 60_000).toISOString(),
    person.id,
  );
  const anonymous = await clientFor(baseURL!, 'anonymous');
  expect((await anonymous.get(path)).status()).toBe(410);
  const response = await anonymous.post(path, { password: 'Neues Passwort 2026!', passwordConfirm: 'Neues Passwort 2026!' });
  expect(response.status()).toBe(410);
  await anonymous.dispose();
  const stillOld = await clientFor(baseURL!, { email: person.email, password: person.password });
  await stillOld.dispose();
});

test('requests are limited per address, for known and unknown addresses alike', async ({ baseURL }) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  const stranger = `unbekannt-${Date.now()}@example.org`;
  for (const email of [person.email, stranger]) {
    for (let i = 0; i < 3; i += 1) expect((await askForLink(baseURL!, email)).status).toBe(302);
  }
  const blockedKnown = await askForLink(baseURL!, person.email);
  const blockedUnknown = await askForLink(baseURL!, stranger);
  expect(blockedKnown.status).toBe(429);
  expect(blockedKnown.text).toContain('Bitte warten Sie');
  // The limit says nothing about the account: the same answer for the unknown address.
  expect(blockedUnknown.status).toBe(429);
  const message = (text: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(text)?.[0];
  expect(message(blockedUnknown.text)).toBe(message(blockedKnown.text));
  expect(mailsTo(person.email)).toHaveLength(3);
});

test('the administration sends a reset link; the mail names who sent it', async ({ baseURL }) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  const admin = await clientFor(baseURL!, 'admin');
  const response = await admin.post(`/verwaltung/konten/${person.id}`, { intent: 'passwort' });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe(`/verwaltung/konten/${person.id}?hinweis=link-gesendet`);
  const [mail] = mailsTo(person.email);
  expect(mail!.body).toContain('die Administration (Katrin Admin) hat Ihnen einen Link geschickt');
  expect(
    queryE2eDatabase<{ requested_by: number | null }>('select requested_by from password_reset_tokens where user_id = ?', person.id)[0]!
      .requested_by,
  ).not.toBeNull();
  await admin.dispose();
});

test('locking needs a confirmation, ends the sessions, and is never possible for one’s own account', async ({ baseURL }) => {
  const person = await createTestApplicant('Gemeinde Wiesenbach');
  const session = await clientFor(baseURL!, { email: person.email, password: person.password });
  const admin = await clientFor(baseURL!, 'admin');
  const disabled = () =>
    queryE2eDatabase<{ disabled_at: string | null }>('select disabled_at from users where id = ?', person.id)[0]!.disabled_at;

  // Without the confirmation the button leads to the confirmation, and nothing is locked.
  const unconfirmed = await admin.post(`/verwaltung/konten/${person.id}`, { intent: 'sperren' });
  expect(unconfirmed.headers().location).toBe(`/verwaltung/konten/${person.id}?aktion=sperren`);
  expect(disabled()).toBeNull();
  const confirmation = await (await admin.get(`/verwaltung/konten/${person.id}?aktion=sperren`)).text();
  expect(confirmation).toContain('wirklich sperren?');

  expect((await admin.post(`/verwaltung/konten/${person.id}`, { intent: 'sperren', bestaetigt: 'ja' })).status()).toBe(302);
  expect(disabled()).not.toBeNull();
  expect((await session.get('/antraege')).headers().location).toMatch(/^\/anmelden/);

  // One's own account: no lock offered, and a forged request is refused with a German message.
  const ownId = queryE2eDatabase<{ id: number }>("select id from users where email = 'admin@demo.example'")[0]!.id;
  const own = await (await admin.get(`/verwaltung/konten/${ownId}`)).text();
  expect(own).toContain('Das ist Ihr eigenes Konto.');
  expect(own).not.toContain('Konto sperren');
  const refused = await admin.post(`/verwaltung/konten/${ownId}`, { intent: 'sperren', bestaetigt: 'ja' });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('Ihr eigenes Konto können Sie hier nicht ändern oder sperren');
  expect(queryE2eDatabase<{ disabled_at: string | null }>('select disabled_at from users where id = ?', ownId)[0]!.disabled_at).toBeNull();
  await Promise.all([session.dispose(), admin.dispose()]);
});

test('an organisation chosen for an EBBS account is refused with a German message, never silently dropped', async ({ baseURL }) => {
  const admin = await clientFor(baseURL!, 'admin');
  const organisation = queryE2eDatabase<{ id: number }>("select id from organisations where name = 'Gemeinde Wiesenbach'")[0]!.id;
  const email = `beratung-neu-${Date.now()}@example.org`;
  const created = await admin.post('/verwaltung', {
    intent: 'create',
    name: 'Neue Beraterin',
    email,
    role: 'advisor',
    organisationId: String(organisation),
  });
  expect(created.status()).toBe(400);
  expect(await created.text()).toContain('Nur antragstellende Konten gehören zu einer Organisation.');
  expect(queryE2eDatabase('select id from users where email = ?', email)).toEqual([]);

  const advisor = await createTestAdvisor('Beraterin ohne Organisation');
  const edited = await admin.post(`/verwaltung/konten/${advisor.id}`, {
    intent: 'rolle',
    role: 'advisor',
    organisationId: String(organisation),
  });
  expect(edited.status()).toBe(400);
  expect(await edited.text()).toContain('Nur antragstellende Konten gehören zu einer Organisation.');
  expect(queryE2eDatabase('select organisation_id from users where id = ?', advisor.id)).toEqual([{ organisation_id: null }]);

  // A real change is stored and audited with before and after.
  const changed = await admin.post(`/verwaltung/konten/${advisor.id}`, {
    intent: 'rolle',
    role: 'applicant',
    organisationId: String(organisation),
  });
  expect(changed.headers().location).toBe(`/verwaltung/konten/${advisor.id}?hinweis=gespeichert`);
  expect(queryE2eDatabase('select role, organisation_id from users where id = ?', advisor.id)).toEqual([
    { role: 'applicant', organisation_id: organisation },
  ]);
  const audit = queryE2eDatabase<{ details: string }>(
    "select details from audit_events where action = 'user.role_changed' and subject_id = ?",
    String(advisor.id),
  );
  expect(JSON.parse(audit[0]!.details)).toMatchObject({
    before: { role: 'advisor', organisationId: null },
    after: { role: 'applicant', organisationId: organisation },
  });
  await admin.dispose();
});

test('the audit view filters by person and period and pages through the entries', async ({ baseURL }) => {
  const person = await createTestApplicant('Bürgerforum Oberlausitz e. V.');
  for (let i = 0; i < 60; i += 1) {
    runOnE2eDatabase(
      "insert into audit_events (at, actor_user_id, action, subject_type, subject_id, details) values (?, ?, 'session.signed_in', 'user', ?, '{}')",
      new Date(Date.UTC(2026, 5, 1, 10, i)).toISOString(),
      person.id,
      String(person.id),
    );
  }
  const admin = await clientFor(baseURL!, 'admin');
  const first = await (await admin.get(`/verwaltung/protokoll?person=${person.id}`)).text();
  expect(first).toContain('60 Einträge, Seite 1 von 2.');
  expect(first.match(/<td>Angemeldet<\/td>/g)).toHaveLength(50);
  // The next page keeps the filter.
  const nextLink = /<a [^>]*rel="next"[^>]*>/.exec(first)![0];
  const next = /href="([^"]+)"/.exec(nextLink)![1]!.replace(/&amp;/g, '&');
  expect(new URL(next, baseURL).searchParams.get('person')).toBe(String(person.id));
  const second = await (await admin.get(next)).text();
  expect(second).toContain('Seite 2 von 2.');
  expect(second.match(/<td>Angemeldet<\/td>/g)).toHaveLength(10);

  // A period in Saxon days: 01.06.2026 holds all 60; the day before none.
  expect(await (await admin.get(`/verwaltung/protokoll?person=${person.id}&von=01.06.2026&bis=01.06.2026`)).text()).toContain(
    '60 Einträge',
  );
  expect(await (await admin.get(`/verwaltung/protokoll?person=${person.id}&bis=31.05.2026`)).text()).toContain(
    'Keine Einträge für diese Auswahl.',
  );
  expect(await (await admin.get(`/verwaltung/protokoll?person=${person.id}&bereich=regelwerk`)).text()).toContain(
    'Keine Einträge für diese Auswahl.',
  );

  // A date that does not exist: a German message at the field, the input stays.
  const bad = await admin.get('/verwaltung/protokoll?von=31.02.2026');
  expect(bad.status()).toBe(400);
  const html = await bad.text();
  expect(html).toContain('Den 31.02.2026 gibt es nicht.');
  expect(html).toContain('value="31.02.2026"');
  await admin.dispose();
});
