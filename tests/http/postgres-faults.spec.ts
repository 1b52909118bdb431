import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { migrateToLatest } from '../../db/client';
import { createPostgresDatabase } from '../../db/postgres';
import { seedDemoData } from '../../db/seed';
import { signIn, versionIn } from '../../scripts/support/client';
import { createDrafts, scheduleForm } from '../../scripts/support/save-load';
import { startAppServer } from '../../scripts/support/server';
import { freshSchema, testPostgresUrl } from '../support/postgres';
import { startTcpProxy } from '../support/tcp-proxy';

// Runs only in the project http-pg (needs the test PostgreSQL). The shared server is never
// stopped: the app reaches it through a TCP proxy of this test, which is cut and restored.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function viaPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}

interface Ack {
  draft: number;
  version: number;
  marker: string;
  afterRestore: boolean;
}

test('PostgreSQL going away under load: German 503 pages, nothing acknowledged is lost, and the app recovers once it is back', async () => {
  test.setTimeout(180_000);
  const target = new URL(testPostgresUrl);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const { schema, drop } = await freshSchema('faults');
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-pg-faults-'));
  const db = createPostgresDatabase(testPostgresUrl, { schema, poolSize: 2 });
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  try {
    await migrateToLatest(db);
    await seedDemoData(db);
    const drafts = await createDrafts(db, 4);
    server = await startAppServer({
      file: join(dir, 'unused.sqlite'),
      env: { DATABASE_URL: viaPort(testPostgresUrl, proxy.port), DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '4' },
    });
    const base = server.baseUrl;
    const session = await signIn(base, 'kommune@demo.example');
    const headers = { Cookie: session.cookie };

    let phase: 'before' | 'cut' | 'restored' | 'done' = 'before';
    const acks: Ack[] = [];
    const unexpected: string[] = [];
    let outageAnswers = 0;

    /** The draft's current version, waiting (bounded) while the database is away. */
    const currentVersion = async (url: string): Promise<number> => {
      for (let tries = 0; tries < 300; tries += 1) {
        const response = await fetch(url, { headers });
        const html = await response.text();
        if (response.status === 200) return versionIn(html)!;
        if (response.status !== 503) unexpected.push(`GET ${url}: ${response.status}`);
        await sleep(100);
      }
      throw new Error(`${url} did not come back`);
    };

    // One client per draft saves the Zeitplan step in a closed loop, through the outage.
    const clients = drafts.map(async (draft, client) => {
      const url = `${base}/antraege/${draft}/zeitplan`;
      let version = await currentVersion(url);
      for (let n = 1; phase !== 'done'; n += 1) {
        const marker = `Client ${client + 1} Speicherung ${n}`;
        const afterRestore = phase === 'restored';
        const response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: scheduleForm(session, version, marker),
        });
        const body = await response.text();
        if (response.status === 302) {
          version += 1;
          acks.push({ draft, version, marker, afterRestore });
        } else if (response.status === 503) {
          outageAnswers += 1;
          // The save may or may not have committed when the connection broke: ask the app.
          if (!body.includes('nicht gespeichert')) unexpected.push(`503 without the German notice: ${body.slice(0, 200)}`);
          if (body.includes('Speicherplatz')) unexpected.push('503 blames a full disk while the database is away');
          version = await currentVersion(url);
        } else {
          unexpected.push(`POST ${url}: ${response.status}`);
          version = await currentVersion(url);
        }
      }
    });

    // Every client has saved before the database goes away (bounded: a busy machine is slow).
    await expect.poll(() => new Set(acks.map((a) => a.draft)).size, { timeout: 60_000 }).toBe(drafts.length);
    phase = 'cut';
    await proxy.cut();

    // While it is away: readiness fails, a page and a form are answered with readable German 503 pages.
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    await ready.text();
    const page = await fetch(`${base}/antraege`, { headers });
    expect(page.status).toBe(503);
    const pageHtml = await page.text();
    expect(pageHtml).toContain('<html lang="de-DE"');
    expect(pageHtml).toContain('Die Seite kann gerade nicht geöffnet werden');
    expect(pageHtml).toContain('Die Datenbank des Förderlotsen ist im Moment nicht erreichbar');
    const form = await fetch(`${base}/qualitaetscheck`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: session.csrf, title: 'Jugendforum „Mitte“' }),
    });
    expect(form.status).toBe(503);
    const formHtml = await form.text();
    expect(formHtml).toContain('Speichern ist gerade nicht möglich');
    expect(formHtml).toContain('nicht erreichbar');
    expect(formHtml).toContain('value="Jugendforum „Mitte“"');
    expect(formHtml).toContain('Erneut senden');
    expect(formHtml).not.toMatch(/\n\s+at /);
    // The load meets the outage too, not only the probes above.
    await expect.poll(() => outageAnswers, { timeout: 30_000 }).toBeGreaterThan(0);

    const acksBeforeRestore = acks.length;
    await proxy.restore();
    // Recovery: the pool builds new connections by itself, no restart.
    await expect.poll(async () => (await fetch(`${base}/readyz`)).status, { timeout: 30_000 }).toBe(200);
    phase = 'restored';
    await expect.poll(() => acks.filter((a) => a.afterRestore).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(drafts.length * 2);
    phase = 'done';
    await Promise.all(clients);

    expect(unexpected).toEqual([]);
    expect(outageAnswers, 'the load met the outage').toBeGreaterThan(0);
    expect(acksBeforeRestore).toBeGreaterThan(0);
    for (const draft of drafts) {
      expect(
        acks.some((a) => a.draft === draft && a.afterRestore),
        `draft ${draft} saves again`,
      ).toBe(true);
    }

    // Nothing acknowledged was lost: every acknowledged save left its version in the protocol with
    // its content, and each draft holds its last acknowledged save.
    const events = await db
      .selectFrom('application_events')
      .select(['application_id', 'version', 'changes'])
      .where('application_id', 'in', drafts)
      .execute();
    const lost = acks.filter(
      (ack) => !events.some((e) => e.application_id === ack.draft && e.version === ack.version && e.changes.includes(ack.marker)),
    );
    expect(lost).toEqual([]);
    for (const draft of drafts) {
      const last = acks.filter((a) => a.draft === draft).at(-1)!;
      const row = await db.selectFrom('applications').select(['version', 'snapshot']).where('id', '=', draft).executeTakeFirstOrThrow();
      expect(row.version).toBe(last.version);
      expect(row.snapshot).toContain(last.marker);
    }
  } finally {
    await server?.stop();
    await proxy.close();
    await db.destroy();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a PostgreSQL database that does not exist stops the start with a German message', () => {
  const url = new URL(testPostgresUrl);
  url.pathname = '/foerderlotse_gibt_es_nicht';
  const result = spawnSync(process.execPath, ['server.mjs'], {
    env: { ...process.env, PORT: '0', DATABASE_URL: url.toString(), SESSION_SECRET: 'faults', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Start abgebrochen: Die PostgreSQL-Datenbank');
  expect(result.stderr).toContain('Prüfen Sie DATABASE_URL');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
