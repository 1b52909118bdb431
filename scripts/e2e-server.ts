/**
 * Starts the built app for the end-to-end tests on 127.0.0.1 with a throw-away database that holds
 * only the demo data. Run `npm run build` first (npm test does).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateToLatest } from '../db/client';
import { seedDemoData } from '../db/seed';

if (!existsSync('build/index.js')) {
  console.error('build/index.js fehlt: bitte zuerst "npm run build" ausführen.');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-e2e-'));
const file = join(dir, 'e2e.sqlite');
const db = createDatabase(file);
await migrateToLatest(db);
await seedDemoData(db);
await db.destroy();

// The configured public address, deliberately not the one the tests call (127.0.0.1), so tests can
// tell links built from it (e-mails, JSON export) from ones built from the request.
const publicUrl = process.env.PUBLIC_URL ?? 'https://foerderlotse.e2e.example';

// Tests that must change the clock of a session (idle timeout) open this database directly.
writeFileSync(join(tmpdir(), `foerderlotse-e2e-${process.env.E2E_PORT ?? '3210'}.json`), JSON.stringify({ databaseFile: file, publicUrl }));

const server = spawn(process.execPath, ['server.mjs'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_FILE: file,
    HOST: '127.0.0.1',
    PORT: process.env.E2E_PORT ?? '3210',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    SESSION_SECRET: 'e2e-secret-not-for-production',
    PUBLIC_URL: publicUrl,
  },
});

const stop = () => {
  server.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
