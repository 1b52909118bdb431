import type { DB } from '../../db/client';
import { indexMissingThreads, indexThread } from '../../db/repositories/netzwerk-search';
import { topicCategories } from '../../machines/netzwerk/topics';
import { load, printLoad, printRatios, type LoadResult } from './load';
import { startBenchServer } from './server';

/** Posts in all, the opening posts included; one thread of them has BIG_REPLIES replies. */
const POSTS = 10_000;
const BIG_REPLIES = 500;
const POSTS_PER_THREAD = 5;

/*
 * Issue 20 "Done when": the thread page with 500 replies and the topic search over 10 000 posts, p95 at
 * concurrency 1 and 16, against the start page (ADR 0076). The posts are generated German-like text
 * from a few hundred words (compounds drawn with a skew, so some words are in thousands of posts and
 * others in a handful), written straight into the tables and then indexed by the start-up backfill.
 */

// A small deterministic random source, so two runs rank the same data.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const firstParts =
  'Bürger Jugend Dorf Stadt Orts Vereins Schul Senioren Nachbarschafts Familien Kultur Sport Umwelt Verkehrs Spiel Park Markt Kirch Rathaus Garten'.split(
    ' ',
  );
const lastParts = 'rat forum werkstatt haushalt platz fest versammlung befragung konferenz planung treff beirat projekt abend gruppe'.split(
  ' ',
);
const compounds = firstParts.flatMap((a) => lastParts.map((b) => `${a}${b}`));
const common =
  'wir haben eine einen gute Erfahrung gemacht mit Einladung Losverfahren Melderegister Moderation Protokoll Ergebnis Gemeinderat Beschluss Förderung Antrag Zeitplan Kosten Honorar Raum Beteiligung Menschen Kinder Jugendliche Eltern Verwaltung Bürgermeisterin Öffentlichkeit Presse Plakat Flyer Umfrage online digital analog gemeinsam schnell langsam schwierig einfach wichtig hilfreich beim nächsten Mal würden wir früher anfangen und mehr Zeit einplanen Datenschutz Einwilligung Fotos Barrierefreiheit Gebärdensprache leichte Sprache Übersetzung Kinderbetreuung Catering Abstimmung Punkte Dokumentation Nachbereitung Rückmeldung'.split(
    ' ',
  );

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++)
    out.push(next() < 0.35 ? compounds[Math.floor(compounds.length * next() ** 2)]! : common[Math.floor(common.length * next())]!);
  return `${out.join(' ')}.`;
}

function postText(next: () => number): string {
  const sentences = 1 + Math.floor(next() * 4);
  return Array.from({ length: sentences }, () => sentence(next, 8 + Math.floor(next() * 14))).join(' ');
}

