import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { leaveNetwork } from '../../db/repositories/netzwerk';
import { blockBetween, blockedByMember, blockersOf, blockMember, unblockMember } from '../../db/repositories/netzwerk-blocks';
import { networkMember } from '../support/netzwerk';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const member = (email: string, displayName: string) => networkMember(db, email, displayName);
const at = new Date('2026-12-05T10:00:00.000Z');

describe('personal blocks between members (ADR 0074)', () => {
  it('stores a block once per pair, tells both directions apart, lists it for the blocker and lifts it', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const c = await member('c@example.org', 'Gemeinde C');
    expect(await blockMember(db, a, b, at)).toBe(true);
    expect(await blockMember(db, a, b, at)).toBe(false);
    expect(await blockMember(db, c, b, at)).toBe(true);
    expect(await blockBetween(db, b, a)).toEqual({ blockedByMe: false, blockedByThem: true });
    expect(await blockBetween(db, a, b)).toEqual({ blockedByMe: true, blockedByThem: false });
    expect(await blockBetween(db, a, c)).toEqual({ blockedByMe: false, blockedByThem: false });
    expect([...(await blockersOf(db, b))].sort()).toEqual([a, c].sort());
    expect(await blockersOf(db, a)).toEqual(new Set());
    expect(await blockedByMember(db, a)).toEqual([{ id: b, name: 'Verein B', since: at.toISOString() }]);
    expect(await unblockMember(db, a, b)).toBe(true);
    expect(await unblockMember(db, a, b)).toBe(false);
    expect(await blockBetween(db, b, a)).toEqual({ blockedByMe: false, blockedByThem: false });
    expect([...(await blockersOf(db, b))]).toEqual([c]);
  });

  it('keeps a block unique when the same block is sent twice at once', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const results = await Promise.all([0, 1, 2].map(() => db.transaction().execute((trx) => blockMember(trx, a, b, at))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await blockedByMember(db, a)).toHaveLength(1);
  });

  it('goes with the member row of either side when a member leaves the network', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    await blockMember(db, a, b, at);
    await blockMember(db, b, a, at);
    const userOfB = await db.selectFrom('network_members').select('user_id').where('id', '=', b).executeTakeFirstOrThrow();
    expect(await leaveNetwork(db, userOfB.user_id)).toBe(true);
    expect(await blockedByMember(db, a)).toEqual([]);
    const left = await db.selectFrom('network_member_blocks').selectAll().execute();
    expect(left).toEqual([]);
  });
});
