import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { test as base, expect, type APIResponse, type Page } from '@playwright/test';
import { createDatabase, migrateToLatest } from '../../db/client';
import { createUser } from '../../db/repositories/users';
import { seedDemoApplications } from '../../db/demo/seed-applications';
import { seedDemoData } from '../../db/seed';
import { quickDemoPasswords } from '../../scripts/support/demo-passwords';
import { stepIds } from '../../machines/frl/application/steps';
import { questionIds } from '../../machines/frl/foerdercheck/questions';
import { qualityCheckContent } from '../../machines/qualitaetscheck/content';
import { startAppServer } from '../../scripts/support/server';
import { gemeindeCheckAnswers } from '../support/check-answers';
import {
  bodyFor,
  formsOf,
  germanText,
  isTypedText,
  leakedInternals,
  renderedValues,
  stackTrace,
  type Entries,
  type FormTemplate,
} from '../support/fuzz';
import { clientFor, type Audience, type Client } from '../support/http';
import { storedBescheid } from '../support/umsetzung';
import { runMachine } from '../../machines/shared/actor';
import { proofReviewMachine } from '../../machines/umsetzung/sachbericht-beratung';
import { demoExamples } from '../../machines/methoden/examples';
import { routeFiles } from '../support/routes';

/**
 * Issue 14 point 6: every route that takes a POST gets random and hostile bodies from a signed-in
 * client with a valid CSRF token. The routes are read from app/routes, so a new route is fuzzed
 * without a change here (a route with URL parameters needs sample values below, or the list test
 * fails). Runs against its own server and database, because the bodies may change anything the
 * client is allowed to change. FUZZ_RUNS sets the bodies per path (default 12); a failure prints
 * fast-check's seed (FUZZ_SEED replays it) and the shrunk body.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 12);
/** FUZZ_SEED replays a failure (with -g for the test named in it). */
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

interface FuzzServer {
  baseUrl: string;
  file: string;
  parser: Page;
}

