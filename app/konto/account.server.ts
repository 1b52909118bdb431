import { recordAudit } from '../../db/repositories/audit';
import { saveAccessibilityFeedback } from '../../db/repositories/feedback';
import { findOrganisation, organisationToData, renewInviteCode, updateOrganisation } from '../../db/repositories/organisations';
import { listNotifications, listOutbox, markNotificationsRead } from '../../db/repositories/advice';
import { listUserSessions, revokeOtherSessions, revokeUserSession } from '../../db/repositories/sessions';
import { changePassword, listOrganisationMembers, type PublicUser, verifyCredentials } from '../../db/repositories/users';
import type { NotificationRow, Organisation } from '../../db/schema';
import type { OrganisationData } from '../../machines/shared/organisation';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';

/**
 * The own account: its sessions, changing the password, the notifications, the development outbox,
 * the applicant's organisation, and the feedback form on accessibility. A write and its audit entry
 * share one transaction.
 */

/** The account's active sessions. */
export async function sessionsOf(userId: number) {
  return listUserSessions(await getDb(), userId);
}

/** Ends one of the own sessions; false when there is no such session (any more). */
export async function endOwnSession(user: CurrentUser, sessionId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    if (!(await revokeUserSession(trx, user.id, sessionId))) return false;
    await recordAudit(trx, { actorUserId: user.id, action: 'session.revoked', subjectType: 'user', subjectId: user.id });
    return true;
  });
}

/** Ends every session of the account but the current one. */
export async function endOtherSessions(user: CurrentUser): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await revokeOtherSessions(trx, user.id, user.sessionId);
    await recordAudit(trx, { actorUserId: user.id, action: 'session.revoked_others', subjectType: 'user', subjectId: user.id });
  });
}

/**
 * Changes the own password after checking the current one (false when it is wrong); the other sessions
 * end, since someone else may have known the old password.
 */
export async function changeOwnPassword(user: CurrentUser, currentPassword: string, newPassword: string): Promise<boolean> {
  const db = await getDb();
  if (!(await verifyCredentials(db, user.email, currentPassword))) return false;
  await db.transaction().execute(async (trx) => {
    await changePassword(trx, user.id, newPassword);
    await revokeOtherSessions(trx, user.id, user.sessionId);
    await recordAudit(trx, { actorUserId: user.id, action: 'user.password_changed', subjectType: 'user', subjectId: user.id });
  });
  return true;
}

/** The account's notifications, newest first. */
export async function notificationsOf(userId: number): Promise<NotificationRow[]> {
  return listNotifications(await getDb(), userId);
}

/** Marks all or some of the account's notifications as read. */
export async function markRead(userId: number, ids: number[] | 'all'): Promise<void> {
  await markNotificationsRead(await getDb(), userId, ids);
}

/** The development outbox: the account's own e-mails, or every e-mail for administrators. */
export async function outboxFor(user: CurrentUser) {
  return listOutbox(await getDb(), user.role === 'admin' ? null : user.id);
}

/** The applicant's organisation with its members; undefined when it is gone. */
export async function ownOrganisation(
  organisationId: number,
): Promise<{ organisation: Organisation; values: OrganisationData; members: PublicUser[] } | undefined> {
  const db = await getDb();
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation) return undefined;
  const members = await listOrganisationMembers(db, organisation.id);
  return { organisation, values: organisationToData(organisation), members };
}

/** A new invite code for the organisation (the old one stops working). */
export async function renewInvite(user: CurrentUser, organisationId: number): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await renewInviteCode(trx, organisationId);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'organisation.invite_renewed',
      subjectType: 'organisation',
      subjectId: organisationId,
    });
  });
}

/** Saves the organisation's details. */
export async function saveOrganisation(user: CurrentUser, organisationId: number, data: OrganisationData): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await updateOrganisation(trx, organisationId, data);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: organisationId,
    });
  });
}

/** Stores a report of a barrier (the feedback form of the accessibility statement). */
export async function sendAccessibilityFeedback(feedback: { page: string | null; message: string; contact: string | null }): Promise<void> {
  await saveAccessibilityFeedback(await getDb(), feedback);
}
