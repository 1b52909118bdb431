import { insertProgramEntry } from '../../db/repositories/content';
import { methods } from '../../machines/methoden/catalogue';
import { demoExamples } from '../../machines/methoden/examples';
import { load, loadInTurns, printLoad, printRatios } from './load';
import { startBenchServer } from './server';

const METHODS = 500;
const EXAMPLES = 5_000;

/** Two-word queries from the catalogue's own vocabulary, each pair once, in a fixed shuffled order. */
function freshWords(): string[] {
  const words = [
    ...new Set(
      methods
        .flatMap((m) => `${m.name} ${m.summary}`.split(/[^\p{L}]+/u))
        .filter((w) => w.length >= 6)
        .map((w) => w.toLowerCase()),
    ),
  ];
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push(`${words[i]} ${words[j]}`);
  // Shuffled with a fixed seed: the same order every run.
  let seed = 17;
  for (let i = pairs.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = seed % (i + 1);
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return pairs;
}

/**
 * Issue 17: search over 500 methods and 5 000 good examples (published entries in the database,
 * variants of the shipped ones under their own names) against the rendered start page, p95 at 1
 * and 16 connections (goal: at most 1,5× the start page).
 */
export async function benchSearch(): Promise<void> {
  const server = await startBenchServer(async (db) => {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < METHODS; i++) {
        const m = methods[i % methods.length]!;
        const content = i < methods.length ? m : { ...m, slug: `${m.slug}-${i}`, name: `${m.name} ${i}` };
        await insertProgramEntry(trx, { kind: 'methode', slug: content.slug, content });
      }
      for (let i = 0; i < EXAMPLES; i++) {
        const e = demoExamples[i % demoExamples.length]!;
        const content = i < demoExamples.length ? e : { ...e, slug: `${e.slug}-${i}`, title: `${e.title} (${i})`, year: 2022 + (i % 5) };
        await insertProgramEntry(trx, { kind: 'beispiel', slug: content.slug, content });
      }
    });
  });
  try {
    const pages: Array<[string, string]> = [
      ['Startseite / (gerendert)', '/'],
      ['Methoden: Suche „Jugendlicher“', '/methoden?q=Jugendlicher'],
      ['Methoden: Suche und Filter', '/methoden?q=Beteiligung+Abende&zielgruppe=jugendliche&kosten=20000'],
      ['Beispiele: Suche „Jugend Platz“', '/beispiele?q=Jugend+Platz'],
      ['Beispiele: Suche und Förderweg', '/beispiele?q=B%C3%BCrgerrat&foerderweg=B'],
    ];
    // One request each first: the catalogue and the indexes are built once per content version.
    for (const [, path] of pages) await (await fetch(`${server.baseUrl}${path}`)).arrayBuffer();
    // Recent searches are kept (ADR 0077): words never asked before show what a search costs.
    const fresh = freshWords();
    const only = process.env.BENCH_ONLY;
    if (only?.startsWith('fresh:/')) {
      // BENCH_ONLY=fresh:/beispiele?q= asks the page with words never asked before.
      const base = only.slice('fresh:'.length);
      const paths = fresh.map((w) => `${base}${encodeURIComponent(w)}`);
      printLoad([
        await load({ label: only, url: `${server.baseUrl}/`, connections: 16, paths, seconds: Number(process.env.BENCH_SECONDS ?? 5) }),
      ]);
      return;
    }
    if (only?.startsWith('/')) {
      // For profiling one page alone: BENCH_ONLY=/beispiele?q=Jugend+Platz BENCH_NODE_ARGS="--cpu-prof …".
      printLoad([
        await load({ label: only, url: `${server.baseUrl}${only}`, connections: 16, seconds: Number(process.env.BENCH_SECONDS ?? 5) }),
      ]);
      return;
    }
    const results = [];
    for (const connections of [1, 16]) {
      // The start page and the searches take turns in one-second slices (loadInTurns): their ratios
      // are the goal, and measured one after the other they moved with the machine's pace.
      results.push(
        ...(await loadInTurns([
          ...pages.map(([label, path]) => ({ label, url: `${server.baseUrl}${path}`, connections })),
          ...(
            [
              ['Methoden: stets neue Suchwörter', '/methoden?q='],
              ['Beispiele: stets neue Suchwörter', '/beispiele?q='],
            ] as const
          ).map(([label, base]) => ({
            label,
            url: `${server.baseUrl}/`,
            connections,
            paths: fresh.map((w) => `${base}${encodeURIComponent(w)}`),
          })),
        ])),
      );
    }
    console.log(`\n## Suche: ${METHODS} Methoden und ${EXAMPLES.toLocaleString('de-DE')} gute Beispiele`);
    printLoad(results);
    printRatios(results, (r) => r.label.startsWith('Startseite'), 'der Startseite');
  } finally {
    await server.stop();
  }
}
