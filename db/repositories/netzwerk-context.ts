import type { Kysely, Transaction } from 'kysely';
import { formatsFromText, formatsToText, type ThreadContext } from '../../machines/netzwerk/context';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/*
 * Questions asked from a wizard step and advisors' pointers from a draft to a thread (issue 20 Nr. 6,
 * ADR 0075). Plain Kysely, the same on SQLite and PostgreSQL.
 */

export async function saveThreadContext(
  db: Executor,
  input: { threadId: number; applicationId: number; step: string; context: ThreadContext },
): Promise<void> {
  await db
    .insertInto('network_thread_contexts')
    .values({
      thread_id: input.threadId,
      application_id: input.applicationId,
      step: input.step,
      step_title: input.context.stepTitle,
      route_label: input.context.routeLabel,
      formats: formatsToText(input.context.formats),
    })
    .execute();
}

export async function contextOfThread(db: Executor, threadId: number): Promise<ThreadContext | null> {
  const row = await db
    .selectFrom('network_thread_contexts')
    .select(['step_title', 'route_label', 'formats'])
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  return row ? { stepTitle: row.step_title, routeLabel: row.route_label, formats: formatsFromText(row.formats) } : null;
}

export interface AskedQuestion {
  threadId: number;
  title: string;
  step: string;
  replies: number;
}

/** The questions a member asked from one draft, newest first. */
export async function questionsFromApplication(db: Executor, applicationId: number, memberId: number): Promise<AskedQuestion[]> {
  const rows = await db
    .selectFrom('network_thread_contexts as c')
    .innerJoin('network_threads as t', 't.id', 'c.thread_id')
    .select(['t.id', 't.title', 'c.step', 't.reply_count'])
    .where('c.application_id', '=', applicationId)
    .where('t.author_id', '=', memberId)
    .orderBy('t.id', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({ threadId: r.id, title: r.title, step: r.step, replies: Number(r.reply_count) }));
}

/** A thread an advisor may point to: it exists and its opening post is not hidden. */
export async function pointableThread(db: Executor, threadId: number): Promise<{ id: number; title: string } | null> {
  const row = await db
    .selectFrom('network_threads as t')
    .innerJoin('network_posts as p', (join) => join.onRef('p.thread_id', '=', 't.id').on('p.opening', '=', 1))
    .select(['t.id', 't.title'])
    .where('t.id', '=', threadId)
    .where('p.hidden_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

export async function addThreadHint(
  db: Executor,
  input: { applicationId: number; threadId: number; advisorUserId: number | null; note: string | null },
  now = new Date(),
): Promise<number> {
  const row = await db
    .insertInto('application_thread_hints')
    .values({
      application_id: input.applicationId,
      thread_id: input.threadId,
      advisor_user_id: input.advisorUserId,
      note: input.note,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ThreadHint {
  id: number;
  threadId: number;
  title: string;
  note: string | null;
  advisorName: string | null;
  createdAt: string;
}

/** The pointers on a draft, newest first; pointers to threads whose opening was hidden since are left out. */
export async function hintsOf(db: Executor, applicationId: number): Promise<ThreadHint[]> {
  const rows = await db
    .selectFrom('application_thread_hints as h')
    .innerJoin('network_threads as t', 't.id', 'h.thread_id')
    .innerJoin('network_posts as p', (join) => join.onRef('p.thread_id', '=', 't.id').on('p.opening', '=', 1))
    .leftJoin('users as u', 'u.id', 'h.advisor_user_id')
    .select(['h.id', 'h.thread_id', 't.title', 'h.note', 'u.name', 'h.created_at'])
    .where('h.application_id', '=', applicationId)
    .where('p.hidden_at', 'is', null)
    .orderBy('h.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    threadId: r.thread_id,
    title: r.title,
    note: r.note,
    advisorName: r.name ?? null,
    createdAt: r.created_at,
  }));
}
