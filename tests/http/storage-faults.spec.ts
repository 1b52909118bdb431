import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { createDatabase, migrateToLatest } from '../../db/client';
import { seedDemoData } from '../../db/seed';
import { createDrafts } from '../../scripts/support/save-load';
import { startAppServer } from '../../scripts/support/server';
import { clientFor } from '../support/http';

/**
 * Issue 14 point 7: faults of the storage under the app. A full disk is real, not simulated in the
 * app: the server process gets a file size limit of 0 bytes (prlimit), so every write to the
 * database fails in the kernel (EFBIG) exactly as on a full disk, while reads go on.
 */
let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foerderlotse-faults-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function seededDatabase(drafts = 0): Promise<{ file: string; drafts: number[] }> {
  const file = join(dir, 'app.sqlite');
  const db = createDatabase(file);
  await migrateToLatest(db);
  await seedDemoData(db);
  const ids = await createDrafts(db, drafts);
  await db.destroy();
  return { file, drafts: ids };
}

function limitWrites(pid: number, bytes: number | 'unlimited') {
  const result = spawnSync('prlimit', ['--pid', String(pid), `--fsize=${bytes}:unlimited`], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

const stored = (file: string, id: number) => {
  const db = new SQLite(file, { readonly: true });
  try {
    const row = db.prepare('select version, snapshot from applications where id = ?').get(id) as { version: number; snapshot: string };
    const events = (db.prepare('select count(*) as n from application_events where application_id = ?').get(id) as { n: number }).n;
    const checks = (db.prepare('select count(*) as n from quality_checks').get() as { n: number }).n;
    return { version: row.version, events, checks, snapshot: row.snapshot, integrity: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
};

/** The hidden fields of the form on the 503 page: what "Erneut senden" posts. */
const keptFields = (html: string) =>
  [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\/>/g)].map((m) => [
    m[1]!,
    m[2]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  ]);

test('a full disk during a save: a German 503 page keeps the input, nothing is written, and the input can be sent again', async () => {
  const { file, drafts } = await seededDatabase(1);
  const server = await startAppServer({ file });
  try {
    const client = await clientFor(server.baseUrl, 'kommune');
    const path = `/antraege/${drafts[0]}/zeitplan`;
    const version = /name="version"[^>]*value="(\d+)"/.exec(await (await client.get(path)).text())![1]!;
    const before = stored(file, drafts[0]!);
    const step = {
      version,
      intent: 'speichern',
      start: '01.03.2027',
      end: '31.12.2027',
      alreadyStarted: 'nein',
      'milestones[0].id': 'm1',
      'milestones[0].title': 'Auftakt im Rathaus „Süd“',
      'milestones[0].date': '01.06.2027',
    };

    limitWrites(server.child.pid!, 0);
    const refused = await client.post(path, step);
    expect(refused.status()).toBe(503);
    const page = await refused.text();
    expect(page).toContain('Ihre Angaben wurden nicht gespeichert: Der Server kann im Moment nichts speichern');
    expect(page).toContain('value="Auftakt im Rathaus „Süd“"');

    // Any other form: the generic 503 page with everything sent, ready to be sent again.
    const check = await client.post('/qualitaetscheck', { title: 'Gemeinderat & „Jugend“' });
    expect(check.status()).toBe(503);
    const generic = await check.text();
    expect(generic).toContain('Speichern ist gerade nicht möglich');
    expect(generic).toContain('Erneut senden');
    expect(keptFields(generic)).toContainEqual(['title', 'Gemeinderat & „Jugend“']);

    // A form posted to a route without a page frame gets the same German page as a document of its own.
    const taken = await client.post('/methoden/uebernehmen', { methode: 'buergerrat', antrag: String(drafts[0]) });
    expect(taken.status()).toBe(503);
    expect(taken.headers()['content-type']).toContain('text/html');
    const takenPage = await taken.text();
    expect(takenPage).toContain('<html lang="de-DE"');
    expect(takenPage).toContain('Speichern ist gerade nicht möglich');
    expect(keptFields(takenPage)).toContainEqual(['methode', 'buergerrat']);

    // Reading still works (the session's last activity simply is not recorded).
    expect((await client.get('/antraege')).status()).toBe(200);
    expect((await client.get(path)).status()).toBe(200);

    // Nothing half-written: the same version, no event row, no check, an intact file.
    const during = stored(file, drafts[0]!);
    expect({ version: during.version, events: during.events, checks: during.checks, snapshot: during.snapshot }).toEqual({
      version: before.version,
      events: before.events,
      checks: before.checks,
      snapshot: before.snapshot,
    });
    expect(during.integrity).toBe('ok');

    limitWrites(server.child.pid!, 'unlimited');
    const resent = await client.api.post('/qualitaetscheck', { form: Object.fromEntries(keptFields(generic)), maxRedirects: 0 });
    expect(resent.status()).toBe(302);
    expect((await client.post(path, step)).status()).toBe(302);
    const after = stored(file, drafts[0]!);
    expect(after.version).toBe(before.version + 1);
    expect(after.checks).toBe(before.checks + 1);
    expect(after.snapshot).toContain('Auftakt im Rathaus „Süd“');
    await client.dispose();
  } finally {
    await server.stop();
  }
});

test('a full disk at startup: the start is refused with a German message naming the database', async () => {
  const { file } = await seededDatabase();
  const result = spawnSync('prlimit', ['--fsize=0', process.execPath, 'server.mjs'], {
    env: { ...process.env, PORT: '0', DATABASE_FILE: file, SESSION_SECRET: 'faults', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`Start abgebrochen: Die Datenbank ${file} kann nicht geöffnet oder beschrieben werden`);
  expect(result.stderr).toContain('Prüfen Sie den freien Speicherplatz und die Schreibrechte');
});

test('a database a newer release has migrated: server and CLI refuse it with a German message and change nothing', async () => {
  const { file } = await seededDatabase();
  const db = new SQLite(file);
  db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('2099_01_01_000000_zukunft', new Date().toISOString());
  db.close();
  const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
  const before = hash();
  const env = { ...process.env, PORT: '0', DATABASE_FILE: file, SESSION_SECRET: 'faults', LOG_LEVEL: 'silent' };

  const server = spawnSync(process.execPath, ['server.mjs'], { env, encoding: 'utf8', timeout: 30_000 });
  expect(server.status).toBe(1);
  expect(server.stderr).toContain(`Start abgebrochen: ${file}: Die Datenbank stammt aus einer neueren Version des Förderlotsen`);
  expect(server.stderr).toContain('2099_01_01_000000_zukunft');
  expect(server.stderr).not.toMatch(/\n\s+at /);

  const cli = spawnSync(join('node_modules', '.bin', 'tsx'), ['db/cli.ts', 'migrate'], { env, encoding: 'utf8', timeout: 30_000 });
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain('Fehler: Die Datenbank stammt aus einer neueren Version des Förderlotsen');
  expect(hash()).toBe(before);
});
