import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { leaveNetwork, memberByUser, saveMemberProfile, searchMembers, setMemberBlocked } from '../../db/repositories/netzwerk';
import type { DirectoryFilter, MemberProfile } from '../../machines/netzwerk/profile';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

async function user(email: string): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ email, name: email, role: 'advisor', password_hash: 'x', organisation_id: null, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const profile = (over: Partial<MemberProfile> = {}): MemberProfile => ({
  displayName: 'Gemeinde Wiesenbach',
  role: 'kommune',
  landkreis: 'Erzgebirgskreis',
  methods: ['buergerrat', 'zukunftswerkstatt'],
  languages: 'Deutsch',
  about: 'Jugendbeirat in einer kleinen Gemeinde',
  publicFields: ['landkreis'],
  ...over,
});
const none: DirectoryFilter = { q: '', landkreis: null, method: null, role: null };

describe('network members (issue 20 Nr. 1–2)', () => {
  it('joins once, then saves the profile in place; lists and visibility survive the round trip', async () => {
    const id = await user('a@example.org');
    const first = await saveMemberProfile(db, id, profile());
    expect(first.joined).toBe(true);
    const second = await saveMemberProfile(db, id, profile({ methods: ['planungszelle'], publicFields: [] }));
    expect(second).toEqual({ id: first.id, joined: false });
    const member = await memberByUser(db, id);
    expect(member).toMatchObject({ methods: ['planungszelle'], publicFields: [], blocked: false, landkreis: 'Erzgebirgskreis' });
  });

  it('filters the directory by region, method, role and text, and leaves blocked members out', async () => {
    const a = await saveMemberProfile(db, await user('a@example.org'), profile());
    await saveMemberProfile(
      db,
      await user('b@example.org'),
      profile({ displayName: 'Dr. Ulrike Berg', role: 'beratung', landkreis: 'Dresden', methods: ['buergerrat'], about: 'Beratung' }),
    );
    await saveMemberProfile(
      db,
      await user('c@example.org'),
      profile({ displayName: 'Verein Zukunft', role: 'verein', methods: [], about: '' }),
    );
    const names = async (f: Partial<DirectoryFilter>) => (await searchMembers(db, { ...none, ...f })).map((m) => m.displayName);
    expect(await names({})).toEqual(['Dr. Ulrike Berg', 'Gemeinde Wiesenbach', 'Verein Zukunft']);
    expect(await names({ method: 'buergerrat', landkreis: 'Erzgebirgskreis' })).toEqual(['Gemeinde Wiesenbach']);
    expect(await names({ role: 'beratung' })).toEqual(['Dr. Ulrike Berg']);
    expect(await names({ q: 'JUGENDBEIRAT' })).toEqual(['Gemeinde Wiesenbach']);
    // A wildcard in the search text matches nothing special.
    expect(await names({ q: '%' })).toEqual(['Dr. Ulrike Berg', 'Gemeinde Wiesenbach', 'Verein Zukunft']);
    expect(await names({ q: 'x%y' })).toEqual([]);
    // "buerger" is a prefix of a slug, not a slug: no partial matches on the method filter.
    expect(await names({ method: 'buerger' })).toEqual([]);
    await setMemberBlocked(db, a.id, 'Werbung');
    expect(await names({ method: 'buergerrat' })).toEqual(['Dr. Ulrike Berg']);
  });

  it('leaving the network deletes the profile', async () => {
    const id = await user('a@example.org');
    await saveMemberProfile(db, id, profile());
    expect(await leaveNetwork(db, id)).toBe(true);
    expect(await memberByUser(db, id)).toBeNull();
  });
});
