/**
 * Issue 16 "done when": `npm run bench -- instances` compares one instance on SQLite with one and
 * two instances on PostgreSQL (two behind a round-robin proxy, as in the data centre) for the step
 * save and the dashboard (`/antraege`) at 16 concurrent connections. Reports ratios to SQLite.
 * BENCH_SECONDS (default 5) per measurement; PostgreSQL at BENCH_DATABASE_URL or TEST_DATABASE_URL
 * (default the local `test` database), each setup in a schema of its own, dropped afterwards.
 * No timing is asserted anywhere; figures taken while other work loads the machine are marked.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { createPostgresDatabase, postgresReachable } from '../../db/postgres';
import { seedDemoData } from '../../db/seed';
import { percentile, signIn } from '../support/client';
import { createDrafts, saveLoad } from '../support/save-load';
import { freePort, startAppServer, type AppServer } from '../support/server';
import { load } from './load';

const CONNECTIONS = 16;

interface Setup {
  label: string;
  baseUrl: string;
  stop(): Promise<void>;
  drafts: number[];
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

/** Round robin over the instances, keeping Host (like scripts/e2e-server.ts). */
async function roundRobin(ports: number[]): Promise<{ server: Server; port: number }> {
  let next = 0;
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: ports[next++ % ports.length], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port };
}

async function prepare(db: DB): Promise<number[]> {
  await migrateToLatest(db);
  await seedDemoData(db);
  return createDrafts(db, CONNECTIONS);
}

async function sqliteSetup(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-bench-'));
  const file = join(dir, 'bench.sqlite');
  const db = createDatabase(file);
  const drafts = await prepare(db);
  await db.destroy();
  const server = await startAppServer({ file, env: { SESSION_SECRET: 'bench' } });
  return {
    label: 'SQLite, 1 Instanz',
    baseUrl: server.baseUrl,
    drafts,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresSetup(url: string, instances: number): Promise<Setup> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await admin(url, `create schema ${schema}`);
  const db = createPostgresDatabase(url, { schema, poolSize: 2 });
  const drafts = await prepare(db);
  await db.destroy();
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-bench-'));
  const servers: AppServer[] = [];
  for (let i = 0; i < instances; i += 1) {
    servers.push(
      await startAppServer({
        file: join(dir, 'unused.sqlite'),
        env: { SESSION_SECRET: 'bench', DATABASE_URL: url, DATABASE_SCHEMA: schema, UPLOAD_DIR: join(dir, 'uploads') },
      }),
    );
  }
  const proxy = instances > 1 ? await roundRobin(servers.map((s) => Number(new URL(s.baseUrl).port))) : null;
  return {
    label: `PostgreSQL, ${instances} Instanz${instances > 1 ? 'en (Proxy)' : ''}`,
    baseUrl: proxy ? `http://127.0.0.1:${proxy.port}` : servers[0]!.baseUrl,
    drafts,
    stop: async () => {
      proxy?.server.close();
      for (const server of servers) await server.stop();
      await admin(url, `drop schema if exists ${schema} cascade`).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Row {
  label: string;
  savesPerSecond: number;
  saveP95: number;
  dashboardPerSecond: number;
  dashboardP95: number;
  problems: number;
}

async function measure(setup: Setup, seconds: number): Promise<Row> {
  const session = await signIn(setup.baseUrl, 'kommune@demo.example');
  let running = true;
  const timer = setTimeout(() => {
    running = false;
  }, seconds * 1000);
  const saves = await saveLoad({ baseUrl: setup.baseUrl, session, drafts: setup.drafts, label: 'Bench', running: () => running });
  clearTimeout(timer);
  const latencies = [...saves.latencies].sort((a, b) => a - b);
  const dashboard = await load({
    label: 'Übersicht',
    url: `${setup.baseUrl}/antraege`,
    connections: CONNECTIONS,
    seconds,
    headers: { Cookie: session.cookie },
  });
  return {
    label: setup.label,
    savesPerSecond: saves.acks.length / saves.seconds,
    saveP95: percentile(latencies, 95),
    dashboardPerSecond: dashboard.requestsPerSecond,
    dashboardP95: dashboard.p95Ms,
    problems: saves.failures.length + dashboard.non2xx,
  };
}

export async function benchInstances(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const busy = loadavg()[0]! / cpus().length;
  console.log(
    `\nInstanzen (Issue 16): Schritt speichern und Übersicht /antraege, je ${CONNECTIONS} gleichzeitige Verbindungen, ${seconds} s je Messung.`,
  );
  const reachable = await postgresReachable(url);
  const setups: Array<() => Promise<Setup>> = [sqliteSetup];
  if (reachable.ok)
    setups.push(
      () => postgresSetup(url, 1),
      () => postgresSetup(url, 2),
    );
  else console.log(`PostgreSQL unter ${url.replace(/:[^:@/]*@/, ':***@')} nicht erreichbar (${reachable.reason}): nur SQLite.`);

  const rows: Row[] = [];
  for (const make of setups) {
    const setup = await make();
    try {
      rows.push(await measure(setup, seconds));
    } finally {
      await setup.stop();
    }
  }
  const base = rows[0]!;
  console.table(
    rows.map((r) => ({
      Aufbau: r.label,
      'Speichern/s': r.savesPerSecond.toFixed(1),
      'Speichern p95 ms': r.saveP95.toFixed(0),
      'Übersicht/s': r.dashboardPerSecond.toFixed(1),
      'Übersicht p95 ms': r.dashboardP95.toFixed(0),
      'Speichern ×SQLite': (r.savesPerSecond / base.savesPerSecond).toFixed(2),
      'Übersicht ×SQLite': (r.dashboardPerSecond / base.dashboardPerSecond).toFixed(2),
      Fehler: r.problems,
    })),
  );
  const after = loadavg()[0]! / cpus().length;
  if (Math.max(busy, after) > 0.5)
    console.log(
      `Gemessen unter Last: Auslastung vor/nach ${busy.toFixed(2)}/${after.toFixed(2)} je Kern (andere Prozesse auf ${cpus().length} Kernen). ` +
        'Diese Zahlen sind keine Referenz; auf einer ruhigen Maschine wiederholen.',
    );
  console.log(
    'Alle Instanzen und PostgreSQL teilen sich dieselben Kerne: zwei Instanzen zeigen hier die Kosten, nicht den Gewinn verteilter Rechner.',
  );
}
