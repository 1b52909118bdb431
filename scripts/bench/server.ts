import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { seedDemoData } from '../../db/seed';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface BenchServer {
  baseUrl: string;
  file: string;
  stop(): Promise<void>;
}

/** Starts the built app on 127.0.0.1 with a fresh seeded database; `prepare` may add data first. */
export async function startBenchServer(prepare?: (db: DB) => Promise<void>): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-bench-'));
  const file = join(dir, 'bench.sqlite');
  const db = createDatabase(file);
  await migrateToLatest(db);
  await seedDemoData(db);
  if (prepare) await prepare(db);
  await db.destroy();
  const port = await freePort();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'server.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_FILE: file, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent', SESSION_SECRET: 'bench' },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    baseUrl,
    file,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
