import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { contentStamp, findEntry, insertProgramEntry, listVersions } from '../../db/repositories/content';
import { findUserByEmail } from '../../db/repositories/users';
import { methods } from '../../machines/methoden/catalogue';
import { contentToYaml, readContentYaml } from '../../machines/methoden/content-kinds';
import { demoExamples } from '../../machines/methoden/examples';
import { appDatabase } from '../support/app-database';

/*
 * Editorial content through the server module (ADR 0073), on SQLite and PostgreSQL: the release's
 * content becomes entries once even when instances start together; a change is public only once
 * published; two editors acting on the same version: one wins, nothing is written twice.
 */

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await appDatabase());
});
afterEach(async () => {
  await cleanup();
});

const server = () => import('../../app/methoden/redaktion.server');

async function editor(email: string) {
  const user = (await findUserByEmail(db, email))!;
  return { ...user, organisation_id: user.organisation_id ?? null } as Parameters<
    Awaited<ReturnType<typeof server>>['performEditorialEvent']
  >[0];
}

describe('editorial content in the database', () => {
  it('the release content becomes published entries once, also when several catalogue loads race', async () => {
    const { catalogue } = await server();
    const loaded = await Promise.all([catalogue(), catalogue(), catalogue()]);
    expect(loaded[0]!.methods.map((m) => m.slug).sort()).toEqual(methods.map((m) => m.slug).sort());
    expect(loaded[0]!.examples.map((e) => e.slug).sort()).toEqual(demoExamples.map((e) => e.slug).sort());
    const counts = await db
      .selectFrom('content_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(methods.length + demoExamples.length);
  });

  it('a draft stays private until a second editor publishes it; the catalogue sees the new version at once', async () => {
    const { catalogue, loadEntry, performEditorialEvent } = await server();
    const berg = await editor('beratung@demo.example');
    const schubert = await editor('ministerium@demo.example');
    const before = (await catalogue()).methodBySlug('world-cafe')!;
    let entry = await loadEntry('methode', 'world-cafe');
    const read = readContentYaml('methode', contentToYaml({ ...before, summary: `${before.summary} Jetzt auch digital.` }), 'world-cafe');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(await performEditorialEvent(berg, entry, entry.row.version, 'bearbeiten', { content: read.value })).toEqual({ ok: true });
    expect((await catalogue()).methodBySlug('world-cafe')!.summary).toBe(before.summary);

    entry = await loadEntry('methode', 'world-cafe');
    expect(await performEditorialEvent(berg, entry, entry.row.version, 'einreichen', { note: 'Digitale Variante ergänzt.' })).toEqual({
      ok: true,
    });
    entry = await loadEntry('methode', 'world-cafe');
    const own = await performEditorialEvent(berg, entry, entry.row.version, 'veroeffentlichen');
    expect(own).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('Vier-Augen-Prinzip') });
    expect(await performEditorialEvent(schubert, entry, entry.row.version, 'veroeffentlichen')).toEqual({ ok: true });
    expect((await catalogue()).methodBySlug('world-cafe')!.summary).toBe(`${before.summary} Jetzt auch digital.`);

    const versions = await listVersions(db, (await findEntry(db, 'methode', 'world-cafe'))!.id);
    expect(versions.map((v) => [v.number, v.published_by_name])).toEqual([
      [2, 'Martin Schubert'],
      [1, null],
    ]);
    const audit = await db.selectFrom('audit_events').select('action').where('subject_type', '=', 'content_entry').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['inhalt.bearbeiten', 'inhalt.einreichen', 'inhalt.veroeffentlichen']);
  });

  it('the content stamp changes with every write of an entry, also by plain SQL from elsewhere, and only then', async () => {
    const { catalogue } = await server();
    expect((await catalogue()).methodBySlug('world-cafe')).toBeDefined();
    const first = await contentStamp(db);
    expect(await contentStamp(db)).toBe(first);
    const seen = new Set([first]);
    const changed = async () => {
      const now = await contentStamp(db);
      expect(seen.has(now), now).toBe(false);
      seen.add(now);
    };
    await db
      .transaction()
      .execute((trx) => insertProgramEntry(trx, { kind: 'methode', slug: 'neu', content: { ...methods[0]!, slug: 'neu' } }));
    await changed();
    // Another instance archives a method: this one's catalogue follows at once (ADR 0036, 0106).
    await sql`update content_entries set archived_at = ${new Date().toISOString()} where kind = 'methode' and slug = 'world-cafe'`.execute(
      db,
    );
    await changed();
    expect((await catalogue()).methodBySlug('world-cafe')).toBeUndefined();
    await sql`delete from content_entries where slug = 'neu'`.execute(db);
    await changed();
    const before = await contentStamp(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`update content_entries set archived_at = null where slug = 'world-cafe'`.execute(trx);
        throw new Error('abgebrochen');
      }),
    ).rejects.toThrow('abgebrochen');
    expect(await contentStamp(db)).toBe(before);
    expect((await catalogue()).methodBySlug('world-cafe')).toBeUndefined();
  });

  it('two editors acting on the same version at once: one wins, the other is told, nothing is doubled', async () => {
    const { loadEntry, performEditorialEvent, catalogue } = await server();
    await catalogue();
    const berg = await editor('beratung@demo.example');
    const schubert = await editor('ministerium@demo.example');
    const lehmann = await editor('ministerium2@demo.example');
    let entry = await loadEntry('beispiel', demoExamples[0]!.slug);
    expect(await performEditorialEvent(berg, entry, entry.row.version, 'bearbeiten', { content: entry.publishedContent })).toEqual({
      ok: true,
    });
    entry = await loadEntry('beispiel', demoExamples[0]!.slug);
    await performEditorialEvent(berg, entry, entry.row.version, 'einreichen', { note: 'Unverändert, bitte prüfen.' });
    entry = await loadEntry('beispiel', demoExamples[0]!.slug);
    const outcomes = await Promise.all([
      performEditorialEvent(schubert, entry, entry.row.version, 'veroeffentlichen'),
      performEditorialEvent(lehmann, entry, entry.row.version, 'veroeffentlichen'),
      performEditorialEvent(schubert, entry, entry.row.version, 'zurueckgeben', { note: 'Bitte Bilder ergänzen.' }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.status === 409)).toBe(true);
    const row = (await findEntry(db, 'beispiel', demoExamples[0]!.slug))!;
    expect(row.version).toBe(entry.row.version + 1);
  });
});
