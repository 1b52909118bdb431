/**
 * Starts the built app for the end-to-end tests on 127.0.0.1 with a throw-away database that holds
 * only the demo data. Run `npm run build` first (npm test does).
 *
 * With E2E_DATABASE_URL (PostgreSQL) it starts two app instances on one fresh schema of that
 * database behind a small proxy on E2E_PORT that sends each request to the next instance in turn,
 * so every test also proves the instances share everything a user's requests need (ADR 0034).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, migrateToLatest, type DB } from '../db/client';
import { createPostgresDatabase } from '../db/postgres';
import { seedDemoData } from '../db/seed';
import { quickDemoPasswords } from './support/demo-passwords';

if (!existsSync('build/index.js')) {
  console.error('build/index.js fehlt: bitte zuerst "npm run build" ausführen.');
  process.exit(1);
}

const port = process.env.E2E_PORT ?? '3210';
const postgresUrl = process.env.E2E_DATABASE_URL || null;
const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-e2e-'));
const file = join(dir, 'e2e.sqlite');
const schema = postgresUrl ? `e2e_${port}_${randomBytes(4).toString('hex')}` : null;

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: postgresUrl!, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

if (schema) await adminQuery(`create schema ${schema}`);
const db: DB = schema ? createPostgresDatabase(postgresUrl!, { schema, poolSize: 2 }) : createDatabase(file);
await migrateToLatest(db);
await seedDemoData(db);
await quickDemoPasswords(db);
await db.destroy();

// The configured public address, deliberately not the one the tests call (127.0.0.1), so tests can
// tell links built from it (e-mails, JSON export) from ones built from the request.
const publicUrl = process.env.PUBLIC_URL ?? 'https://foerderlotse.e2e.example';

/** A port the system has free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}

const instancePorts = schema ? [await freePort(), await freePort()] : [Number(port)];

// Tests that must change the clock of a session (idle timeout) open this database directly.
const infoFile = join(tmpdir(), `foerderlotse-e2e-${port}.json`);
writeFileSync(
  infoFile,
  JSON.stringify({
    databaseFile: schema ? null : file,
    databaseUrl: postgresUrl,
    schema,
    publicUrl,
    instances: instancePorts.map((p) => `http://127.0.0.1:${p}`),
  }),
);

const servers: ChildProcess[] = instancePorts.map((instancePort) =>
  spawn(process.execPath, ['server.mjs'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      // A burst of simultaneous requests (200 registrations at once) queues for the pool's four
      // connections; on a busy machine that takes longer than production's 5 s before a 503.
      ...(schema
        ? { DATABASE_URL: postgresUrl!, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '4', DATABASE_ACQUIRE_TIMEOUT_MS: '60000' }
        : { DATABASE_FILE: file }),
      HOST: '127.0.0.1',
      PORT: String(instancePort),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      SESSION_SECRET: 'e2e-secret-not-for-production',
      PUBLIC_URL: publicUrl,
      // Attachments must be where every instance finds them (a shared folder here; ADR 0037).
      UPLOAD_DIR: join(dir, 'uploads'),
    },
  }),
);

/** Resolves once every instance answers /healthz, so the proxy never sends a test to one still starting. */
async function instancesUp(): Promise<void> {
  for (const instancePort of instancePorts) {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${instancePort}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
if (schema) await instancesUp();

// Round robin: request n goes to instance n mod 2. The proxy keeps the Host header, so the
// app's same-origin check sees the address the client used, as behind a real reverse proxy.
// Like nginx by default (proxy_request_buffering), it reads the whole request body before it
// forwards it: an instance that answers an upload early (a 404 from the URL alone) then never
// leaves half a body between proxy and instance. The app's own handling of that case is tested
// without the proxy (tests/http/robustness.spec.ts on SQLite).
let next = 0;
const proxy = schema
  ? createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (chunk: Buffer) => body.push(chunk));
      req.on('end', () => forward(req, res, Buffer.concat(body)));
    }).listen(Number(port), '127.0.0.1')
  : null;

function forward(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: Buffer) {
  const target = instancePorts[next++ % instancePorts.length]!;
  const upstream = httpRequest({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Instanz nicht erreichbar');
  });
  upstream.end(body);
}
// Like the app (server.mjs) and a real proxy: idle client connections stay open longer than 5 s.
if (proxy) {
  proxy.keepAliveTimeout = 65_000;
  proxy.headersTimeout = 66_000;
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  proxy?.close();
  for (const server of servers) server.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
let exited = 0;
for (const server of servers) {
  server.on('exit', async (code) => {
    stop();
    if (++exited < servers.length) return;
    rmSync(dir, { recursive: true, force: true });
    rmSync(infoFile, { force: true });
    if (schema) await adminQuery(`drop schema if exists ${schema} cascade`).catch(() => {});
    process.exit(code ?? 0);
  });
}
