/**
 * npm run test:crash [-- --clients 20 --saves 1000]
 *
 * Proves that an acknowledged save survives a crash of the server (issue 14, ADR 0020):
 *   1. `clients` clients save the Zeitplan step of their own drafts as fast as they can; half-way
 *      through the server gets SIGKILL. After a restart `PRAGMA integrity_check` is ok and every
 *      save that was answered with a redirect is in the database.
 *   2. The same while `npm run db:backup` runs during the load; the backup is then restored with
 *      `npm run db:restore` into a new file, which must be intact, internally consistent and hold
 *      every save acknowledged before the backup began, and must serve the app.
 * Exits with 1 and names every problem if anything is missing. Needs a build (npm run build).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { createDatabase, migrateToLatest } from '../db/client';
import { seedDemoData } from '../db/seed';
import { signIn } from './support/client';
import { createDrafts, saveLoad, type Ack } from './support/save-load';
import { startAppServer, type AppServer } from './support/server';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '20' },
    saves: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
  },
});
const clients = Number(values.clients);
const savesPerPhase = Math.max(clients * 2, Math.round(Number(values.saves) / 2));

/** What must hold for one database file after a crash or a restore; returns the problems found. */
function verify(file: string, acks: Ack[]): string[] {
  const problems: string[] = [];
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length) problems.push(`foreign_key_check: ${foreignKeys.length} Verstöße`);
    const row = db.prepare('select version, snapshot from applications where id = ?');
    // One event per version, from the one written at creation on.
    const eventVersions = db.prepare('select distinct version from application_events where application_id = ? order by version');
    const lastAck = new Map<number, Ack>();
    for (const ack of acks) if ((lastAck.get(ack.draft)?.version ?? -1) < ack.version) lastAck.set(ack.draft, ack);
    for (const [draft, last] of lastAck) {
      const stored = row.get(draft) as { version: number; snapshot: string } | undefined;
      if (!stored) {
        problems.push(`Antrag ${draft} fehlt`);
        continue;
      }
      // Every version of the draft has its event row, and none beyond: snapshot and log agree.
      const versions = (eventVersions.all(draft) as Array<{ version: number }>).map((e) => e.version);
      const first = versions[0] ?? 1;
      const expected = Array.from({ length: stored.version - first + 1 }, (_, v) => first + v);
      if (versions.join(',') !== expected.join(','))
        problems.push(`Antrag ${draft}: Version ${stored.version}, Ereignisse für Versionen ${versions.join(',')}`);
      if (stored.version < last.version) {
        problems.push(`Antrag ${draft}: bestätigte Version ${last.version} fehlt (gespeichert ist Version ${stored.version})`);
        continue;
      }
      if (stored.version === last.version) {
        const title = (JSON.parse(stored.snapshot) as { context: { data: { schedule?: { milestones?: Array<{ title?: string }> } } } })
          .context.data.schedule?.milestones?.[0]?.title;
        if (title !== last.marker) problems.push(`Antrag ${draft}: erwartet „${last.marker}“, gespeichert „${title}“`);
      }
    }
  } finally {
    db.close();
  }
  return problems;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} endete mit ${code}`))));
  });
}

const tsx = join('node_modules', '.bin', 'tsx');

interface Phase {
  label: string;
  acks: Ack[];
  failures: string[];
  savesPerSecond: number;
  acksBeforeBackup?: Ack[];
}

/** Loads the server until `savesPerPhase` saves are acknowledged, with `during` run alongside, then kills it. */
async function loadAndKill(
  server: AppServer,
  drafts: number[],
  label: string,
  during?: (acks: () => Ack[]) => Promise<void>,
): Promise<Phase> {
  const session = await signIn(server.baseUrl, 'kommune@demo.example');
  let killed = false;
  let sideTaskDone = during === undefined;
  let acksSoFar: Ack[] = [];
  const killWhenDue = (total: number) => {
    if (!killed && sideTaskDone && total >= savesPerPhase) {
      killed = true;
      void server.kill();
    }
  };
  const side = during?.(() => acksSoFar).then(() => {
    sideTaskDone = true;
    killWhenDue(acksSoFar.length);
  });
  const result = await saveLoad({
    baseUrl: server.baseUrl,
    session,
    drafts,
    label,
    running: () => !killed,
    outage: () => killed,
    onAck: (ack, total) => {
      acksSoFar = [...acksSoFar, ack];
      killWhenDue(total);
    },
  });
  await side;
  await server.kill();
  return { label, acks: result.acks, failures: result.failures, savesPerSecond: result.acks.length / result.seconds };
}

if (!existsSync('build/index.js')) {
  console.error('Bitte zuerst "npm run build" ausführen.');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-crash-'));
const file = join(dir, 'crash.sqlite');
const problems: string[] = [];
try {
  const db = createDatabase(file);
  await migrateToLatest(db);
  await seedDemoData(db);
  const drafts = await createDrafts(db, clients);
  await db.destroy();

  // 1. SIGKILL in the middle of the load.
  const first = await loadAndKill(await startAppServer({ file }), drafts, 'Absturz');
  problems.push(...first.failures, ...verify(file, first.acks).map((p) => `nach dem Absturz: ${p}`));
  console.log(
    `1. ${first.acks.length} bestätigte Speicherungen (${first.savesPerSecond.toFixed(0)}/s) von ${clients} Clients, dann SIGKILL.`,
  );

  // 2. The same with an online backup running alongside the load.
  const backup = join(dir, 'backup.sqlite');
  let acksBeforeBackup: Ack[] = [];
  const second = await loadAndKill(await startAppServer({ file }), drafts, 'Sicherung', async (acks) => {
    while (acks().length < savesPerPhase / 4) await new Promise((r) => setTimeout(r, 20));
    acksBeforeBackup = acks();
    await run(tsx, ['db/cli.ts', 'backup', backup], { DATABASE_FILE: file });
  });
  // The restart itself must work: the server opens the crashed file and answers.
  const restarted = await startAppServer({ file });
  await restarted.stop();
  problems.push(...second.failures, ...verify(file, [...first.acks, ...second.acks]).map((p) => `nach dem zweiten Absturz: ${p}`));
  console.log(
    `2. ${second.acks.length} bestätigte Speicherungen (${second.savesPerSecond.toFixed(0)}/s), Sicherung nach ${acksBeforeBackup.length} begonnen, dann SIGKILL.`,
  );

  const restored = join(dir, 'restored', 'foerderlotse.sqlite');
  await run(tsx, ['db/cli.ts', 'restore', backup], { DATABASE_FILE: restored });
  problems.push(...verify(restored, [...first.acks, ...acksBeforeBackup]).map((p) => `in der wiederhergestellten Sicherung: ${p}`));
  const fromBackup = await startAppServer({ file: restored });
  const session = await signIn(fromBackup.baseUrl, 'kommune@demo.example');
  const page = await fetch(`${fromBackup.baseUrl}/antraege/${drafts[0]}/zeitplan`, { headers: { Cookie: session.cookie } });
  if (page.status !== 200) problems.push(`die wiederhergestellte Sicherung liefert den Zeitplan mit Status ${page.status}`);
  await fromBackup.stop();
  console.log('3. Sicherung wiederhergestellt und mit der Anwendung geöffnet.');
} finally {
  if (values.keep) console.log(`Dateien: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`Absturztest fehlgeschlagen:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Absturztest bestanden: die Dateien sind intakt und jede bestätigte Speicherung ist vorhanden.');
