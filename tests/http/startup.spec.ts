import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../../scripts/support/server';

test('a missing PDF template stops the start with a German message naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-start-'));
  try {
    const missing = join(dir, 'fehlt.pdf');
    const result = spawnSync(process.execPath, ['server.mjs'], {
      env: { ...process.env, PORT: '0', DATABASE_FILE: join(dir, 'app.db'), FORMS_TEMPLATE: missing, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Start abgebrochen: PDF-Vorlage für den Antrag nicht gefunden: ${missing}`);
    expect(result.stderr).toContain('npm run forms:template');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL not reachable at start (nothing listens at DATABASE_URL): a German message and a non-zero exit', async () => {
  const closed = await freePort();
  const result = spawnSync(process.execPath, ['server.mjs'], {
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: `postgres://foerderlotse:geheim@127.0.0.1:${closed}/foerderlotse`,
      SESSION_SECRET: 'start',
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(
    `Start abgebrochen: Die PostgreSQL-Datenbank postgres://foerderlotse:***@127.0.0.1:${closed}/foerderlotse ist nicht erreichbar`,
  );
  expect(result.stderr).toContain('Prüfen Sie DATABASE_URL (Rechner, Port, Datenbankname, Benutzer) und ob der Datenbankserver läuft.');
  expect(result.stderr).not.toContain('geheim');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

test('a DATABASE_URL that is not PostgreSQL: a German message and a non-zero exit', () => {
  const result = spawnSync(process.execPath, ['server.mjs'], {
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: 'mysql://root:geheim@127.0.0.1/foerderlotse',
      SESSION_SECRET: 'start',
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Start abgebrochen: DATABASE_URL muss mit postgres:// oder postgresql:// beginnen');
  expect(result.stderr).not.toContain('geheim');
});
