import type { Kysely, Transaction } from 'kysely';
import type { Landkreis } from '../../machines/shared/organisation';
import {
  visibleFields,
  type DirectoryFilter,
  type MemberProfile,
  type MemberRole,
  type VisibleField,
} from '../../machines/netzwerk/profile';
import type { Database, NetworkMemberRow } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/*
 * EBBS network members (issue 20 Nr. 1–2, ADR 0052). Lists are stored as ",a,b," text so one
 * `LIKE '%,a,%'` filters on SQLite and PostgreSQL alike, without JSON operators.
 */

const toList = (values: readonly string[]) => `,${values.join(',')},`;
const fromList = (stored: string) => stored.split(',').filter(Boolean);

export interface Member extends MemberProfile {
  id: number;
  userId: number;
  blocked: boolean;
  joinedAt: string;
}

export function memberFromRow(row: NetworkMemberRow): Member {
  return {
    id: row.id,
    userId: row.user_id,
    displayName: row.display_name,
    role: row.member_role,
    landkreis: row.landkreis,
    methods: fromList(row.methods),
    languages: row.languages,
    about: row.about,
    publicFields: fromList(row.public_fields).filter((f): f is VisibleField => (visibleFields as readonly string[]).includes(f)),
    blocked: row.blocked_at !== null,
    joinedAt: row.joined_at,
  };
}

const columns = (p: MemberProfile) => ({
  display_name: p.displayName,
  member_role: p.role,
  landkreis: p.landkreis,
  methods: toList(p.methods),
  languages: p.languages,
  about: p.about,
  public_fields: toList(p.publicFields),
});

/** Joins the network or, for a member, saves the profile. Returns the member id and whether they joined now. */
export async function saveMemberProfile(
  db: Executor,
  userId: number,
  profile: MemberProfile,
  now = new Date(),
): Promise<{ id: number; joined: boolean }> {
  const at = now.toISOString();
  const updated = await db
    .updateTable('network_members')
    .set({ ...columns(profile), updated_at: at })
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  if (updated) return { id: updated.id, joined: false };
  const row = await db
    .insertInto('network_members')
    .values({ ...columns(profile), user_id: userId, joined_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, joined: true };
}

export async function memberByUser(db: Executor, userId: number): Promise<Member | null> {
  const row = await db.selectFrom('network_members').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row ? memberFromRow(row) : null;
}

export async function memberById(db: Executor, id: number): Promise<Member | null> {
  const row = await db.selectFrom('network_members').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? memberFromRow(row) : null;
}

/** Leaves the network: the profile is deleted (issue 20 Nr. 1). */
export async function leaveNetwork(db: Executor, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('network_members').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A moderator blocks or unblocks a member (issue 20 Nr. 5). */
export async function setMemberBlocked(db: Executor, id: number, reason: string | null, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('network_members')
    .set({ blocked_at: reason === null ? null : now.toISOString(), blocked_reason: reason })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Drops LIKE wildcards from a search text, so "%" never matches everything. (SQLite has no default
 * escape character and PostgreSQL uses the backslash; dropping them works the same on both.)
 */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '');

export const DIRECTORY_PAGE = 50;

/** The member directory (members only, issue 20 Nr. 2): blocked members are left out; by name. */
export async function searchMembers(db: Executor, filter: DirectoryFilter, limit = DIRECTORY_PAGE): Promise<Member[]> {
  let query = db.selectFrom('network_members').selectAll().where('blocked_at', 'is', null);
  if (filter.landkreis) query = query.where('landkreis', '=', filter.landkreis as Landkreis);
  if (filter.role) query = query.where('member_role', '=', filter.role as MemberRole);
  // The slug is one of the catalogue (directoryFilter); a "_" in it would only match itself or one more character.
  if (filter.method) query = query.where('methods', 'like', `%,${filter.method},%`);
  if (filter.q) {
    const pattern = `%${likeLiteral(filter.q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['display_name']), 'like', pattern),
        eb(eb.fn('lower', ['about']), 'like', pattern),
        eb(eb.fn('lower', ['languages']), 'like', pattern),
      ]),
    );
  }
  const rows = await query.orderBy('display_name').orderBy('id').limit(limit).execute();
  return rows.map(memberFromRow);
}
