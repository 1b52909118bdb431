import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateToLatest, type DB } from '../../db/client';
import { seedDemoData } from '../../db/seed';
import { startAppServer } from '../support/server';

export interface BenchServer {
  baseUrl: string;
  file: string;
  stop(): Promise<void>;
}

/**
 * Starts the built app on 127.0.0.1 with a fresh seeded database; `prepare` may add data first,
 * `env` overrides the server's environment (e.g. DATABASE_SYNCHRONOUS).
 */
export async function startBenchServer(prepare?: (db: DB) => Promise<void>, env: Record<string, string> = {}): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-bench-'));
  const file = join(dir, 'bench.sqlite');
  const db = createDatabase(file);
  await migrateToLatest(db);
  await seedDemoData(db);
  if (prepare) await prepare(db);
  await db.destroy();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = await startAppServer({ file, env: { SESSION_SECRET: 'bench', ...env }, nodeArgs });
  return {
    baseUrl: server.baseUrl,
    file,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
