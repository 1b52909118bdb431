import { data, redirect } from '@remix-run/node';
import { recordApplicationEvent } from '../../db/repositories/applications';
import {
  addComment,
  changesSince,
  findComment,
  listComments,
  setCommentResolved,
  type CommentWithAuthor,
} from '../../db/repositories/advice';
import { anchorsOf, changeTouches, findAnchor } from '../../machines/frl/application/anchors';
import { stepIds, stepInfo, type EditableStep } from '../../machines/frl/application/steps';
import { isAssignedAdvisor } from '../../machines/frl/advice/machine';
import { formatDateTime } from '../../machines/shared/format';
import type { ApplicationAccess } from '../access.server';
import { actorOf, notifyComment } from './advice.server';
import { getDb } from '../db.server';

/**
 * Comments on a draft: threads anchored to a step and optionally a field or a list row. They live
 * beside the application data, never in it, so no save of either side can overwrite them.
 */

export const MAX_COMMENT_LENGTH = 5000;

export interface CommentView {
  id: number;
  body: string;
  author: string;
  byAdvice: boolean;
  at: string;
  internal: boolean;
}

export interface ThreadView extends CommentView {
  step: EditableStep;
  stepTitle: string;
  field: string | null;
  /** "Titel des Vorhabens", "Ausgabe 2: Moderation" – or the step, when the place no longer exists. */
  anchorLabel: string;
  anchorGone: boolean;
  resolved: boolean;
  resolvedAt: string | null;
  /** The data at the anchor changed after the comment was written. */
  changedSince: boolean;
  replies: CommentView[];
  mayResolve: boolean;
}

const editableSteps = stepIds.filter((s): s is EditableStep => s !== 'pruefen');

function isEditableStep(step: string): step is EditableStep {
  return (editableSteps as readonly string[]).includes(step);
}

function view(c: CommentWithAuthor): CommentView {
  return {
    id: c.id,
    body: c.body,
    author: c.author_name ?? 'Gelöschtes Konto',
    byAdvice: c.author_role === 'advisor',
    at: formatDateTime(c.created_at),
    internal: c.internal === 1,
  };
}

function mayModerate(access: ApplicationAccess, internal: boolean): boolean {
  if (access.as === 'member') return !internal;
  return isAssignedAdvisor(actorOf(access.user, access.loaded.row), access.advice.context);
}

/** All threads the reader may see (internal notes only for advisors), optionally of one step. */
export async function threadsFor(access: ApplicationAccess, step?: EditableStep): Promise<ThreadView[]> {
  const db = await getDb();
  const { row, data } = access.loaded;
  const comments = await listComments(db, row.id, { includeInternal: access.as === 'advisor' });
  const roots = comments.filter((c) => c.parent_id === null && (!step || c.step === step));
  if (!roots.length) return [];
  const oldest = Math.min(...roots.map((r) => r.version));
  const changes = await changesSince(db, row.id, oldest);
  const anchors = anchorsOf(data);
  return roots.map((root) => {
    const rootStep = isEditableStep(root.step) ? root.step : 'vorhaben';
    const anchor = anchors.find((a) => a.step === rootStep && a.field === root.field);
    const changedSince = anchor
      ? changes.some((event) => event.version > root.version && event.changes.some((change) => changeTouches(anchor, change.path)))
      : false;
    return {
      ...view(root),
      step: rootStep,
      stepTitle: stepInfo[rootStep].title,
      field: root.field,
      anchorLabel: anchor?.label ?? `${stepInfo[rootStep].title} (die kommentierte Stelle gibt es nicht mehr)`,
      anchorGone: root.field !== null && !anchor,
      resolved: root.resolved_at !== null,
      resolvedAt: root.resolved_at ? formatDateTime(root.resolved_at) : null,
      changedSince,
      replies: comments.filter((c) => c.parent_id === root.id).map(view),
      mayResolve: mayModerate(access, root.internal === 1),
    };
  });
}

/** Open threads per step, for the task list. */
export function openCountsByStep(threads: ThreadView[]): Partial<Record<EditableStep, number>> {
  const counts: Partial<Record<EditableStep, number>> = {};
  for (const t of threads) if (!t.resolved) counts[t.step] = (counts[t.step] ?? 0) + 1;
  return counts;
}

/** The places of a step a new comment can be anchored to. */
export function anchorOptions(access: ApplicationAccess, step: EditableStep) {
  return anchorsOf(access.loaded.data)
    .filter((a) => a.step === step)
    .map((a) => ({ value: a.field ?? '', label: a.label }));
}

export const commentIntents = ['kommentar.neu', 'kommentar.antwort', 'kommentar.erledigt', 'kommentar.wieder'] as const;
export type CommentIntent = (typeof commentIntents)[number];

export function isCommentIntent(value: unknown): value is CommentIntent {
  return typeof value === 'string' && (commentIntents as readonly string[]).includes(value);
}

/** What a refused comment form shows again: the message at the form it came from, the text kept. */
export interface CommentFormError {
  commentError: { form: string; message: string; body: string; field: string | null; internal: boolean };
}

function refuse(form: string, message: string, body: string, field: string | null = null, internal = false) {
  return data<CommentFormError>({ commentError: { form, message, body, field, internal } }, { status: 400 });
}

/**
 * Handles the comment forms of the step pages and the advisor view. Success redirects back to
 * `returnTo` (a path of this app) at the thread; a refusal answers 400 with a German message.
 */
