import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { test } from '@playwright/test';
import SQLite from 'better-sqlite3';
import { createDatabase, type DB } from '../../db/client';
import { createPostgresDatabase } from '../../db/postgres';
import { createUser } from '../../db/repositories/users';

interface E2eServerInfo {
  databaseFile: string | null;
  databaseUrl: string | null;
  schema: string | null;
  publicUrl: string;
  /** The app instances themselves (two behind the proxy on PostgreSQL). */
  instances: string[];
}

/** The port of the server the running test talks to (its project's baseURL), else E2E_PORT. */
function currentPort(): string {
  try {
    const url = test.info().project.use.baseURL;
    if (url) return new URL(url).port;
  } catch {
    // Outside a test (module level): the default server.
  }
  return process.env.E2E_PORT ?? '3210';
}

export function e2eServerInfo(port = currentPort()): E2eServerInfo {
  return JSON.parse(readFileSync(join(tmpdir(), `foerderlotse-e2e-${port}.json`), 'utf8')) as E2eServerInfo;
}

function e2eDatabaseFile(port = currentPort()): string {
  const { databaseFile } = e2eServerInfo(port);
  if (!databaseFile) throw new Error('Dieser Test liest die SQLite-Datei des e2e-Servers; der Server des Projekts läuft auf PostgreSQL.');
  return databaseFile;
}

/** The e2e server's database through Kysely, SQLite or PostgreSQL alike. */
export function openE2eDatabase(port = currentPort()): DB {
  const info = e2eServerInfo(port);
  return info.databaseUrl && info.schema
    ? createPostgresDatabase(info.databaseUrl, { schema: info.schema, poolSize: 2 })
    : createDatabase(e2eDatabaseFile(port));
}

/** The public address the e2e server is configured with (PUBLIC_URL), which e-mails and exports use. */
export function e2ePublicUrl(port = currentPort()): string {
  return e2eServerInfo(port).publicUrl;
}

/** The e2e server's throw-away SQLite database, for tests that must age a session (SQLite projects only). */
export function e2eDatabase(port = currentPort()): SQLite.Database {
  const db = new SQLite(e2eDatabaseFile(port));
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * A new applicant account in an existing organisation, for tests that count what one person created
 * while other tests work in the same organisation in parallel.
 */
export async function createTestApplicant(organisation: string): Promise<{ email: string; password: string; id: number }> {
  const db = openE2eDatabase();
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
  const db = openE2eDatabase();
  try {
    const email = `beratung-${randomUUID()}@example.org`;
    const password = 'Testkonto-Passwort 2026';
    const user = await createUser(db, { email, name, password, role: 'advisor', organisationId: null });
    return { email, password, id: user.id, name };
  } finally {
    await db.destroy();
  }
}

/** Another ministry account (the demo data has two), for tests of approvals by several people at once. */
export async function createTestMinistryAccount(
  name = 'Dritte Referentin',
): Promise<{ email: string; password: string; id: number; name: string }> {
  const db = openE2eDatabase();
  try {
    const email = `ministerium-${randomUUID()}@example.org`;
    const password = 'Testkonto-Passwort 2026';
    const user = await createUser(db, { email, name, password, role: 'ministry', organisationId: null });
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

/** A new event in the e2e database (defaults: online, two weeks ahead), for tests that need its seats to themselves. */
export async function createTestEvent(values: Partial<import('../../db/repositories/events').EventValues> = {}): Promise<number> {
  const { createEvent } = await import('../../db/repositories/events');
  const db = openE2eDatabase();
  const start = new Date(Date.now() + 14 * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  try {
    return await createEvent(
      db,
      {
        title: `Testveranstaltung ${randomUUID().slice(0, 8)}`,
        description: 'Eine Veranstaltung für einen Test.',
        topic: 'methoden',
        audience: 'Testpersonen',
        format: 'online',
        venue: null,
        address: null,
        landkreis: null,
        onlineLink: 'https://konferenz.example/geheimer-raum',
        technicalRequirements: 'Headset',
        organiser: 'EBBS',
        language: 'Deutsch',
        venueAccessibility: '',
        capacity: 1,
        yellowBelowPercent: 20,
        admission: 'reihenfolge',
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        registrationClosesAt: start.toISOString(),
        ...values,
      },
      null,
    );
  } finally {
    await db.destroy();
  }
}

/** The body of the newest e-mail to an address in the e2e outbox ('' if none). */
export function lastMailTo(address: string, subject?: RegExp): string {
  const db = e2eDatabase();
  try {
    const rows = db.prepare('select subject, body from outbox where to_address = ? order by id desc').all(address) as Array<{
      subject: string;
      body: string;
    }>;
    return rows.find((r) => !subject || subject.test(r.subject))?.body ?? '';
  } finally {
    db.close();
  }
}

/** The seats of an event as stored: the counter and every registration (SQLite or PostgreSQL, whichever the server uses). */
export async function eventSeatState(eventId: number): Promise<{
  capacity: number;
  seatsTaken: number;
  registrations: Array<{ id: number; email: string; status: string; waitlist_position: number | null; token: string }>;
}> {
  const db = openE2eDatabase();
  try {
    const event = await db.selectFrom('events').select(['capacity', 'seats_taken']).where('id', '=', eventId).executeTakeFirstOrThrow();
    const registrations = await db
      .selectFrom('event_registrations')
      .select(['id', 'email', 'status', 'waitlist_position', 'token'])
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
    return { capacity: event.capacity, seatsTaken: event.seats_taken, registrations };
  } finally {
    await db.destroy();
  }
}

/** How many e-mails whose subject contains a text went to an address (SQLite or PostgreSQL). */
export async function mailCount(address: string, subjectContains: string): Promise<number> {
  const db = openE2eDatabase();
  try {
    const rows = await db.selectFrom('outbox').select('subject').where('to_address', '=', address).execute();
    return rows.filter((r) => r.subject.includes(subjectContains)).length;
  } finally {
    await db.destroy();
  }
}

/** Lets the application deadline of an event with selection pass (SQLite or PostgreSQL). */
export async function closeApplications(eventId: number): Promise<void> {
  const db = openE2eDatabase();
  try {
    await db
      .updateTable('events')
      .set({ registration_closes_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', eventId)
      .execute();
  } finally {
    await db.destroy();
  }
}

/**
 * A new member of the EBBS network (issue 20): an applicant of the Gemeinde Wiesenbach, or an advisor
 * (a moderator), with a profile of its own, for tests that count what one member posted.
 */
export async function createTestNetworkMember(
  displayName: string,
  role: 'applicant' | 'advisor' = 'applicant',
): Promise<{ email: string; password: string; id: number; memberId: number }> {
  const { saveMemberProfile } = await import('../../db/repositories/netzwerk');
  const db = openE2eDatabase();
  try {
    const org =
      role === 'applicant'
        ? await db.selectFrom('organisations').select('id').where('name', '=', 'Gemeinde Wiesenbach').executeTakeFirstOrThrow()
        : null;
    const email = `netzwerk-${randomUUID()}@example.org`;
    const password = 'Testkonto-Passwort 2026';
    const user = await createUser(db, { email, name: displayName, password, role, organisationId: org?.id ?? null });
    const member = await saveMemberProfile(db, user.id, {
      displayName,
      role: role === 'advisor' ? 'beratung' : 'kommune',
      landkreis: null,
      methods: [],
      languages: 'Deutsch',
      about: '',
      publicFields: [],
    });
    return { email, password, id: user.id, memberId: member.id };
  } finally {
    await db.destroy();
  }
}
