import { recordAudit } from '../../db/repositories/audit';
import {
  DIRECTORY_PAGE,
  leaveNetwork,
  type Member,
  memberById,
  memberByUser,
  saveMemberProfile,
  searchMembers,
  setMemberBlocked,
} from '../../db/repositories/netzwerk';
import { type BlockedMember, blockBetween, blockedByMember, blockMember, unblockMember } from '../../db/repositories/netzwerk-blocks';
import { findOrganisation } from '../../db/repositories/organisations';
import type { Organisation } from '../../db/schema';
import type { DirectoryFilter, MemberProfile } from '../../machines/netzwerk/profile';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';

/**
 * Membership of the EBBS network (issue 20 Nr. 1, 2, 5; ADR 0052, 0074): joining and the own profile,
 * the directory, a member's profile page, personal blocks and the moderators' site-wide block. A write
 * and its audit entry share one transaction.
 */

export type { BlockedMember, Member };
export { DIRECTORY_PAGE };

const parseId = (value: string | undefined): number | null => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** The member account of a user (blocked or not), or null for someone who has not joined. */
export async function memberOfUser(userId: number): Promise<Member | null> {
  return memberByUser(await getDb(), userId);
}

/** A member by the id in the URL; null for a malformed or unknown id. */
export async function memberByParam(idParam: string | undefined): Promise<Member | null> {
  const id = parseId(idParam);
  return id === null ? null : memberById(await getDb(), id);
}

/** One page of the directory (plus one more row, to tell whether there are more). */
export async function directoryPage(filter: DirectoryFilter): Promise<Member[]> {
  return searchMembers(await getDb(), filter, DIRECTORY_PAGE + 1);
}

/** Whether `viewerId` blocked `memberId` for themselves (only the blocker learns of it, ADR 0074). */
export async function blockedByViewer(viewerId: number, memberId: number): Promise<boolean> {
  return (await blockBetween(await getDb(), viewerId, memberId)).blockedByMe;
}

/** What the own profile page needs: the member (if joined), the organisation for a first profile, the own blocks. */
export async function ownProfile(
  user: CurrentUser,
): Promise<{ member: Member | null; organisation: Organisation | undefined; blocks: BlockedMember[] }> {
  const db = await getDb();
  const member = await memberByUser(db, user.id);
  if (member?.blocked) return { member, organisation: undefined, blocks: [] };
  const organisation = user.organisation_id === null ? undefined : await findOrganisation(db, user.organisation_id);
  const blocks = member ? await blockedByMember(db, member.id) : [];
  return { member, organisation, blocks };
}

/** Leaves the network (the profile is deleted), audited when there was one. */
export async function leave(user: CurrentUser, memberId: number | null): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    if (await leaveNetwork(trx, user.id))
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'network.member.left',
        subjectType: 'network_member',
        subjectId: memberId,
      });
  });
}

/** Joins the network or saves the own profile; audited with the fields made public. */
export async function saveProfile(
  user: CurrentUser,
  profile: MemberProfile,
  publicFieldsAsPosted: readonly string[],
): Promise<{ id: number; joined: boolean }> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const saved = await saveMemberProfile(trx, user.id, profile);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: saved.joined ? 'network.member.joined' : 'network.member.updated',
      subjectType: 'network_member',
      subjectId: saved.id,
      details: { publicFields: publicFieldsAsPosted },
    });
    return saved;
  });
}

/** A personal block of another member, or lifting it. */
export async function setPersonalBlock(selfId: number, memberId: number, block: boolean): Promise<void> {
  const db = await getDb();
  if (block) await blockMember(db, selfId, memberId);
  else await unblockMember(db, selfId, memberId);
}

/** The moderators' site-wide block of a member (with a reason), or lifting it; audited. */
export async function setSiteBlock(user: CurrentUser, memberId: number, reason: string | null): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await setMemberBlocked(trx, memberId, reason);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: reason === null ? 'network.member.unblocked' : 'network.member.blocked',
      subjectType: 'network_member',
      subjectId: memberId,
      details: reason === null ? {} : { reason },
    });
  });
}
