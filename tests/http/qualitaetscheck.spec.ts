import { expect, test, type APIResponse } from '@playwright/test';
import { applyAdviceEvent, startAdvice } from '../../machines/frl/advice/machine';
import { qualityCheckContent } from '../../machines/qualitaetscheck/content';
import {
  answerInvalidMessage,
  answerRequiredMessage,
  attachRequiredMessage,
  inviteRequiredMessage,
  perspectiveRequiredMessage,
} from '../../machines/qualitaetscheck/form';
import { pageQuestions } from '../../machines/qualitaetscheck/scoring';
import { e2eDatabase } from '../support/e2e-database';
import { qualityAnnexHeading } from '../../forms/qualitaetscheck/index';
import { clientFor, type Client } from '../support/http';
import { pdfText, squash } from '../support/pdf';

/** Starts a check as `client` and returns its path ("/qualitaetscheck/<id>"). */
async function startCheck(client: Client, title = 'HTTP-Test'): Promise<string> {
  const response = await client.post('/qualitaetscheck', { title });
  expect(response.status()).toBe(302);
  return /^\/qualitaetscheck\/[^/]+/.exec(response.headers().location ?? '')![0];
}

async function choose(client: Client, check: string, perspective: string) {
  const response = await client.post(`${check}/perspektive`, { perspective });
  expect(response.status()).toBe(302);
  return response.headers().location!;
}

/** The page's text as sent, without React's markers between adjacent text nodes. */
const textOf = async (response: APIResponse) => (await response.text()).replaceAll('<!-- -->', '');

/** The review version the page's status forms carry. */
const reviewVersionOf = async (client: Client, path: string) =>
  /name="reviewVersion" value="(\d+)"/.exec(await (await client.get(path)).text())![1]!;

const userId = (email: string) => (e2eDatabase().prepare('select id from users where email = ?').get(email) as { id: number }).id;

const [first] = qualityCheckContent.criteria;
const firstQuestions = pageQuestions(qualityCheckContent, first!.id, 'verwaltung');

test('bad answers get a German message on the same page and nothing typed is lost', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune2');
  const check = await startCheck(client);

  const noPerspective = await client.post(`${check}/perspektive`, { perspective: 'presse' });
  expect(noPerspective.status()).toBe(400);
  expect(await textOf(noPerspective)).toContain(perspectiveRequiredMessage);
  // Pages not reached yet lead back to where the respondent is; unknown pages do not exist.
  expect((await client.get(`${check}/${first!.id}`)).headers().location).toBe(`${check}/perspektive`);
  expect((await client.get(`${check}/unbekannt`)).status()).toBe(404);

  expect(await choose(client, check, 'verwaltung')).toBe(`${check}/${first!.id}`);
  const page = `${check}/${first!.id}`;
  const note = `Notiz mit Umlauten äöüß – ${'x'.repeat(1000)}`;
  const tampered = await client.post(page, {
    intent: 'weiter',
    [`answers.${firstQuestions[0]!.id}.value`]: '7',
    [`answers.${firstQuestions[1]!.id}.value`]: '2',
    [`answers.${firstQuestions[1]!.id}.note`]: note,
  });
  expect(tampered.status()).toBe(400);
  const html = await textOf(tampered);
  expect(html).toContain(answerInvalidMessage);
  expect(html).toContain('Bitte kürzen Sie die Notiz auf höchstens 1.000 Zeichen');
  expect(html).toContain(answerRequiredMessage);
  expect(html).toContain(note);

  // "Später beantworten" saves what is valid and goes on; the open statements stay open.
  const later = await client.post(page, { intent: 'spaeter', [`answers.${firstQuestions[0]!.id}.value`]: '2' });
  expect(later.status()).toBe(302);
  const result = await client.post(later.headers().location!, { intent: 'zum-ergebnis' });
  expect(result.headers().location).toBe(`${check}/ergebnis`);
  const resultHtml = await textOf(await client.get(`${check}/ergebnis`));
  expect(resultHtml).toMatch(/1 von (\d+) Aussagen beantwortet/);
  const total = Number(/1 von (\d+) Aussagen beantwortet/.exec(resultHtml)![1]);
  expect(resultHtml).toContain(`Noch offen: ${total - 1} Aussagen`);
  await client.dispose();
});

