import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { findUserByEmail } from '../../db/repositories/users';
import { refreshSearchDocuments, searchContent } from '../../db/repositories/content-search';
import { contentToYaml, readContentYaml } from '../../machines/methoden/content-kinds';
import { parseQuery } from '../../machines/shared/search';
import { appDatabase } from '../support/app-database';

/*
 * The public pages search in the database (ADR 0071, 0077), on SQLite and PostgreSQL: the catalogue's
 * relevance expectations hold through the server module, the index follows published changes, and
 * instances that notice a change at the same moment rebuild it once, without errors.
 */

let db: DB;
let cleanup: () => Promise<void>;
// One database for the file: the searches only read; the change at the end comes last.
beforeAll(async () => {
  ({ db, cleanup } = await appDatabase());
});
afterAll(async () => {
  await cleanup();
});

const methodsFor = async (query: string) => {
  const { searchMethods } = await import('../../app/methoden/methoden.server');
  const result = await searchMethods(new URL(`https://x.example/methoden?${query}`));
  return result.results.map((m) => m.slug);
};
const examplesFor = async (query: string) => {
  const { searchExamples } = await import('../../app/methoden/methoden.server');
  const result = await searchExamples(new URL(`https://x.example/beispiele?${query}`));
  return result.results.map((e) => e.slug);
};

describe('the methods catalogue searched in the database', () => {
  it('"Jugendlicher" ranks the Kinder- und Jugendbeteiligung first', async () => {
    expect((await methodsFor('q=Jugendlicher'))[0]).toBe('kinder-und-jugendbeteiligung');
  });
  it('"Losverfahren" finds the methods with random selection first', async () => {
    expect((await methodsFor('q=Losverfahren')).slice(0, 2).sort()).toEqual(['buergerrat', 'planungszelle']);
  });
  it('"Konflikt" ranks Mediation and Runder Tisch first; a filter still narrows the hits', async () => {
    expect((await methodsFor('q=Konflikt')).slice(0, 2)).toEqual(['mediation', 'runder-tisch']);
    expect(await methodsFor('q=Konflikt&groesse=gross')).not.toContain('mediation');
  });
  it('a later part of a compound finds the method ("Haushalt" → Bürgerhaushalt)', async () => {
    expect(await methodsFor('q=Haushalt')).toContain('buergerhaushalt');
  });
  it('bad input is an empty list with a message, never an error', async () => {
    const { searchMethods } = await import('../../app/methoden/methoden.server');
    for (const q of ['!?.;', 'x'.repeat(10_000), '"jugend"* OR kind:methode', "' or 1=1 --"]) {
      const result = await searchMethods(new URL(`https://x.example/methoden?q=${encodeURIComponent(q)}`));
      if (result.queryMessage === null) expect(result.results.length).toBeLessThanOrEqual(result.total);
      else expect(result.results).toEqual([]);
    }
  });
});

describe('the good examples searched in the database', () => {
  it('"Jugendlicher" ranks the youth forum first; search and route filter combine', async () => {
    expect((await examplesFor('q=Jugendlicher'))[0]).toBe('jugendforum-talheim');
    expect(await examplesFor('q=Bürgerrat')).toContain('buergerrat-mobilitaet-lindenau');
    expect(await examplesFor('foerderweg=B&q=Bürgerrat')).toEqual([]);
  });
});

describe('the index follows the content', () => {
  it('a word published by a second editor is found at once, the word it replaced no longer', async () => {
    const { catalogue, loadEntry, performEditorialEvent } = await import('../../app/methoden/redaktion.server');
    type Editor = Parameters<typeof performEditorialEvent>[0];
    const editor = async (email: string) => {
      const user = (await findUserByEmail(db, email))!;
      return { ...user, organisation_id: user.organisation_id ?? null } as Editor;
    };
    expect(await methodsFor('q=Zauberwald')).toEqual([]);
    const before = (await catalogue()).methodBySlug('world-cafe')!;
    const read = readContentYaml('methode', contentToYaml({ ...before, name: 'Zauberwald-Café' }), 'world-cafe');
    if (!read.ok) throw new Error('the changed content should be valid');
    const berg = await editor('beratung@demo.example');
    let entry = await loadEntry('methode', 'world-cafe');
    expect(await performEditorialEvent(berg, entry, entry.row.version, 'bearbeiten', { content: read.value })).toEqual({ ok: true });
    entry = await loadEntry('methode', 'world-cafe');
    expect(await performEditorialEvent(berg, entry, entry.row.version, 'einreichen', { note: 'Neuer Name zum Test.' })).toEqual({
      ok: true,
    });
    // A draft under review is not public, so not found either.
    expect(await methodsFor('q=Zauberwald')).toEqual([]);
    entry = await loadEntry('methode', 'world-cafe');
    expect(await performEditorialEvent(await editor('ministerium@demo.example'), entry, entry.row.version, 'veroeffentlichen')).toEqual({
      ok: true,
    });
    expect(await methodsFor('q=Zauberwald')).toEqual(['world-cafe']);
    // The examples' documents name their methods: the new name finds the example that uses it.
    const withWorldCafe = (await catalogue()).examples.filter((e) => e.methodSlugs.includes('world-cafe')).map((e) => e.slug);
    expect(withWorldCafe.length).toBeGreaterThan(0);
    expect((await examplesFor('q=Zauberwald')).sort()).toEqual(withWorldCafe.sort());
  });

  it('instances noticing the same change at once rebuild the documents once, and the search sees one complete set', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({
      id: `d${i}`,
      fields: [{ text: `Eintrag Nummer ${i} Gartenprojekt`, weight: 1 }],
    }));
    const rebuilt = await Promise.all(Array.from({ length: 6 }, () => refreshSearchDocuments(db, 'probe', 'stand-1', () => docs)));
    expect(rebuilt.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const stems = parseQuery('Gartenprojekt');
    if (stems.kind !== 'words') throw new Error('words expected');
    expect(await searchContent(db, 'probe', stems.stems, 1000)).toHaveLength(40);
    expect(await refreshSearchDocuments(db, 'probe', 'stand-1', () => [])).toBe(false);
    expect(await refreshSearchDocuments(db, 'probe', 'stand-2', () => docs.slice(0, 3))).toBe(true);
    expect(await searchContent(db, 'probe', stems.stems, 1000)).toHaveLength(3);
  });
});
