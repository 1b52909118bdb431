import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { createDatabase } from '../../db/client';
import { createUser } from '../../db/repositories/users';

function e2eServerInfo(port = process.env.E2E_PORT ?? '3210'): { databaseFile: string; publicUrl: string } {
  return JSON.parse(readFileSync(join(tmpdir(), `foerderlotse-e2e-${port}.json`), 'utf8')) as { databaseFile: string; publicUrl: string };
}

function e2eDatabaseFile(port = process.env.E2E_PORT ?? '3210'): string {
  return e2eServerInfo(port).databaseFile;
}

/** The public address the e2e server is configured with (PUBLIC_URL), which e-mails and exports use. */
export function e2ePublicUrl(port = process.env.E2E_PORT ?? '3210'): string {
  return e2eServerInfo(port).publicUrl;
}

/** The e2e server's throw-away database, for tests that must age a session. */
export function e2eDatabase(port = process.env.E2E_PORT ?? '3210'): SQLite.Database {
  const db = new SQLite(e2eDatabaseFile(port));
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * A new applicant account in an existing organisation, for tests that count what one person created
 * while other tests work in the same organisation in parallel.
 */
export async function createTestApplicant(organisation: string): Promise<{ email: string; password: string; id: number }> {
  const db = createDatabase(e2eDatabaseFile());
  try {
    const org = await db.selectFrom('organisations').select('id').where('name', '=', organisation).executeTakeFirstOrThrow();
    const email = `test-${randomUUID()}@example.org`;
    const password = 'Testkonto-Passwort 2026';
    const user = await createUser(db, { email, name: 'Testperson', password, role: 'applicant', organisationId: org.id });
    return { email, password, id: user.id };
  } finally {
    await db.destroy();
  }
}

/** A new advisor account (the demo data has one), for tests that need a second advisor. */
export async function createTestAdvisor(name = 'Zweite Beraterin'): Promise<{ email: string; password: string; id: number; name: string }> {
  const db = createDatabase(e2eDatabaseFile());
  try {
    const email = `beratung-${randomUUID()}@example.org`;
    const password = 'Testkonto-Passwort 2026';
    const user = await createUser(db, { email, name, password, role: 'advisor', organisationId: null });
    return { email, password, id: user.id, name };
  } finally {
    await db.destroy();
  }
}

/** Lets every session of the user look idle for two hours. */
export function expireSessionsOf(email: string) {
  const db = e2eDatabase();
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
  db.prepare('update sessions set last_seen_at = ? where user_id = (select id from users where email = ?)').run(twoHoursAgo, email);
  db.close();
}
