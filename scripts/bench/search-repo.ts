import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { createPostgresDatabase, postgresReachable } from '../../db/postgres';
import { replaceSearchDocuments, searchContent } from '../../db/repositories/content-search';
import { parseQuery, type SearchDocument } from '../../machines/shared/search';

/**
 * Issue 17, ADR 0071: `searchContent` over 500 method-like and 5 000 example-like generated German
 * documents, p50/p95 per query at 1 and 16 concurrent searches, on a SQLite file and (when
 * reachable) PostgreSQL in a schema of its own, dropped afterwards. Needs no build.
 */

const words =
  'Beteiligung Jugendbeteiligung Jugendliche Bürgerrat Bürgerräte Losverfahren Zukunftswerkstatt Planungszelle Mediation Konflikt Nachbarn Dorf Ortsteil Gemeinde Stadtrat Kinder Senioren Seniorentreff Spielplatz Verkehr Radweg Schule Haushalt Bürgerhaushalt Workshop Moderation Online Umfrage Befragung Forum Stadtteilforum Versammlung Einwohner Verwaltung Ehrenamt Verein Kultur Sport Klima Energie Wasser Wald Markt Innenstadt Leerstand Jugendparlament Beirat Dialog Werkstatt Ausstellung Spaziergang Karte Plakat Einladung Protokoll Ergebnis Empfehlung Entscheidung Abstimmung Zufallsauswahl Vielfalt Inklusion Barrierefreiheit Sprache Familie Eltern Nachbarschaft Garten Friedhof Feuerwehr Bahnhof Bibliothek Museum Kirche Festival Fest'.split(
    ' ',
  );
const fillers = 'und die der mit für im am zum in eine einen wird werden haben viele neue gemeinsam offen lokal'.split(' ');

/** A small deterministic generator, so every run searches the same texts. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)]!;
  const text = (n: number) => Array.from({ length: n }, () => (next() < 0.35 ? pick(fillers) : pick(words))).join(' ');
  return { text };
}

function documents(prefix: string, count: number, sizes: [number, number, number], seed: number): SearchDocument[] {
  const g = generator(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    fields: [
      { text: g.text(sizes[0]), weight: 6 },
      { text: g.text(sizes[1]), weight: 3 },
      { text: g.text(sizes[2]), weight: 1 },
    ],
  }));
}

const queries = [
  'Jugendlicher',
  'Bürgerrat Losverfahren',
  'Beteiligung im Dorf',
  'Konflikt Nachbarn Mediation',
  'Zukunftswerkstatt',
  'Radwege zur Schule',
];
const stems = queries.map((q) => {
  const parsed = parseQuery(q);
  if (parsed.kind !== 'words') throw new Error(q);
  return parsed.stems;
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function measure(db: DB, kind: string, concurrency: number, total: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const q = stems[next++ % stems.length]!;
        const t0 = performance.now();
        await searchContent(db, kind, q, 20);
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), perSecond: total / seconds };
}

async function run(name: string, db: DB): Promise<void> {
  const t0 = performance.now();
  await replaceSearchDocuments(db, 'methode', documents('m', 500, [3, 25, 120], 1));
  await replaceSearchDocuments(db, 'beispiel', documents('b', 5_000, [6, 30, 250], 2));
  console.log(`${name}: 5 500 Dokumente eingetragen in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const [kind, count] of [
    ['methode', 500],
    ['beispiel', 5_000],
  ] as const) {
    for (const concurrency of [1, 16]) {
      await measure(db, kind, concurrency, 24); // warm-up
      const r = await measure(db, kind, concurrency, 240);
      console.log(
        `| ${name} | ${kind} (${count}) | ${concurrency} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.perSecond.toFixed(0)}/s |`,
      );
    }
  }
}

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function benchSearchRepo(): Promise<void> {
  console.log(`\nVolltextsuche in der Datenbank (Issue 17): searchContent, Abfragen: ${queries.join(' / ')}, Treffer bis 20.`);
  console.log('| Datenbank | Art (Dokumente) | gleichzeitig | p50 | p95 | Suchen/s |\n|---|---|---|---|---|---|');
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-bench-search-'));
  const sqlite = createDatabase(join(dir, 'bench.sqlite'));
  try {
    await migrateToLatest(sqlite);
    await run('SQLite (FTS5)', sqlite);
  } finally {
    await sqlite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const reachable = await postgresReachable(url);
  if (!reachable.ok) {
    console.log(`PostgreSQL unter ${url.replace(/:[^:@/]*@/, ':***@')} nicht erreichbar (${reachable.reason}): nur SQLite.`);
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await admin(url, `create schema ${schema}`);
  const db = createPostgresDatabase(url, { schema, poolSize: 16 });
  try {
    await migrateToLatest(db);
    await run('PostgreSQL (tsvector)', db);
  } finally {
    await db.destroy();
    await admin(url, `drop schema if exists ${schema} cascade`).catch(() => {});
  }
}