test('invitations only reach colleagues, drafts only the own organisation’s', async ({ baseURL }) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const check = await startCheck(kommune);
  const empty = await kommune.post(check, { intent: 'einladen' });
  expect(empty.status()).toBe(400);
  expect(await textOf(empty)).toContain(inviteRequiredMessage);
  const stranger = await kommune.post(check, { intent: 'einladen', colleagues: String(userId('verein@demo.example')) });
  expect(stranger.status()).toBe(400);
  expect(await textOf(stranger)).toContain('Bitte wählen Sie nur Kolleginnen und Kollegen Ihrer Organisation aus der Liste aus.');
  expect((await kommune.post(check, { intent: 'einladen', colleagues: 'abc' })).status()).toBe(400);

  const noDraft = await kommune.post(check, { intent: 'anhaengen' });
  expect(noDraft.status()).toBe(400);
  expect(await textOf(noDraft)).toContain(attachRequiredMessage);
  const verein = await clientFor(baseURL!, 'verein');
  const foreignDraft = /\d+$/.exec((await verein.post('/antraege/neu', {})).headers().location!)![0];
  expect((await kommune.post(check, { intent: 'anhaengen', application: foreignDraft })).status()).toBe(404);
  expect(
    (await kommune.post('/qualitaetscheck', { intent: 'beifuegen', check: check.split('/')[2]!, antrag: foreignDraft })).status(),
  ).toBe(404);
  // Another organisation can neither attach nor start in someone else's check.
  expect((await verein.post(check, { intent: 'teilnehmen' })).status()).toBe(404);
  await Promise.all([kommune.dispose(), verein.dispose()]);
});

test('advisors read a check only while it is attached to a draft shared with them, and never answer it', async ({ baseURL }) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const beratung = await clientFor(baseURL!, 'beratung');
  const check = await startCheck(kommune, 'Für die Beratung');
  await choose(kommune, check, 'verwaltung');
  const draft = (await kommune.post('/antraege/neu', {})).headers().location!;
  const draftId = Number(/\d+$/.exec(draft)![0]);
  expect((await kommune.post(check, { intent: 'anhaengen', application: String(draftId) })).status()).toBe(302);

  // Attached, but advice not requested yet.
  expect((await beratung.get(check)).status()).toBe(404);

  const status = `/antraege/${draftId}/status`;
  const asked = await kommune.post(status, {
    intent: 'beratung.anfragen',
    advisor: '',
    reviewVersion: await reviewVersionOf(kommune, status),
  });
  expect(asked.status()).toBe(302);

  const overview = await beratung.get(check);
  expect(overview.status()).toBe(200);
  expect(await textOf(overview)).toContain('weil er einem Antrag beigefügt ist, den Sie beraten');
  expect((await beratung.get(`${check}/bericht.pdf`)).status()).toBe(200);
  expect((await beratung.get(`${check}/perspektive`)).headers().location).toBe(check);
  expect((await beratung.post(`${check}/perspektive`, { perspective: 'politik' })).status()).toBe(403);
  expect((await beratung.post(check, { intent: 'teilnehmen' })).status()).toBe(403);

  // Taken by another advisor: no longer readable for this one (the same rule as the advice pages).
  const db = e2eDatabase();
  const saved = db.prepare('select review_snapshot from applications where id = ?').get(draftId) as { review_snapshot: string };
  const taken = applyAdviceEvent(startAdvice(JSON.parse(saved.review_snapshot)), {
    type: 'beratung.uebernehmen',
    actor: { role: 'advisor', userId: userId('beratung@demo.example') + 100_000, member: false },
    at: new Date().toISOString(),
  });
  expect(taken.accepted).toBe(true);
  db.prepare('update applications set review_snapshot = ? where id = ?').run(JSON.stringify(taken.persisted), draftId);
  expect((await beratung.get(check)).status()).toBe(404);
  db.prepare('update applications set review_snapshot = ? where id = ?').run(saved.review_snapshot, draftId);
  expect((await beratung.get(check)).status()).toBe(200);
  // Detached: readable for no advisor.
  expect((await kommune.post(check, { intent: 'loesen', application: String(draftId) })).status()).toBe(302);
  expect((await beratung.get(check)).status()).toBe(404);
  db.close();
  await Promise.all([kommune.dispose(), beratung.dispose()]);
});