/** Writes the threads and posts in bulk (no repository calls: the index is built afterwards). */
async function seedTopics(db: DB): Promise<{ bigThreadId: number }> {
  const next = random(20);
  const members = (await db.selectFrom('network_members').select('id').execute()).map((m) => m.id);
  const last = await db
    .selectFrom('network_threads')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const firstId = Number(last?.id ?? 0) + 1;
  const start = Date.parse('2026-06-01T08:00:00.000Z');
  const threads: Array<{ id: number; posts: number }> = [{ id: firstId, posts: BIG_REPLIES + 1 }];
  let remaining = POSTS - (BIG_REPLIES + 1);
  while (remaining > 0) {
    const posts = Math.min(remaining, 1 + Math.floor(next() * (2 * POSTS_PER_THREAD - 1)));
    threads.push({ id: firstId + threads.length, posts });
    remaining -= posts;
  }
  await db.transaction().execute(async (trx) => {
    const threadRows = threads.map((t, i) => {
      const at = new Date(start + i * 3_600_000).toISOString();
      return {
        id: t.id,
        category: topicCategories[i % topicCategories.length]!,
        title: sentence(next, 3 + Math.floor(next() * 6)).slice(0, -1),
        is_question: i % 2,
        author_id: members[i % members.length]!,
        accepted_post_id: null,
        reply_count: t.posts - 1,
        created_at: at,
        last_activity_at: new Date(start + i * 3_600_000 + (t.posts - 1) * 60_000).toISOString(),
      };
    });
    for (let i = 0; i < threadRows.length; i += 500)
      await trx
        .insertInto('network_threads')
        .values(threadRows.slice(i, i + 500))
        .execute();
    const postRows = threads.flatMap((t, i) =>
      Array.from({ length: t.posts }, (_, n) => ({
        thread_id: t.id,
        author_id: members[(i + n) % members.length]!,
        opening: n === 0 ? 1 : 0,
        body: postText(next),
        created_at: new Date(start + i * 3_600_000 + n * 60_000).toISOString(),
        edited_at: null,
        hidden_at: null,
        hidden_reason: null,
      })),
    );
    for (let i = 0; i < postRows.length; i += 500)
      await trx
        .insertInto('network_posts')
        .values(postRows.slice(i, i + 500))
        .execute();
  });
  return { bigThreadId: firstId };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const page = await fetch(`${baseUrl}/anmelden`);
  const csrfCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const response = await fetch(`${baseUrl}/anmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie, Origin: baseUrl },
    body: new URLSearchParams({ email, password: 'Demo-Passwort-2026', csrf }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return `${csrfCookie}; ${session}`;
}

export async function benchNetzwerk(): Promise<void> {
  let bigThreadId = 0;
  const notes: string[] = [];
  const server = await startBenchServer(async (db) => {
    let started = performance.now();
    ({ bigThreadId } = await seedTopics(db));
    notes.push(`${POSTS.toLocaleString('de-DE')} Beiträge geschrieben: ${(performance.now() - started).toFixed(0)} ms`);
    started = performance.now();
    const indexed = await indexMissingThreads(db);
    notes.push(`Nachindexieren beim Start (${indexed.toLocaleString('de-DE')} Themen): ${(performance.now() - started).toFixed(0)} ms`);
    // What every new reply to the big thread costs on top of the insert: its documents are rebuilt.
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      started = performance.now();
      await db.transaction().execute((trx) => indexThread(trx, bigThreadId));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    notes.push(
      `Index des Themas mit ${BIG_REPLIES} Antworten neu schreiben (je Antwort): Median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`,
    );
  });
  try {
    const cookie = await signIn(server.baseUrl, 'kommune@demo.example');
    const pages: Array<[string, string]> = [
      ['Startseite / (gerendert)', '/'],
      ['Themenliste ohne Suche', '/netzwerk/themen'],
      [`Thema mit ${BIG_REPLIES} Antworten, Seite 1`, `/netzwerk/themen/${bigThreadId}`],
      [`Thema mit ${BIG_REPLIES} Antworten, letzte Seite`, `/netzwerk/themen/${bigThreadId}?seite=10`],
      ['Suche „Bürgerrat“ (häufig)', `/netzwerk/themen?q=${encodeURIComponent('Bürgerrat')}`],
      ['Suche „Gartenkonferenz“ (selten)', `/netzwerk/themen?q=${encodeURIComponent('Gartenkonferenz')}`],
      ['Suche „Losverfahren Melderegister“', `/netzwerk/themen?q=${encodeURIComponent('Losverfahren Melderegister')}`],
      ['Suche „Jugendforum“ + Kategorie, Seite 2', `/netzwerk/themen?q=Jugendforum&kategorie=recht&seite=2`],
    ];
    const headers = { Cookie: cookie };
    for (const [label, path] of pages) {
      const response = await fetch(`${server.baseUrl}${path}`, { headers });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
      const count = /<h2>([\d.]+) Themen?<\/h2>/.exec(html.replace(/<!-- -->/g, ''))?.[1];
      if (count) notes.push(`${label}: ${count} Themen gefunden`);
    }
    const results: LoadResult[] = [];
    for (const connections of [1, 16])
      for (const [label, path] of pages) results.push(await load({ label, url: `${server.baseUrl}${path}`, connections, headers }));
    console.log(`\n## EBBS-Netzwerk: Thema mit ${BIG_REPLIES} Antworten, Suche über ${POSTS.toLocaleString('de-DE')} Beiträge`);
    for (const note of notes) console.log(`- ${note}`);
    printLoad(results);
    printRatios(results, (r) => r.label.startsWith('Startseite'), 'der Startseite');
  } finally {
    await server.stop();
  }
}
