import type { Kysely, Transaction } from 'kysely';
import type { BlockBetween } from '../../machines/netzwerk/blocks';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/* Personal blocks between network members (ADR 0074); one row per (blocker, blocked). */

/** Blocks `blockedId` for `blockerId`; a second block of the same member changes nothing. Returns whether it is new. */
export async function blockMember(db: Executor, blockerId: number, blockedId: number, now = new Date()): Promise<boolean> {
  const row = await db
    .insertInto('network_member_blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Lifts a block; returns whether there was one. */
export async function unblockMember(db: Executor, blockerId: number, blockedId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('network_member_blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Both directions of a block between a writer and an addressee, in one query. */
export async function blockBetween(db: Executor, writerId: number, addresseeId: number): Promise<BlockBetween> {
  const rows = await db
    .selectFrom('network_member_blocks')
    .select(['blocker_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', writerId), eb('blocked_id', '=', addresseeId)]),
        eb.and([eb('blocker_id', '=', addresseeId), eb('blocked_id', '=', writerId)]),
      ]),
    )
    .execute();
  return {
    blockedByMe: rows.some((r) => r.blocker_id === writerId),
    blockedByThem: rows.some((r) => r.blocker_id === addresseeId),
  };
}

/** The members who have blocked `memberId` (to leave them out of its mentions). */
export async function blockersOf(db: Executor, memberId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('network_member_blocks').select('blocker_id').where('blocked_id', '=', memberId).execute();
  return new Set(rows.map((r) => r.blocker_id));
}

export interface BlockedMember {
  id: number;
  name: string;
  since: string;
}

/** The members `blockerId` has blocked, by name. */
export async function blockedByMember(db: Executor, blockerId: number): Promise<BlockedMember[]> {
  const rows = await db
    .selectFrom('network_member_blocks')
    .innerJoin('network_members', 'network_members.id', 'network_member_blocks.blocked_id')
    .select(['network_members.id as id', 'network_members.display_name as name', 'network_member_blocks.created_at as since'])
    .where('network_member_blocks.blocker_id', '=', blockerId)
    .orderBy('network_members.display_name')
    .orderBy('network_members.id')
    .execute();
  return rows;
}
