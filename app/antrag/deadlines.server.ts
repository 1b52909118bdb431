import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../../db/repositories/audit';
import {
  claimReminder,
  deleteFeed,
  findFeedByTokenHash,
  hasFeed,
  listActiveImplementations,
  setFeedToken,
} from '../../db/repositories/deadline-reminders';
import { notify } from '../../db/repositories/advice';
import { listOrganisationMembers } from '../../db/repositories/users';
import type { ImplementationRow } from '../../db/schema';
import { implementationDeadlines } from '../../machines/umsetzung/deadlines';
import { reminderText, remindersDue } from '../../machines/umsetzung/reminders';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { todayInSaxony } from '../rules.server';
import type { CurrentUser } from '../session.server';
import { absoluteLink } from '../notification-texts';
import { bescheidOf, deadlinesOfOrganisation, implementationTable, milestonesOf } from '../umsetzung/implementation.server';
import { projectsToIcs } from '../umsetzung/deadlines-ics';
import { log } from '../utils/log.server';

/**
 * Reminders of due dates and the subscribable calendar (issue 19 Nr. 6, ADR 0067). The job runs
 * in every instance; each reminder is claimed by a unique row in the same transaction as its
 * notification, so it is sent once however many instances run it at once.
 */

function deadlinesOfRow(row: ImplementationRow, today: string) {
  const milestones = milestonesOf(row);
  return implementationDeadlines(
    {
      bescheid: bescheidOf(row),
      today,
      startedOn: milestones.startedOn,
      purposeFulfilledOn: milestones.purposeFulfilledOn,
      proofSubmittedOn: milestones.proofSubmittedOn,
    },
    implementationTable,
  );
}

/** Sends every reminder due today that was not sent yet; returns how many were sent. */
export async function sendDeadlineReminders(now = new Date()): Promise<number> {
  const db = await getDb();
  const today = todayInSaxony(now);
  let sent = 0;
  for (const row of await listActiveImplementations(db)) {
    let due: ReturnType<typeof remindersDue>;
    try {
      due = remindersDue(deadlinesOfRow(row, today), today);
    } catch (error) {
      // One unreadable Bescheid must not stop the reminders of all other projects.
      log('error', 'reminders.implementation_unreadable', {
        implementationId: row.id,
        message: String(error),
      });
      continue;
    }
    const title = row.title.trim() || 'Antrag ohne Titel';
    for (const reminder of due) {
      const claimed = await db.transaction().execute(async (trx) => {
        const ok = await claimReminder(
          trx,
          {
            implementationId: row.id,
            deadlineKey: reminder.deadline.key,
            deadlineOn: reminder.deadline.on,
            kind: reminder.kind,
          },
          now,
        );
        if (!ok) return false;
        const text = reminderText(reminder, title, today);
        const link = `/antraege/${row.application_id}/umsetzung`;
        const members = (await listOrganisationMembers(trx, row.organisation_id)).map((m) => m.id);
        await notify(
          trx,
          {
            userIds: members,
            applicationId: row.application_id,
            kind: `frist.${reminder.kind}`,
            text,
            link,
            email: {
              subject: `Frist: ${text}`,
              body: `${text}.\n\n${reminder.deadline.description}\n\nZum Vorhaben: ${config.publicUrl}${link}\n\nFörderlotse Bürgerbeteiligung`,
            },
          },
          now,
        );
        return true;
      });
      if (claimed) sent++;
    }
  }
  return sent;
}

/** The hourly job: logs and never throws (a failed round is repeated by the next). */
export async function remindersOnce(now = new Date()) {
  try {
    const sent = await sendDeadlineReminders(now);
    if (sent) log('info', 'reminders.sent', { sent });
  } catch (error) {
    log('error', 'reminders.failed', {
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

// ---- the subscribable calendar -----------------------------------------------------------------

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export const feedPath = (token: string) => `/kalender/${token}/fristen.ics`;

export async function feedState(organisationId: number) {
  return (await hasFeed(await getDb(), organisationId)) ?? null;
}

/** Creates (or renews) the secret address; the token is shown once and stored only as its hash. */
export async function createFeed(user: CurrentUser & { organisation_id: number }): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    const renewed = Boolean(await hasFeed(trx, user.organisation_id));
    await setFeedToken(trx, user.organisation_id, hash(token), user.id);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: renewed ? 'kalender.erneuert' : 'kalender.angelegt',
      subjectType: 'organisation',
      subjectId: user.organisation_id,
    });
  });
  return `${config.publicUrl}${feedPath(token)}`;
}

export async function removeFeed(user: CurrentUser & { organisation_id: number }): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await deleteFeed(trx, user.organisation_id);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'kalender.beendet',
      subjectType: 'organisation',
      subjectId: user.organisation_id,
    });
  });
}

/** The organisation a token belongs to, or null (unknown, renewed or ended). Tokens are compared by their hash. */
export async function organisationOfToken(token: string | undefined): Promise<number | null> {
  if (!token || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const wanted = hash(token);
  const feed = await findFeedByTokenHash(await getDb(), wanted);
  // The lookup is by the hash (an index cannot compare in constant time); compare again without early exit.
  if (!feed || !timingSafeEqual(Buffer.from(feed.token_hash, 'hex'), Buffer.from(wanted, 'hex'))) return null;
  return feed.organisation_id;
}

/** All the organisation's due dates as one calendar file (download and subscription alike). */
export async function organisationCalendar(organisationId: number): Promise<string> {
  const projects = await deadlinesOfOrganisation(organisationId);
  return projectsToIcs(
    projects.map((p) => ({
      deadlines: p.deadlines,
      applicationId: p.applicationId,
      projectTitle: p.projectTitle,
      url: absoluteLink(config.publicUrl, `/antraege/${p.applicationId}/umsetzung`),
    })),
    {
      name: 'Fristen der geförderten Vorhaben',
      host: new URL(config.publicUrl).host,
      stamp:
        projects
          .map((p) => p.updatedAt)
          .sort()
          .at(-1) ?? new Date().toISOString(),
    },
  );
}
