import { recordAudit } from '../../db/repositories/audit';
import { memberByUser, type Member } from '../../db/repositories/netzwerk';
import { addThreadHint, pointableThread, saveThreadContext } from '../../db/repositories/netzwerk-context';
import { notify } from '../../db/repositories/advice';
import { nonPersonalContext } from '../../machines/frl/application/question-context';
import type { StepId } from '../../machines/frl/application/steps';
import type { AskForm, HintForm, ThreadContext } from '../../machines/netzwerk/context';
import { threadNumberOf, unknownThread } from '../../machines/netzwerk/context';
import type { ApplicationAccess } from '../access.server';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { startThread, threadPath, type MentionTarget } from './topics.server';
import { absoluteLink } from '../notification-texts';

/*
 * Asking the network from the work (issue 20 Nr. 6, ADR 0075): a question asked from a wizard step
 * carries the step's non-personal context; an advisor points a draft's author to a thread. Rules in
 * machines/netzwerk/context.ts and machines/frl/application/question-context.ts, storage in
 * db/repositories/netzwerk-context.ts.
 */

export const askPath = (applicationId: number, step: string) => `/netzwerk/frage?antrag=${applicationId}&schritt=${step}`;

/** The context a question from this step of this draft would carry (the caller checked access). */
export function contextFor(access: ApplicationAccess, step: StepId): ThreadContext {
  const { stepTitle, routeLabel, formats } = nonPersonalContext(access.loaded.data, step);
  return { stepTitle, routeLabel, formats };
}

/** The member account of a user, or null for someone who has not joined (or is blocked). */
export async function memberOf(userId: number): Promise<Member | null> {
  const member = await memberByUser(await getDb(), userId);
  return member && !member.blocked ? member : null;
}

/** Starts the thread through the topic service (flood limit, mentions, index, audit) with its context. */
export async function askFromStep(
  member: Member,
  userId: number,
  form: AskForm,
  mentioned: MentionTarget[],
  origin: { applicationId: number; step: StepId; context: ThreadContext | null },
): Promise<number> {
  const { context } = origin;
  const { threadId } = await startThread(member, form, mentioned, userId, async (trx, id) => {
    if (!context) return;
    await saveThreadContext(trx, { threadId: id, applicationId: origin.applicationId, step: origin.step, context });
    await recordAudit(trx, {
      actorUserId: userId,
      action: 'network.thread.context_attached',
      subjectType: 'network_thread',
      subjectId: id,
      details: { step: origin.step },
    });
  });
  return threadId;
}

export const hintsAnchor = 'netzwerk-hinweise';

/**
 * Stores an advisor's pointer from the draft to a thread, tells the draft's author (notice and
 * e-mail) and writes the audit trail, in one transaction. Returns the message for the thread field
 * when the thread does not exist or its opening post is hidden.
 */
export async function pointToThread(access: ApplicationAccess, form: HintForm): Promise<{ problem: string } | { threadId: number }> {
  const db = await getDb();
  const number = threadNumberOf(form.thema);
  const thread = number === null ? null : await pointableThread(db, number);
  if (!thread) return { problem: unknownThread };
  const { row } = access.loaded;
  const link = `/antraege/${row.id}#${hintsAnchor}`;
  await db.transaction().execute(async (trx) => {
    const hintId = await addThreadHint(trx, {
      applicationId: row.id,
      threadId: thread.id,
      advisorUserId: access.user.id,
      note: form.notiz || null,
    });
    if (row.created_by !== null)
      await notify(trx, {
        userIds: [row.created_by],
        applicationId: row.id,
        kind: 'netzwerk.hinweis',
        text: `Die Beratung hat Sie auf das Netzwerk-Thema „${thread.title}“ hingewiesen`,
        link,
        email: {
          subject: `Hinweis der Beratung: ${thread.title}`,
          body: `Guten Tag,\n\ndie EBBS-Beratung hat Sie bei Ihrem Antrag auf das Thema „${thread.title}“ im EBBS-Netzwerk hingewiesen. Sie finden den Hinweis hier:\n${absoluteLink(config.publicUrl, link)}\n\nFörderlotse Bürgerbeteiligung`,
        },
      });
    await recordAudit(trx, {
      actorUserId: access.user.id,
      action: 'network.thread.pointed',
      subjectType: 'application',
      subjectId: row.id,
      details: { threadId: thread.id, hintId, path: threadPath(thread.id) },
    });
  });
  return { threadId: thread.id };
}