test('a published content version leaves started checks on theirs; switching keeps every answer and reports what changed', async ({
  baseURL,
}) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const beratung = await clientFor(baseURL!, 'beratung');
  const ministerium = await clientFor(baseURL!, 'ministerium');
  const check = await startCheck(kommune, 'Fassungswechsel');
  let page = await choose(kommune, check, 'verwaltung');
  const lernen = qualityCheckContent.criteria.find((c) => c.id === 'lernen')!;
  while (!page.endsWith('/lernen')) page = (await kommune.post(page, { intent: 'spaeter' })).headers().location!;
  const answers = Object.fromEntries(pageQuestions(qualityCheckContent, 'lernen', 'verwaltung').map((q) => [`answers.${q.id}.value`, '3']));
  expect(Object.keys(answers)).toContain('answers.lernen-erkenntnisse-weitergeben.value');
  expect((await kommune.post(page, { intent: 'zum-ergebnis', ...answers })).status()).toBe(302);

  // Bad content: German messages with the path, nothing stored, the typed text kept.
  const broken = await beratung.post('/qualitaetscheck/inhalte', { intent: 'pruefen', content: '{ "version": ', note: 'Kaputt' });
  expect(broken.status()).toBe(400);
  expect(await textOf(broken)).toContain('Der Inhalt ist kein gültiges JSON');
  const same = await beratung.post('/qualitaetscheck/inhalte', {
    intent: 'veroeffentlichen',
    content: JSON.stringify(qualityCheckContent),
    note: 'Doppelt',
  });
  expect(same.status()).toBe(400);
  expect(await textOf(same)).toContain('Die Fassung „2026-1“ gibt es schon.');

  // A new version without one statement of "Aus Erfahrung lernen".
  const next = JSON.parse(JSON.stringify(qualityCheckContent));
  next.version = '2099-1';
  next.criteria.find((c: { id: string }) => c.id === 'lernen').questions = lernen.questions.filter(
    (q) => q.id !== 'lernen-erkenntnisse-weitergeben',
  );
  const form = { content: JSON.stringify(next), note: 'Eine Aussage zum Lernen entfällt.' };
  const preview = await ministerium.post('/qualitaetscheck/inhalte', { intent: 'pruefen', ...form });
  expect(preview.status()).toBe(200);
  const previewHtml = await textOf(preview);
  expect(previewHtml).toContain('Prüfung bestanden: Fassung 2099-1');
  expect(previewHtml).toContain('Entfallene Aussagen');
  const published = await ministerium.post('/qualitaetscheck/inhalte', { intent: 'veroeffentlichen', ...form });
  expect(published.status()).toBe(302);
  expect(await textOf(await ministerium.get('/qualitaetscheck/inhalte'))).toContain('Eine Aussage zum Lernen entfällt.');

  // The started check keeps 2026-1 and all three statements.
  const overview = await textOf(await kommune.get(check));
  expect(overview).toContain('Es gibt eine neuere Fassung des QualitätsChecks (2099-1)');
  expect(await textOf(await kommune.get(`${check}/lernen`))).toContain('Aussage 3 von 3');
  // A new check starts with 2099-1.
  const fresh = await startCheck(kommune, 'Neue Fassung');
  expect(await textOf(await kommune.get(fresh))).toContain('Fassung 2099-1');

  // Switching: the dropped statement's answer is kept and named.
  expect((await kommune.post(check, { intent: 'fassung' })).status()).toBe(302);
  const result = await textOf(await kommune.get(`${check}/ergebnis`));
  expect(result).toContain('gehört zu einer früheren Fassung');
  expect(result).toContain(lernen.questions.find((q) => q.id === 'lernen-erkenntnisse-weitergeben')!.text);
  expect(result).toMatch(/Aus Erfahrung lernen<\/th><td class="num">100<\/td>/);
  await Promise.all([kommune.dispose(), beratung.dispose(), ministerium.dispose()]);
});

test('the application PDF includes the attached check as an annex only when asked to, for the applicant and the advisor', async ({
  baseURL,
}) => {
  const kommune = await clientFor(baseURL!, 'kommune2');
  const check = await startCheck(kommune, 'Anlage zum Antrag');
  await choose(kommune, check, 'verwaltung');
  const answered = await kommune.post(`${check}/${first!.id}`, { intent: 'spaeter', [`answers.${firstQuestions[0]!.id}.value`]: '3' });
  expect(answered.status()).toBe(302);
  const draftId = Number(/\d+$/.exec((await kommune.post('/antraege/neu', {})).headers().location!)![0]);
  const pdfText_ = async (client: Client, query: string) =>
    squash(pdfText(new Uint8Array(await (await client.get(`/antraege/${draftId}/pdf?${query}`)).body())));

  // Nothing attached: no choice offered, and the parameter adds nothing.
  expect(await textOf(await kommune.get(`/antraege/${draftId}`))).not.toContain('name="qualitaetscheck"');
  expect(await pdfText_(kommune, 'qualitaetscheck=1')).not.toContain(squash(qualityAnnexHeading));

  expect((await kommune.post(check, { intent: 'anhaengen', application: String(draftId) })).status()).toBe(302);
  expect(await textOf(await kommune.get(`/antraege/${draftId}`))).toContain('Den beigefügten QualitätsCheck als Anlage beifügen');
  expect(await pdfText_(kommune, 'fassung=einreichung')).not.toContain(squash(qualityAnnexHeading));
  const withAnnex = await pdfText_(kommune, 'fassung=einreichung&qualitaetscheck=1');
  expect(withAnnex).toContain(squash(`${qualityAnnexHeading} – Anlage zum Antrag`));
  expect(withAnnex).toContain(squash(first!.title));

  // The advisor of the draft sees the profile on the advice page and gets the same annex.
  const status = `/antraege/${draftId}/status`;
  await kommune.post(status, { intent: 'beratung.anfragen', advisor: '', reviewVersion: await reviewVersionOf(kommune, status) });
  const beratung = await clientFor(baseURL!, 'beratung');
  const advicePage = await textOf(await beratung.get(`/beratung/${draftId}`));
  expect(advicePage).toContain('QualitätsCheck: Anlage zum Antrag');
  expect(await pdfText_(beratung, 'qualitaetscheck=1')).toContain(squash(`${qualityAnnexHeading} – Anlage zum Antrag`));
  await Promise.all([kommune.dispose(), beratung.dispose()]);
});
