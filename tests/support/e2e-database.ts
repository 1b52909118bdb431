import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/** The e2e server's throw-away database, for tests that must age a session. */
export function e2eDatabase(port = process.env.E2E_PORT ?? '3210'): SQLite.Database {
  const { databaseFile } = JSON.parse(readFileSync(join(tmpdir(), `foerderlotse-e2e-${port}.json`), 'utf8')) as { databaseFile: string };
  const db = new SQLite(databaseFile);
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Lets every session of the user look idle for two hours. */
export function expireSessionsOf(email: string) {
  const db = e2eDatabase();
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
  db.prepare('update sessions set last_seen_at = ? where user_id = (select id from users where email = ?)').run(twoHoursAgo, email);
  db.close();
}
