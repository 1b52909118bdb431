import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type DB } from '../../db/client';
import { recordAudit } from '../../db/repositories/audit';
import { loginThrottle, recordLoginAttempt } from '../../db/repositories/login-attempts';
import { createOrganisationStub, findOrganisationByInviteCode } from '../../db/repositories/organisations';
import { createSession, findActiveSession, listUserSessions, revokeOtherSessions, touchSession } from '../../db/repositories/sessions';
import { createUser, verifyCredentials } from '../../db/repositories/users';
import { demoAccounts, seedDemoData } from '../../db/seed';
import { tempDatabase } from '../support/temp-db';
import { testDialect } from '../support/postgres';

let db: DB;
let file: string;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, file, dir, cleanup } = await tempDatabase());
});
afterEach(async () => {
  await cleanup();
});

const policy = { idleMinutes: 30, absoluteHours: 12 };
const t0 = new Date('2026-11-22T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

async function someUser() {
  const org = await createOrganisationStub(db, { kind: 'gemeinde', name: 'Testgemeinde', landkreis: 'Meißen' });
  return createUser(db, { email: 'a@b.de', name: 'A', password: 'zwölf Zeichen!', role: 'applicant', organisationId: org.id });
}

describe('connection', () => {
  if (testDialect === 'postgres') {
    it('runs in UTC and reads timestamps, flags, cents and JSON back as the SQLite code expects them', async () => {
      const { rows } = await sql<{ zone: string }>`select current_setting('TimeZone') as zone`.execute(db);
      expect(rows[0]?.zone).toBe('UTC');
      const user = await someUser();
      const at = '2026-11-22T08:00:00.000Z';
      await recordLoginAttempt(db, { email: 'a@b.de', ip: null, succeeded: true }, new Date(at));
      const attempt = await db.selectFrom('login_attempts').selectAll().executeTakeFirstOrThrow();
      expect(attempt.attempted_at).toBe(at);
      expect(attempt.succeeded).toBe(1);
      expect(
        typeof (
          await db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ).toBe('number');
      const { rows: types } = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name = 'applications'
          and column_name in ('created_at', 'snapshot', 'requested_grant_cents', 'id')`.execute(db);
      expect(Object.fromEntries(types.map((t) => [t.column_name, t.data_type]))).toEqual({
        id: 'integer',
        created_at: 'timestamp with time zone',
        snapshot: 'jsonb',
        requested_grant_cents: 'bigint',
      });
      expect(user.id).toBeGreaterThan(0);
    });
    it('stores text and JSON with NUL characters (a browser can send them) without them, never failing the save', async () => {
      const org = await createOrganisationStub(db, { kind: 'gemeinde', name: 'Nul\u0000gemeinde', landkreis: 'Meißen' });
      expect(org.name).toBe('Nulgemeinde');
      await recordAudit(db, {
        actorUserId: null,
        action: 'test.nul',
        subjectType: 'test',
        subjectId: null,
        details: { text: 'a\u0000b', literal: 'c\\u0000d' },
      });
      const row = await db.selectFrom('audit_events').select('details').where('action', '=', 'test.nul').executeTakeFirstOrThrow();
      // The NUL is gone; a backslash the user typed before "u0000" is kept.
      expect(JSON.parse(row.details)).toEqual({ text: 'ab', literal: 'c\\u0000d' });
    });
  }
  if (testDialect === 'sqlite')
    it('runs in WAL mode with foreign keys enforced and a busy timeout', async () => {
      const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      const { rows: fk } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      const { rows: busy } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
      expect(journal[0]?.journal_mode).toBe('wal');
      expect(fk[0]?.foreign_keys).toBe(1);
      expect(busy[0]?.timeout).toBe(5000);
    });
  it('refuses an applicant without organisation and a user of an unknown organisation', async () => {
    await expect(
      createUser(db, { email: 'x@y.de', name: 'X', password: 'zwölf Zeichen!', role: 'applicant', organisationId: null }),
    ).rejects.toThrow(/CHECK|check constraint/);
    await expect(
      createUser(db, { email: 'x@y.de', name: 'X', password: 'zwölf Zeichen!', role: 'applicant', organisationId: 999 }),
    ).rejects.toThrow(/FOREIGN KEY|foreign key constraint/);
  });
});

describe('sessions', () => {
  it('end after the idle timeout and after the absolute lifetime', async () => {
    const user = await someUser();
    const session = await createSession(db, user.id, policy, { userAgent: 'UA', ip: '127.0.0.1' }, t0);
    expect((await findActiveSession(db, session.id, policy, minutes(29))).status).toBe('active');
    expect((await findActiveSession(db, session.id, policy, minutes(30))).status).toBe('expired');
    // activity keeps it alive, but never beyond 12 hours
    let current = session;
    for (let m = 25; m < 12 * 60; m += 25) {
      const state = await findActiveSession(db, current.id, policy, minutes(m));
      expect(state.status, `minute ${m}`).toBe('active');
      if (state.status === 'active') {
        await touchSession(db, state.session, minutes(m));
        current = state.session;
      }
    }
    expect((await findActiveSession(db, session.id, policy, minutes(12 * 60 + 1))).status).toBe('expired');
  });
  it('can be revoked, and are listed per user', async () => {
    const user = await someUser();
    const a = await createSession(db, user.id, policy, { userAgent: 'A', ip: null }, t0);
    const b = await createSession(db, user.id, policy, { userAgent: 'B', ip: null }, t0);
    expect((await listUserSessions(db, user.id, minutes(1))).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    await revokeOtherSessions(db, user.id, a.id, minutes(2));
    expect((await findActiveSession(db, b.id, policy, minutes(3))).status).toBe('missing');
    expect((await findActiveSession(db, a.id, policy, minutes(3))).status).toBe('active');
  });
});

describe('sign-in throttling', () => {
  it('blocks an address after five failures within 15 minutes, until the window passes', async () => {
    for (let i = 0; i < 4; i += 1) await recordLoginAttempt(db, { email: 'x@y.de', ip: '1.1.1.1', succeeded: false }, minutes(i));
    expect(await loginThrottle(db, 'x@y.de', '1.1.1.1', undefined, minutes(5))).toBe(0);
    await recordLoginAttempt(db, { email: 'X@Y.de', ip: '1.1.1.1', succeeded: false }, minutes(5));
    expect(await loginThrottle(db, 'x@y.de', '2.2.2.2', undefined, minutes(6))).toBe(9);
    expect(await loginThrottle(db, 'x@y.de', '2.2.2.2', undefined, minutes(16))).toBe(0);
  });
  it('forgets failures before a successful sign-in', async () => {
    for (let i = 0; i < 4; i += 1) await recordLoginAttempt(db, { email: 'x@y.de', ip: null, succeeded: false }, minutes(i));
    await recordLoginAttempt(db, { email: 'x@y.de', ip: null, succeeded: true }, minutes(5));
    await recordLoginAttempt(db, { email: 'x@y.de', ip: null, succeeded: false }, minutes(6));
    expect(await loginThrottle(db, 'x@y.de', null, undefined, minutes(7))).toBe(0);
  });
  it('blocks an address that tries many accounts', async () => {
    for (let i = 0; i < 30; i += 1) await recordLoginAttempt(db, { email: `n${i}@y.de`, ip: '3.3.3.3', succeeded: false }, minutes(0));
    expect(await loginThrottle(db, 'neu@y.de', '3.3.3.3', undefined, minutes(1))).toBeGreaterThan(0);
  });
});

describe('organisations', () => {
  it('are found by invite code however it is typed', async () => {
    const org = await createOrganisationStub(db, { kind: 'verein', name: 'V', landkreis: 'Görlitz' });
    const plain = org.invite_code.replace('-', '').toLowerCase();
    expect((await findOrganisationByInviteCode(db, ` ${plain} `))?.id).toBe(org.id);
    expect(await findOrganisationByInviteCode(db, 'ZZZZ-ZZZZ')).toBeUndefined();
  });
});

describe('demo data', () => {
  it('is seeded once; running the seed again changes nothing', async () => {
    const first = await seedDemoData(db);
    expect(first.created).toEqual(demoAccounts.map((a) => a.email));
    const second = await seedDemoData(db);
    expect(second.created).toEqual([]);
    const orgs = await db.selectFrom('organisations').select('name').execute();
    expect(orgs).toHaveLength(2);
    expect(await verifyCredentials(db, 'beratung@demo.example', 'Demo-Passwort-2026')).toMatchObject({ role: 'advisor' });
  });
});

// SQLite's own backup; PostgreSQL is backed up with pg_dump (docs/operations.md).
if (testDialect === 'sqlite')
  describe('backup and restore commands', () => {
    it('copy the live database and bring it back', async () => {
      await seedDemoData(db);
      const backup = join(dir, 'sicherung.sqlite');
      const env = { ...process.env, DATABASE_FILE: file };
      // What `npm run db:backup` and `db:restore` run, without npx looking the program up first.
      const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
      execFileSync(tsx, ['db/cli.ts', 'backup', backup], { env, stdio: 'pipe' });
      await db.deleteFrom('login_attempts').execute();
      await db.deleteFrom('users').where('email', '=', 'admin@demo.example').execute();
      await db.destroy();
      execFileSync(tsx, ['db/cli.ts', 'restore', backup], { env, stdio: 'pipe' });
      db = createDatabase(file);
      const admin = await db.selectFrom('users').select('email').where('email', '=', 'admin@demo.example').executeTakeFirst();
      expect(admin?.email).toBe('admin@demo.example');
    });
  });

describe('introspection', () => {
  it('sees only the tables of its own installation, with the migration tables among them', async () => {
    const other = await tempDatabase();
    try {
      const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
      const names = tables.map((t) => t.name);
      expect(names).toContain('kysely_migration');
      expect(names).toContain('users');
      // On PostgreSQL another installation's schema (here: `other`) is in the same database.
      const schemas = new Set(tables.map((t) => t.schema));
      expect(schemas.size).toBeLessThanOrEqual(1);
      expect(names.filter((n) => n === 'users')).toHaveLength(1);
      expect(await other.db.introspection.getTables()).not.toContainEqual(expect.objectContaining({ name: 'kysely_migration' }));
    } finally {
      await other.cleanup();
    }
  });
});
