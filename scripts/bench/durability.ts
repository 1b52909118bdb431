import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type Synchronous } from '../../db/client';
import { percentile, signIn } from '../support/client';
import { createDrafts, saveLoad } from '../support/save-load';
import { startBenchServer } from './server';

interface Round {
  synchronous: Synchronous;
  clients: number;
  savesPerSecond: number;
  medianMs: number;
  p95Ms: number;
}

/** One closed-loop save load (the crash test's client) against a server with the given setting. */
async function round(synchronous: Synchronous, clients: number, seconds: number): Promise<Round> {
  let drafts: number[] = [];
  const server = await startBenchServer(
    async (db) => {
      drafts = await createDrafts(db, clients);
    },
    { DATABASE_SYNCHRONOUS: synchronous },
  );
  try {
    const session = await signIn(server.baseUrl, 'kommune@demo.example');
    const until = performance.now() + seconds * 1000;
    const result = await saveLoad({
      baseUrl: server.baseUrl,
      session,
      drafts,
      label: synchronous,
      running: () => performance.now() < until,
    });
    if (result.failures.length) throw new Error(result.failures.join('\n'));
    const sorted = [...result.latencies].sort((a, b) => a - b);
    return {
      synchronous,
      clients,
      savesPerSecond: result.acks.length / result.seconds,
      medianMs: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
    };
  } finally {
    await server.stop();
  }
}

/** Bare commits (one small insert per transaction) on a WAL file: the disk's flush cost alone. */
function bareCommits(synchronous: Synchronous, count: number): { perSecond: number; p95Ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-commits-'));
  try {
    const sqlite = openSqlite(join(dir, 'commits.sqlite'), synchronous);
    sqlite.exec('create table t (id integer primary key, body text)');
    const insert = sqlite.prepare('insert into t (body) values (?)');
    const body = 'x'.repeat(2000);
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i += 1) {
      const t = performance.now();
      insert.run(body);
      times.push(performance.now() - t);
    }
    const seconds = (performance.now() - started) / 1000;
    sqlite.close();
    return {
      perSecond: count / seconds,
      p95Ms: percentile(
        times.sort((a, b) => a - b),
        95,
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Issue 14 / ADR 0020: what `synchronous = FULL` (the WAL is flushed to disk at every commit) costs
 * against `NORMAL` (flushed at checkpoints), for one client and for 20, in alternating rounds so
 * that a busy machine slows both alike.
 */
export async function benchDurability(): Promise<void> {
  const rounds: Round[] = [];
  for (let r = 0; r < 2; r += 1) {
    for (const clients of [1, 20]) {
      for (const synchronous of ['NORMAL', 'FULL'] as const) rounds.push(await round(synchronous, clients, 5));
    }
  }
  console.log('\n## Dauerhaftigkeit: synchronous NORMAL gegen FULL');
  for (const synchronous of ['NORMAL', 'FULL'] as const) {
    const bare = bareCommits(synchronous, 2000);
    console.log(
      `Reine Commits (2.000 Einfügungen je eine Transaktion) mit ${synchronous}: ${bare.perSecond.toFixed(0)}/s, p95 ${bare.p95Ms.toFixed(2)} ms`,
    );
  }
  console.log('Schritt speichern (POST bis 302), je 5 s, abwechselnd:');
  const ms = (n: number) => n.toFixed(1);
  console.table(
    rounds.map((r) => ({
      synchronous: r.synchronous,
      Clients: r.clients,
      'Speicherungen/s': r.savesPerSecond.toFixed(0),
      'Median ms': ms(r.medianMs),
      'p95 ms': ms(r.p95Ms),
    })),
  );
}
