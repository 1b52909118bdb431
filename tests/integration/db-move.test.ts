import { spawnSync } from 'node:child_process';
import { replaceSearchDocuments, searchContent } from '../../db/repositories/content-search';
import { stem } from '../../machines/shared/search';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createDatabase, migrateToLatest } from '../../db/client';
import { createPostgresDatabase } from '../../db/postgres';
import { createUser } from '../../db/repositories/users';
import { seedDemoApplications } from '../../db/demo/seed-applications';
import { seedDemoData } from '../../db/seed';
import { freshSchema, testPostgresUrl } from '../support/postgres';

// Only in the vitest project postgres (vitest.config.ts): the move needs a PostgreSQL target.

let dir = '';
let schema = '';
let drop: () => Promise<void> = async () => {};
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foerderlotse-move-'));
  ({ schema, drop } = await freshSchema('move'));
});
afterEach(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A SQLite installation with the demo data, demo applications and their attachment files. */
async function sqliteInstallation(): Promise<string> {
  const file = join(dir, 'alt', 'foerderlotse.sqlite');
  const db = createDatabase(file);
  await migrateToLatest(db);
  await seedDemoData(db);
  await seedDemoApplications(db, join(dir, 'alt', 'uploads'));
  // The full-text search (an FTS5 table with shadow tables on SQLite, ADR 0071) moves as one table.
  await replaceSearchDocuments(db, 'methode', [{ id: 'jugend', fields: [{ text: 'Jugendbeteiligung im Ortsteil', weight: 6 }] }]);
  await db.destroy();
  return file;
}

function move(file: string) {
  return spawnSync(join('node_modules', '.bin', 'tsx'), ['db/cli.ts', 'move'], {
    env: {
      ...process.env,
      DATABASE_FILE: file,
      DATABASE_URL: testPostgresUrl,
      DATABASE_SCHEMA: schema,
      UPLOAD_DIR: join(dir, 'neu', 'uploads'),
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

test('db:move copies every table and attachment file of a SQLite installation into an empty PostgreSQL and verifies them', async () => {
  const file = await sqliteInstallation();
  const result = move(file);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`Umzug von ${file} nach postgres://`);

  const source = new SQLite(file, { readonly: true });
  const tables = (
    source
      .prepare(
        // content_search_docs is SQLite's store behind the FTS5 index content_search (ADR 0096): its rows
        // move through the index, checked below. The index's occurrences and the kinds' tokens are
        // SQLite's own (ADR 0100); the content's change token each database keeps itself (ADR 0106).
        "select name from pragma_table_list where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%' and name not like 'kysely_%' and name not in ('content_search_docs', 'content_search_terms', 'content_search_versions', 'content_stamp')",
      )
      .all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
  const target = createPostgresDatabase(testPostgresUrl, { schema, poolSize: 1 });
  try {
    // Every table is reported with its count, and has that many rows in PostgreSQL.
    for (const table of tables) {
      const n = (source.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
      expect(result.stdout).toMatch(new RegExp(`\\n  ${table} +${n} Zeilen  sha256 [0-9a-f]{16}`));
      const moved = await target
        .selectFrom(table as never)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(moved.n), table).toBe(n);
    }
    expect((source.prepare('select count(*) as n from applications').get() as { n: number }).n).toBeGreaterThan(0);
    expect(tables).toContain('content_search');
    const stored = source.prepare('select count(*) as n from content_search_docs').get() as { n: number };
    expect(stored.n).toBeGreaterThan(0);
    expect(result.stdout).toMatch(new RegExp(`\\n  content_search +${stored.n} Zeilen`));
    expect(await searchContent(target, 'methode', [stem('Jugendlicher')])).toMatchObject([{ id: 'jugend' }]);

    // Attachment files are in the new folder with the recorded checksums.
    const attachments = source.prepare('select storage_key, sha256 from attachments').all() as Array<{ storage_key: string }>;
    expect(attachments.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`Anlagen-Dateien: ${attachments.length}`);
    for (const a of attachments) {
      expect(readFileSync(join(dir, 'neu', 'uploads', a.storage_key))).toEqual(readFileSync(join(dir, 'alt', 'uploads', a.storage_key)));
    }

    // The moved installation works on: a new row gets the next id after the moved ones.
    const maxUser = (source.prepare('select max(id) as id from users').get() as { id: number }).id;
    const user = await createUser(target, {
      email: 'neu@example.de',
      name: 'Neu Angelegt',
      role: 'advisor',
      organisationId: null,
      password: 'ein-langes-Passwort',
    });
    expect(user.id).toBe(maxUser + 1);
  } finally {
    source.close();
    await target.destroy();
  }
});

test('db:move refuses a target that already holds data, and changes nothing there', async () => {
  const file = await sqliteInstallation();
  const target = createPostgresDatabase(testPostgresUrl, { schema, poolSize: 1 });
  try {
    await migrateToLatest(target);
    await seedDemoData(target);
    const before = await target.selectFrom('users').select(['id', 'email']).orderBy('id').execute();
    const result = move(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Fehler: Die Zieldatenbank ist nicht leer (Schema ${schema}, Tabelle`);
    expect(result.stderr).toContain('Der Umzug schreibt nur in eine leere Datenbank');
    expect(await target.selectFrom('users').select(['id', 'email']).orderBy('id').execute()).toEqual(before);
    expect(existsSync(join(dir, 'neu', 'uploads')) ? readdirSync(join(dir, 'neu', 'uploads')) : []).toEqual([]);
  } finally {
    await target.destroy();
  }
});

test('db:move without DATABASE_URL says where the target belongs', async () => {
  const file = await sqliteInstallation();
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['db/cli.ts', 'move'], {
    env: { ...process.env, DATABASE_FILE: file, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Fehler: db:move braucht das Ziel in DATABASE_URL');
});
