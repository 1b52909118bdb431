import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { conversation, conversations, markRead, sentSince, storeMessage, unreadCount } from '../../db/repositories/netzwerk-messages';
import { networkMember } from '../support/netzwerk';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const member = (email: string, displayName: string) => networkMember(db, email, displayName);

const at = (minutes: number) => new Date(Date.parse('2026-12-04T10:00:00.000Z') + minutes * 60_000);

describe('direct messages (issue 20 Nr. 4)', () => {
  it('keeps a conversation in order, counts unread per member and conversation, and reading marks them', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    const c = await member('c@example.org', 'Gemeinde C');
    await storeMessage(db, a, b, 'Hallo B', at(0));
    await storeMessage(db, b, a, 'Hallo A', at(1));
    await storeMessage(db, a, b, 'Wie war der Bürgerrat?', at(2));
    await storeMessage(db, c, b, 'Frage von C', at(3));
    expect((await conversation(db, a, b)).map((m) => m.body)).toEqual(['Hallo B', 'Hallo A', 'Wie war der Bürgerrat?']);
    expect((await conversation(db, b, a)).map((m) => m.body)).toEqual(['Hallo B', 'Hallo A', 'Wie war der Bürgerrat?']);
    expect(await unreadCount(db, b)).toBe(3);
    expect(await conversations(db, b)).toEqual([
      { otherId: c, otherName: 'Gemeinde C', lastAt: at(3).toISOString(), unread: 1 },
      { otherId: a, otherName: 'Gemeinde A', lastAt: at(2).toISOString(), unread: 2 },
    ]);
    expect(await markRead(db, b, a, at(4))).toBe(2);
    expect(await markRead(db, b, a, at(5))).toBe(0);
    expect(await unreadCount(db, b)).toBe(1);
    expect(await unreadCount(db, a)).toBe(1);
  });

  it('counts what a member sent within the last hour (the flood limit), and simultaneous sends are all kept', async () => {
    const a = await member('a@example.org', 'Gemeinde A');
    const b = await member('b@example.org', 'Verein B');
    await storeMessage(db, a, b, 'alt', at(-90));
    await Promise.all(Array.from({ length: 10 }, (_, i) => db.transaction().execute((trx) => storeMessage(trx, a, b, `n${i}`, at(0)))));
    expect(await sentSince(db, a, at(-60))).toBe(10);
    expect(await unreadCount(db, b)).toBe(11);
  });
});