export async function handleCommentAction(access: ApplicationAccess, form: FormData, returnTo: string) {
  const intent = form.get('intent');
  const db = await getDb();
  const { row, data: applicationData } = access.loaded;
  const user = access.user;
  // What was typed comes back as typed (with LF, readProtectedForm) when the comment is refused; what is stored is trimmed.
  const typed = String(form.get('body') ?? '');
  const body = typed.trim();
  const advisor = access.as === 'advisor';
  const assigned = advisor && isAssignedAdvisor(actorOf(user, row), access.advice.context);

  if (advisor && !assigned) {
    // The key of the form that was sent, derived as each branch below derives it (never the posted
    // `formKey`, which names no form when tampered with), so the message and the text appear there.
    const key =
      intent === 'kommentar.neu'
        ? `neu-${String(form.get('step') ?? '')}`
        : `${intent === 'kommentar.antwort' ? 'antwort' : 'status'}-${Number(form.get('comment'))}`;
    return refuse(key, 'Bitte übernehmen Sie die Beratung dieses Antrags, bevor Sie kommentieren.', typed);
  }

  if (intent === 'kommentar.neu') {
    const step = String(form.get('step') ?? '');
    const fieldValue = String(form.get('field') ?? '');
    const field = fieldValue === '' ? null : fieldValue;
    const internal = advisor && form.get('internal') === 'on';
    const formKey = `neu-${step}`;
    // No form of the page has this key, so the message could be shown nowhere: say it on an error page.
    if (!isEditableStep(step)) throw new Response('Diesen Abschnitt gibt es nicht.', { status: 400 });
    if (!body) return refuse(formKey, 'Bitte schreiben Sie Ihren Kommentar.', typed, field, internal);
    if (body.length > MAX_COMMENT_LENGTH) {
      return refuse(
        formKey,
        `Bitte kürzen Sie den Kommentar auf höchstens ${MAX_COMMENT_LENGTH.toLocaleString('de-DE')} Zeichen (eingegeben: ${body.length.toLocaleString('de-DE')}).`,
        typed,
        field,
        internal,
      );
    }
    if (!findAnchor(applicationData, step, field)) {
      return refuse(
        formKey,
        'Die gewählte Stelle gibt es im Antrag nicht mehr (zum Beispiel wurde eine Kostenposition entfernt). Ihr Kommentar wurde noch nicht gespeichert: Bitte wählen Sie eine andere Stelle oder den ganzen Abschnitt.',
        typed,
        null,
        internal,
      );
    }
    const created = await db.transaction().execute(async (trx) => {
      const comment = await addComment(trx, {
        application_id: row.id,
        parent_id: null,
        author_id: user.id,
        step,
        field,
        body,
        internal: internal ? 1 : 0,
        version: row.version,
      });
      await recordApplicationEvent(trx, row.id, row.version, {
        userId: user.id,
        type: 'comment.added',
        step,
        details: { commentId: comment.id, field, internal },
      });
      return comment;
    });
    await notifyComment(user, row, internal, step);
    return redirect(`${returnTo}#kommentar-${created.id}`);
  }

  const id = Number(form.get('comment'));
  const target = Number.isInteger(id) && id > 0 ? await findComment(db, row.id, id) : undefined;
  const formKey = `${intent === 'kommentar.antwort' ? 'antwort' : 'status'}-${id}`;
  // Internal notes do not exist for applicants: the same message as for a deleted comment. The page
  // has no form for a comment that is gone, so the message comes as an error page.
  const gone = () => new Response('Diesen Kommentar gibt es nicht mehr. Bitte laden Sie die Seite neu.', { status: 400 });
  if (!target || (target.internal === 1 && !advisor)) throw gone();
  const root = target.parent_id === null ? target : await findComment(db, row.id, target.parent_id);
  if (!root) throw gone();

  if (intent === 'kommentar.antwort') {
    if (!body) return refuse(formKey, 'Bitte schreiben Sie Ihre Antwort.', typed);
    if (body.length > MAX_COMMENT_LENGTH) {
      return refuse(
        formKey,
        `Bitte kürzen Sie die Antwort auf höchstens ${MAX_COMMENT_LENGTH.toLocaleString('de-DE')} Zeichen (eingegeben: ${body.length.toLocaleString('de-DE')}).`,
        typed,
      );
    }
    const reply = await db.transaction().execute(async (trx) => {
      const comment = await addComment(trx, {
        application_id: row.id,
        parent_id: root.id,
        author_id: user.id,
        step: root.step,
        field: root.field,
        body,
        internal: root.internal,
        version: row.version,
      });
      await recordApplicationEvent(trx, row.id, row.version, {
        userId: user.id,
        type: 'comment.replied',
        step: root.step,
        details: { commentId: comment.id, threadId: root.id, internal: root.internal === 1 },
      });
      // A reply reopens a resolved thread: the conversation goes on.
      if (root.resolved_at) await setCommentResolved(trx, root.id, null);
      return comment;
    });
    await notifyComment(user, row, root.internal === 1, root.step);
    return redirect(`${returnTo}#kommentar-${reply.id}`);
  }

  if (intent === 'kommentar.erledigt' || intent === 'kommentar.wieder') {
    if (!mayModerate(access, root.internal === 1)) return refuse(formKey, 'Diesen Kommentar können Sie nicht als erledigt markieren.', '');
    const resolve = intent === 'kommentar.erledigt';
    await db.transaction().execute(async (trx) => {
      await setCommentResolved(trx, root.id, resolve ? user.id : null);
      await recordApplicationEvent(trx, row.id, row.version, {
        userId: user.id,
        type: resolve ? 'comment.resolved' : 'comment.reopened',
        step: root.step,
        details: { commentId: root.id, internal: root.internal === 1 },
      });
    });
    return redirect(`${returnTo}#kommentar-${root.id}`);
  }
  return refuse('neu', 'Unbekannte Aktion.', typed);
}
