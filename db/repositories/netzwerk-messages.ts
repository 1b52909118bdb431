import type { Kysely, Transaction } from 'kysely';
import type { Database, NetworkMessageRow } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/* Direct messages between network members (issue 20 Nr. 4, ADR 0061). */

export async function sentSince(db: Executor, senderId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('network_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sender_id', '=', senderId)
    .where('created_at', '>', since.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function storeMessage(db: Executor, senderId: number, recipientId: number, body: string, now = new Date()): Promise<number> {
  const row = await db
    .insertInto('network_messages')
    .values({ sender_id: senderId, recipient_id: recipientId, body, created_at: now.toISOString(), read_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The conversation of two members, oldest first (the last `limit` messages). */
export async function conversation(db: Executor, a: number, b: number, limit = 200): Promise<NetworkMessageRow[]> {
  const rows = await db
    .selectFrom('network_messages')
    .selectAll()
    .where((eb) =>
      eb.or([eb.and([eb('sender_id', '=', a), eb('recipient_id', '=', b)]), eb.and([eb('sender_id', '=', b), eb('recipient_id', '=', a)])]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

/** Marks what `other` wrote to `reader` as read; returns how many were unread. */
export async function markRead(db: Executor, reader: number, other: number, now = new Date()): Promise<number> {
  const done = await db
    .updateTable('network_messages')
    .set({ read_at: now.toISOString() })
    .where('recipient_id', '=', reader)
    .where('sender_id', '=', other)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}

export async function unreadCount(db: Executor, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('network_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface ConversationSummary {
  otherId: number;
  otherName: string;
  lastAt: string;
  unread: number;
}

/** Everyone a member has written with, the latest conversation first, with the unread count of each. */
export async function conversations(db: Executor, memberId: number): Promise<ConversationSummary[]> {
  const rows = await db
    .selectFrom('network_messages')
    .select(['sender_id', 'recipient_id', 'created_at', 'read_at'])
    .where((eb) => eb.or([eb('sender_id', '=', memberId), eb('recipient_id', '=', memberId)]))
    .orderBy('id', 'desc')
    .execute();
  const byOther = new Map<number, { lastAt: string; unread: number }>();
  for (const r of rows) {
    const other = r.sender_id === memberId ? r.recipient_id : r.sender_id;
    const entry = byOther.get(other) ?? { lastAt: r.created_at, unread: 0 };
    if (r.recipient_id === memberId && r.read_at === null) entry.unread += 1;
    byOther.set(other, entry);
  }
  if (!byOther.size) return [];
  const names = await db
    .selectFrom('network_members')
    .select(['id', 'display_name'])
    .where('id', 'in', [...byOther.keys()])
    .execute();
  const name = new Map(names.map((n) => [n.id, n.display_name]));
  return [...byOther.entries()].map(([otherId, e]) => ({ otherId, otherName: name.get(otherId) ?? 'Ehemaliges Mitglied', ...e }));
}