const test = base.extend<object, { fuzz: FuzzServer }>({
  fuzz: [
    async ({ browser }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-fuzz-'));
      const file = join(dir, 'fuzz.sqlite');
      const db = createDatabase(file);
      await migrateToLatest(db);
      await seedDemoData(db);
      await quickDemoPasswords(db);
      await seedDemoApplications(db, join(dir, 'uploads'));
      await db.destroy();
      const server = await startAppServer({ file, env: { UPLOAD_DIR: join(dir, 'uploads') } });
      const context = await browser.newContext({ javaScriptEnabled: false });
      const parser = await context.newPage();
      await use({ baseUrl: server.baseUrl, file, parser });
      await context.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

/** A copy of a demo application (with its advisor), so each fuzzed path has a draft of its own. */
function copyApplication(file: string, title: string): number {
  const db = new SQLite(file);
  db.pragma('busy_timeout = 5000');
  try {
    const source = db.prepare('select id from applications where title like ?').get(`${title}%`) as { id: number };
    const columns = (db.pragma('table_info(applications)') as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== 'id');
    const id = Number(
      db
        .prepare(`insert into applications (${columns.join(', ')}) select ${columns.join(', ')} from applications where id = ?`)
        .run(source.id).lastInsertRowid,
    );
    const advisors = (db.pragma('table_info(application_advisors)') as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((c) => c !== 'application_id' && c !== 'id');
    db.prepare(
      `insert into application_advisors (application_id, ${advisors.join(', ')}) select ?, ${advisors.join(', ')} from application_advisors where application_id = ?`,
    ).run(id, source.id);
    return id;
  } finally {
    db.close();
  }
}

interface Target {
  path: string;
  client: Client;
}

/**
 * Sample paths for a route with URL parameters: one fuzz test per variant (a wizard step, a
 * Förder-Check question), each preparing its own data and client.
 */
interface Samples {
  variants: readonly string[];
  target: (fuzz: FuzzServer, variant: string) => Promise<Target>;
}

const as =
  (who: Audience, path: (fuzz: FuzzServer, variant: string) => string | Promise<string>) =>
  async (fuzz: FuzzServer, variant: string): Promise<Target> => ({
    path: await path(fuzz, variant),
    client: await clientFor(fuzz.baseUrl, who),
  });

/** A new Förder-Check of an anonymous visitor, answered to the end, so every question can be opened. */
async function answeredCheck(fuzz: FuzzServer): Promise<Client> {
  const client = await clientFor(fuzz.baseUrl, 'anonymous');
  let location = (await client.post('/foerdercheck', {})).headers().location ?? '';
  for (let step = location.split('/').at(-1)!; step !== 'ergebnis'; step = location.split('/').at(-1)!) {
    const answer = gemeindeCheckAnswers[step];
    if (!answer) throw new Error(`no answer for the Förder-Check question "${step}" in gemeindeCheckAnswers`);
    const response = await client.post(location, { ...answer, intent: 'weiter' });
    expect(response.status(), `answering ${step}`).toBe(302);
    location = response.headers().location ?? '';
  }
  return client;
}

async function newQualityCheck(client: Client): Promise<string> {
  const started = await client.post('/qualitaetscheck', { title: 'Fuzz' });
  return /^\/qualitaetscheck\/[^/]+/.exec(started.headers().location ?? '')![0];
}

const draft = (fuzz: FuzzServer) => copyApplication(fuzz.file, 'Nachbarschaftsforen in der Görlitzer Innenstadt');

/** A copy of the association's demo application with a recorded Bescheid and one receipt. */
function implementation(fuzz: FuzzServer): { id: number; receiptId: number } {
  const id = draft(fuzz);
  const db = new SQLite(fuzz.file);
  db.pragma('busy_timeout = 5000');
  try {
    const at = new Date().toISOString();
    const organisation = (db.prepare('select organisation_id from applications where id = ?').get(id) as { organisation_id: number })
      .organisation_id;
    const implementationId = Number(
      db
        .prepare('insert into implementations (application_id, organisation_id, bescheid, created_at, updated_at) values (?, ?, ?, ?, ?)')
        .run(id, organisation, JSON.stringify(storedBescheid('B')), at, at).lastInsertRowid,
    );
    const receiptId = Number(
      db
        .prepare(
          "insert into implementation_receipts (implementation_id, line_id, invoiced_on, paid_on, payee, purpose, net_cents, gross_cents, created_at, updated_at) values (?, 'honorare', '2026-05-12', '2026-05-20', 'Moderation', 'Werkstatt', 123456, 123456, ?, ?)",
        )
        .run(implementationId, at, at).lastInsertRowid,
    );
    return { id, receiptId };
  } finally {
    db.close();
  }
}

/** An implementation whose grantee asked the EBBS to read the Sachbericht, so any advisor may open it. */
function askedForAdvice(fuzz: FuzzServer): number {
  const { id } = implementation(fuzz);
  const asked = runMachine(proofReviewMachine, {}, [
    { type: 'anfragen', actor: { role: 'applicant', userId: 1, member: true }, at: new Date().toISOString(), message: '' },
  ]);
  const db = new SQLite(fuzz.file);
  db.pragma('busy_timeout = 5000');
  try {
    db.prepare("update implementations set proof_review = ?, proof_review_status = 'angefragt' where application_id = ?").run(
      JSON.stringify(asked.persisted),
      id,
    );
  } finally {
    db.close();
  }
  return id;
}

/** A good example a grantee offered (waiting for the editors), stored directly. */
function offeredExample(fuzz: FuzzServer): number {
  const { id } = implementation(fuzz);
  const example = { ...demoExamples[0]!, slug: `fuzz-${id}`, fictional: false };
  const db = new SQLite(fuzz.file);
  db.pragma('busy_timeout = 5000');
  try {
    const organisation = (db.prepare('select organisation_id from applications where id = ?').get(id) as { organisation_id: number })
      .organisation_id;
    return Number(
      db
        .prepare(
          "insert into example_submissions (application_id, organisation_id, slug, data, status, submitted_at) values (?, ?, ?, ?, 'eingereicht', ?)",
        )
        .run(id, organisation, example.slug, JSON.stringify(example), new Date().toISOString()).lastInsertRowid,
    );
  } finally {
    db.close();
  }
}

function userId(file: string, email: string): number {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select id from users where email = ?').get(email) as { id: number }).id;
  } finally {
    db.close();
  }
}

/** The network member id of a demo account (the seed makes kommune@ and beratung@ members). */
function memberId(file: string, email: string): number {
  const db = new SQLite(file, { readonly: true });
  try {
    return (
      db.prepare('select m.id from network_members m join users u on u.id = m.user_id where u.email = ?').get(email) as { id: number }
    ).id;
  } finally {
    db.close();
  }
}

function lastMailTo(file: string, address: string): string {
  const db = new SQLite(file, { readonly: true });
  try {
    return (
      (db.prepare('select body from outbox where to_address = ? order by id desc limit 1').get(address) as { body: string } | undefined)
        ?.body ?? ''
    );
  } finally {
    db.close();
  }
}

/** Concrete paths (and who posts) for every route with URL parameters. */
const samples: Record<string, Samples> = {
  'antraege.$id.$schritt': { variants: stepIds, target: as('verein', (fuzz, step) => `/antraege/${draft(fuzz)}/${step}`) },
  'antraege.$id.$schritt.zwischenspeichern': {
    variants: stepIds.filter((step) => step !== 'anlagen' && step !== 'pruefen'),
    target: as('verein', (fuzz, step) => `/antraege/${draft(fuzz)}/${step}/zwischenspeichern`),
  },
  'antraege.$id.kosten.summen': { variants: ['summen'], target: as('verein', (fuzz) => `/antraege/${draft(fuzz)}/kosten/summen`) },
  'antraege.$id.status': { variants: ['status'], target: as('verein', (fuzz) => `/antraege/${draft(fuzz)}/status`) },
  'antraege.$id.kosten.importieren': {
    variants: ['kosten-import'],
    target: as('verein', (fuzz) => `/antraege/${draft(fuzz)}/kosten/importieren`),
  },
  'antraege.$id.loeschen': { variants: ['loeschen'], target: as('verein', (fuzz) => `/antraege/${draft(fuzz)}/loeschen`) },
  'antraege.$id.umsetzung._index': {
    variants: ['umsetzung'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung`),
  },
  'antraege.$id.umsetzung.bescheid': {
    variants: ['bescheid'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung/bescheid`),
  },
  'antraege.$id.umsetzung.belege._index': {
    variants: ['belege'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung/belege`),
  },
  'antraege.$id.umsetzung.belege.importieren': {
    variants: ['CSV-Import'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung/belege/importieren`),
  },
  'antraege.$id.umsetzung.aenderungen': {
    variants: ['aenderungen'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung/aenderungen`),
  },
  'antraege.$id.umsetzung.verwendungsnachweis': {
    variants: ['verwendungsnachweis'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung/verwendungsnachweis`),
  },
  'antraege.$id.umsetzung.mittelabruf': {
    variants: ['mittelabruf'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung/mittelabruf`),
  },
  'antraege.$id.umsetzung.belege.$beleg': {
    variants: ['beleg'],
    target: as('verein', (fuzz) => {
      const { id, receiptId } = implementation(fuzz);
      return `/antraege/${id}/umsetzung/belege/${receiptId}`;
    }),
  },
  'netzwerk.mitglieder.$id': {
    variants: ['mitglied'],
    target: as('beratung', (fuzz) => `/netzwerk/mitglieder/${memberId(fuzz.file, 'kommune@demo.example')}`),
  },
  'netzwerk.nachrichten.$id': {
    variants: ['Unterhaltung'],
    target: as('beratung', (fuzz) => `/netzwerk/nachrichten/${memberId(fuzz.file, 'kommune@demo.example')}`),
  },
  // The seeded question (thread 1); the advisor may use every form on it, moderation included.
  'netzwerk.themen.$id': { variants: ['Thema'], target: as('beratung', () => '/netzwerk/themen/1') },
  'antraege.$id.umsetzung.beispiel': {
    variants: ['beispiel'],
    target: as('verein', (fuzz) => `/antraege/${implementation(fuzz).id}/umsetzung/beispiel`),
  },
  'beispiele.redaktion.$id': {
    variants: ['eingereicht'],
    target: as('ministerium', (fuzz) => `/beispiele/redaktion/${offeredExample(fuzz)}`),
  },
  'redaktion.$art.$slug': {
    variants: ['Entwurf einer Methode'],
    target: async (fuzz) => {
      const client = await clientFor(fuzz.baseUrl, 'beratung');
      const created = await client.post('/redaktion', { kind: 'methode', title: `Fuzz-Methode ${Date.now()} ${Math.random()}` });
      const location = created.headers().location ?? '';
      expect(location, 'a new method draft for the fuzzer').toMatch(/^\/redaktion\/methode\/fuzz-methode-/);
      return { path: new URL(location, fuzz.baseUrl).pathname, client };
    },
  },
  'beratung.verwendungsnachweis.$id': {
    variants: ['angefragt'],
    target: as('beratung', (fuzz) => `/beratung/verwendungsnachweis/${askedForAdvice(fuzz)}`),
  },
  'beratung.$id': { variants: ['in Beratung'], target: as('beratung', (fuzz) => `/beratung/${copyApplication(fuzz.file, 'Wiesenbach')}`) },
  'regelwerk.aufrufe.$id': {
    variants: ['neu', 'demo-foerderaufruf'],
    target: as('ministerium', (_fuzz, id) => `/regelwerk/aufrufe/${id}`),
  },
  'regelwerk.parameter.$id': {
    variants: ['Entwurf'],
    target: async (fuzz) => {
      const client = await clientFor(fuzz.baseUrl, 'ministerium');
      const created = await client.post('/regelwerk/parameter', {
        parameterId: 'duration.B',
        value: '6',
        effectiveFrom: '01.01.2035',
        reference: 'FRL Teil 2 B V Nr. 3 (Fuzz)',
      });
      const location = created.headers().location ?? '';
      expect(location, 'a parameter draft for the fuzzer').toMatch(/^\/regelwerk\/parameter\/\d+/);
      return { path: new URL(location, fuzz.baseUrl).pathname, client };
    },
  },
  'qualitaetscheck.$id._index': {
    variants: ['Übersicht'],
    target: async (fuzz) => {
      const client = await clientFor(fuzz.baseUrl, 'kommune');
      return { path: await newQualityCheck(client), client };
    },
  },
  'qualitaetscheck.$id.$seite': {
    variants: ['perspektive', 'erstes Kriterium'],
    target: async (fuzz, page) => {
      const client = await clientFor(fuzz.baseUrl, 'kommune');
      const check = await newQualityCheck(client);
      if (page === 'perspektive') return { path: `${check}/perspektive`, client };
      expect((await client.post(`${check}/perspektive`, { perspective: 'verwaltung' })).status()).toBe(302);
      return { path: `${check}/${qualityCheckContent.criteria[0]!.id}`, client };
    },
  },
  'regelwerk.parameter.$id_.freigabe': {
    variants: ['Bestätigung'],
    target: async (fuzz) => {
      const { path, client } = await samples['regelwerk.parameter.$id']!.target(fuzz, 'Entwurf');
      return { path: `${path}/freigabe`, client };
    },
  },
  'regelwerk.aufrufe.vorschlaege.$nr': {
    variants: ['Vorschlag'],
    target: async (fuzz) => {
      // The call's own form sent back as it is rendered, with a new title: a proposal to confirm.
      const client = await clientFor(fuzz.baseUrl, 'ministerium');
      const path = '/regelwerk/aufrufe/demo-foerderaufruf';
      const [form] = (await formsOf(fuzz.parser, await (await client.get(path)).text(), path)).filter((f) => f.action === path);
      const fields = form!.controls.filter((c) => c.type !== 'submit' && (!['checkbox', 'radio'].includes(c.type) || c.checked));
      const values = Object.fromEntries(fields.map((c) => [c.name, c.name === 'title' ? `${c.value} (Fuzz)` : c.value]));
      const proposed = await client.post(path, values);
      expect(proposed.headers().location ?? '', 'a call proposal for the fuzzer').toMatch(/^\/regelwerk\/aufrufe\/vorschlaege\/\d+/);
      return { path: new URL(proposed.headers().location!, fuzz.baseUrl).pathname, client };
    },
  },
  // Account deletion (ADR 0074) with an account of its own: the fuzzer's wrong passwords count as failed
  // sign-ins and would otherwise lock the demo account out of the fuzz server for a quarter of an hour.
  'konto_.loeschen': {
    variants: ['eigenes Konto'],
    target: async (fuzz) => {
      const db = createDatabase(fuzz.file);
      try {
        const org = await db.selectFrom('organisations').select('id').where('name', '=', 'Gemeinde Wiesenbach').executeTakeFirstOrThrow();
        const credentials = { email: `fuzz-konto-${Date.now()}@example.de`, password: 'Fuzz-Konto-Passwort 2026' };
        await createUser(db, { ...credentials, name: 'Fuzz', role: 'applicant', organisationId: org.id });
        return { path: '/konto/loeschen', client: await clientFor(fuzz.baseUrl, credentials) };
      } finally {
        await db.destroy();
      }
    },
  },
  'verwaltung.konten.$id': {
    variants: ['Konto'],
    target: as('admin', (fuzz) => `/verwaltung/konten/${userId(fuzz.file, 'kommune2@demo.example')}`),
  },
  'passwort-neu.$token': {
    variants: ['Link aus der E-Mail'],
    target: async (fuzz) => {
      const client = await clientFor(fuzz.baseUrl, 'anonymous');
      expect((await client.post('/passwort-vergessen', { email: 'kommune2@demo.example' })).status()).toBe(302);
      const token = /\/passwort-neu\/([A-Za-z0-9_-]+)/.exec(lastMailTo(fuzz.file, 'kommune2@demo.example'))?.[1];
      expect(token, 'a reset link in the outbox').toBeTruthy();
      return { path: `/passwort-neu/${token}`, client };
    },
  },
  'qualitaetscheck.gast.$token': {
    variants: ['Gastlink'],
    target: async (fuzz) => {
      const owner = await clientFor(fuzz.baseUrl, 'verein');
      const check = await newQualityCheck(owner);
      expect((await owner.post(check, { intent: 'gastlink', label: 'Fuzz', validDays: '14' })).status()).toBe(302);
      const token = /\/qualitaetscheck\/gast\/([A-Za-z0-9_-]+)/.exec(await (await owner.get(check)).text())?.[1];
      expect(token, 'a guest link on the check page').toBeTruthy();
      await owner.dispose();
      return { path: `/qualitaetscheck/gast/${token}`, client: await clientFor(fuzz.baseUrl, 'anonymous') };
    },
  },
  'veranstaltungen.verwalten.$id': { variants: ['neu', '2'], target: as('ministerium', (_fuzz, id) => `/veranstaltungen/verwalten/${id}`) },
  // The demo event with selection (issue 18 Nr. 9).
  'veranstaltungen.verwalten.$id_.auswahl': {
    variants: ['6'],
    target: as('beratung', (_fuzz, id) => `/veranstaltungen/verwalten/${id}/auswahl`),
  },
  'veranstaltungen.$id._index': { variants: ['Anmeldung'], target: as('anonymous', () => '/veranstaltungen/1') },
  'veranstaltungen.anmeldung.$token': {
    variants: ['persönlicher Link'],
    target: async (fuzz) => {
      const client = await clientFor(fuzz.baseUrl, 'anonymous');
      const email = `fuzz-${Date.now()}@example.de`;
      const registered = await client.post('/veranstaltungen/1', { name: 'Fuzz', email, privacyConsent: 'on' });
      expect(registered.status(), 'a registration for the fuzzer').toBe(302);
      const token = /\/veranstaltungen\/anmeldung\/([A-Za-z0-9_-]+)/.exec(lastMailTo(fuzz.file, email))?.[1];
      expect(token, 'a personal link in the outbox').toBeTruthy();
      return { path: `/veranstaltungen/anmeldung/${token}`, client };
    },
  },
  'newsletter.abo.$token': {
    variants: ['persönlicher Link'],
    target: async (fuzz) => {
      const client = await clientFor(fuzz.baseUrl, 'anonymous');
      const email = `fuzz-newsletter-${Date.now()}@example.de`;
      const requested = await client.post('/newsletter', { email, privacyConsent: 'on' });
      expect(requested.status(), 'a newsletter request for the fuzzer').toBe(302);
      const token = /\/newsletter\/abo\/([A-Za-z0-9_-]+)/.exec(lastMailTo(fuzz.file, email))?.[1];
      expect(token, 'a personal link in the outbox').toBeTruthy();
      return { path: `/newsletter/abo/${token}`, client };
    },
  },
  // The demo draft (the sent demo issue refuses every change, which the 409 path covers once it is sent).
  'newsletter.verwalten.$id': { variants: ['Entwurf'], target: as('beratung', () => '/newsletter/verwalten/2') },
  'foerdercheck.$schritt': {
    variants: [...questionIds, 'ergebnis'],
    target: async (fuzz, step) => ({ path: `/foerdercheck/${step}`, client: await answeredCheck(fuzz) }),
  },
};

const mutating = routeFiles().filter((r) => r.mutating);

test('every route with an action and URL parameters has sample paths for the fuzzer', () => {
  expect(mutating.filter((r) => r.params.length > 0 && !samples[r.file]).map((r) => r.file)).toEqual([]);
  expect(mutating.length).toBeGreaterThan(20);
});

/** The first audience for whom the page answers 200: who would really fill in its forms. */
async function probeAudience(fuzz: FuzzServer, path: string): Promise<Target> {
  for (const who of ['anonymous', 'kommune', 'beratung', 'ministerium', 'admin'] as Audience[]) {
    const client = await clientFor(fuzz.baseUrl, who);
    if ((await client.get(path)).status() === 200) return { path, client };
    await client.dispose();
  }
  return { path, client: await clientFor(fuzz.baseUrl, 'kommune') };
}

function send(client: Client, path: string, entries: Entries, multipart: boolean): Promise<APIResponse> {
  const withToken: Entries = [...entries.filter(([name]) => name !== 'csrf'), ['csrf', client.csrf]];
  if (multipart) {
    const form = new FormData();
    for (const [name, value] of withToken) form.append(name, value);
    return client.api.fetch(path, { method: 'POST', multipart: form, maxRedirects: 0 });
  }
  const body = new URLSearchParams(withToken).toString();
  return client.api.fetch(path, {
    method: 'POST',
    data: body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    maxRedirects: 0,
  });
}

/**
 * A value as the browser holds it in the control (HTML's value sanitization): text inputs drop line
 * breaks, e-mail and URL inputs also surrounding white space, text areas normalise line breaks.
 */
function asBrowserShows(control: FormTemplate['controls'][number], value: string): string {
  // A text area's first line break is dropped by the HTML parser; React adds one to make up for it,
  // but not before a CR LF (a blank first line is all that can be lost).
  if (control.tag === 'textarea') return value.replace(/\r\n?/g, '\n').replace(/^\n/, value.startsWith('\r') ? '' : '\n');
  const oneLine = value.replace(/[\r\n]/g, '');
  return control.type === 'email' || control.type === 'url' ? oneLine.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '') : oneLine;
}

/** Whether the body is what this form sends with one of its own buttons (the form that answers is this one). */
function submittedBy(template: FormTemplate, entries: Entries): boolean {
  // A form that names its action in a hidden field (the comment forms) sends exactly that action; a
  // body without it is answered by whichever form handles the page's default action.
  const hiddenIntent = template.controls.find((c) => c.name === 'intent' && c.type === 'hidden');
  if (hiddenIntent) {
    const sent = entries.filter(([name]) => name === 'intent');
    return sent.length === 1 && sent[0]![1] === hiddenIntent.value;
  }
  const buttons = template.controls.filter((c) => c.type === 'submit');
  const pressed = entries.filter(([name]) => buttons.some((b) => b.name === name) || name === 'intent');
  if (!buttons.length) return pressed.length === 0;
  return pressed.length === 1 && buttons.some((b) => b.name === pressed[0]![0] && b.value === pressed[0]![1]);
}

const printable = (value: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(value);

/** No 5xx, no internals, a German message, and the typed text shown again where the form comes back. */
async function check(
  fuzz: FuzzServer,
  path: string,
  template: FormTemplate | null,
  entries: Entries,
  response: APIResponse,
  multipart: boolean,
) {
  const status = response.status();
  const label = `POST ${path} → ${status}`;
  expect(status, label).toBeLessThan(500);
  if (status < 400) return;
  const type = response.headers()['content-type'] ?? '';
  const text = await response.text();
  expect(text, label).not.toMatch(stackTrace);
  if (!type.startsWith('text/html')) {
    if (type.startsWith('application/json')) return;
    expect(text, label).not.toMatch(leakedInternals);
    expect(text, `${label}: a German message`).toMatch(germanText);
    return;
  }
  expect(text, label).toContain('lang="de-DE"');
  const main = /<main\b[\s\S]*<\/main>/.exec(text)?.[0] ?? '';
  expect(main, label).not.toMatch(leakedInternals);
  expect(main, `${label}: a German message in the page`).toMatch(germanText);
  if (status !== 400) return;
  // Either the form comes back with its errors announced, or (for a body no form can send, such as
  // an unknown action) the error page says what went wrong.
  expect(main, `${label}: the error is announced`).toMatch(/role="alert"|<h1>Die Anfrage konnte nicht verarbeitet werden<\/h1>/);
  if (!template || !submittedBy(template, entries)) return;
  // A part without a name is no form's (browsers leave unnamed controls out), and a multipart body
  // with one cannot be read at all: the page says so, there is no typed text to show again.
  if (multipart && entries.some(([name]) => name === '')) return;
  const shown = await renderedValues(fuzz.parser, text, path, template);
  for (const control of template.controls.filter(isTypedText)) {
    // Only a field sent once and under no other name Conform reads as the same field ("a[0]", "a.b").
    const sent = entries.filter(
      ([name]) => name === control.name || name.startsWith(`${control.name}[`) || name.startsWith(`${control.name}.`),
    );
    const posted = sent[0]?.[1];
    if (sent.length !== 1 || sent[0]![0] !== control.name || posted === undefined || !printable(posted) || !shown.has(control.name))
      continue;
    // A form that hands the text back with its line breaks made LF shows even a blank first line
    // (React keeps it before an LF, not before a CR LF): all of what was typed, which is better still.
    const whole = control.tag === 'textarea' ? posted.replace(/\r\n?/g, '\n') : asBrowserShows(control, posted);
    expect([asBrowserShows(control, posted), whole], `${label}: "${control.name}" shows what was typed`).toContain(shown.get(control.name));
  }
}

/**
 * The views of a draft that show what a POST to its step may have stored: its PDF after every
 * accepted save, overview, export and the editable PDF with Anlage 3 once at the end.
 */
function draftViews(path: string, end: boolean): string[] {
  const draft = /^\/antraege\/(\d+)\//.exec(path)?.[1];
  if (!draft) return [];
  return end
    ? [
        `/antraege/${draft}`,
        `/antraege/${draft}/export.json`,
        `/antraege/${draft}/pdf`,
        `/antraege/${draft}/pdf?fassung=bearbeitbar&pruefung=1`,
      ]
    : [`/antraege/${draft}/pdf`];
}

/** Long strings shortened, so a failure with a 200 kB body stays readable. */
const brief = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.length > 80
      ? `${value.slice(0, 40)}…(${value.length} Zeichen)`
      : value
    : Array.isArray(value)
      ? value.map(brief)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, brief(v)]))
        : value;

function reportBriefly(details: fc.RunDetails<[{ form: FormTemplate | null; entries: Entries }, boolean]>) {
  if (!details.failed) return;
  const [body, multipart] = details.counterexample ?? [];
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${cause}\nbody (${multipart ? 'multipart' : 'urlencoded'}): ${JSON.stringify(brief(body?.entries))}\nseed ${details.seed}, path "${details.counterexamplePath}"`,
  );
}

for (const route of mutating) {
  // A route without URL parameters may still bring its own sample (an account of its own, say).
  const sampled = route.params.length > 0 || samples[route.file] !== undefined;
  for (const variant of sampled ? (samples[route.file]?.variants ?? []) : ['']) {
    test(`fuzz ${route.file}${variant ? ` (${variant})` : ''}`, async ({ fuzz }) => {
      // A few requests per body, some with 200 kB; what is checked is every answer, not the time.
      test.setTimeout(Math.max(120_000, runs * 10_000));
      const { path, client } = sampled ? await samples[route.file]!.target(fuzz, variant) : await probeAudience(fuzz, route.pattern);
      const page = await client.get(path);
      let shown = page.status() === 200 ? await page.text() : '';
      const forms = shown ? (await formsOf(fuzz.parser, shown, path)).filter((f) => f.action === path) : [];
      const body = fc.oneof(...[null, ...forms].map((form) => bodyFor(form).map((entries) => ({ form, entries }))));
      await fc.assert(
        fc.asyncProperty(body, fc.boolean(), async ({ form, entries }, asMultipart) => {
          // A kept version field carries the version the page shows now, so the body reaches
          // validation rather than the conflict view.
          const kept = form?.controls.find((c) => c.name === 'version')?.value;
          const version = /name="version"[^>]*value="(\d+)"/.exec(shown)?.[1] ?? kept;
          entries = entries.map(([n, v]) => [n, n === 'version' && v === kept && version ? version : v]);
          const multipart = asMultipart || (form?.multipart ?? false);
          const response = await send(client, path, entries, multipart);
          await check(fuzz, path, form, entries, response, multipart);
          // Whatever was stored must still render: the page itself, and a draft's PDF after a save.
          const after = await client.get(path);
          expect(after.status(), `GET ${path} after the POST`).toBeLessThan(500);
          shown = after.status() === 200 ? await after.text() : shown;
          if (response.status() === 302)
            for (const view of draftViews(path, false))
              expect((await client.get(view)).status(), `GET ${view} after the save`).toBeLessThan(500);
        }),
        { numRuns: runs, endOnFailure: true, reporter: reportBriefly, ...(seed === undefined ? {} : { seed }) },
      );
      for (const view of draftViews(path, true)) expect((await client.get(view)).status(), `GET ${view} after fuzzing`).toBeLessThan(500);
      await client.dispose();
    });
  }
}
