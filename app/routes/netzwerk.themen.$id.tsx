import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  acceptedAfter,
  changedMeanwhile,
  editSchema,
  findMentions,
  hiddenNotice,
  moderationSchema,
  pageCount,
  REPLIES_PAGE,
  refuseAccept,
  refuseEdit,
  refuseModeration,
  refuseReport,
  refuseUseful,
  replySchema,
  reportSchema,
  topicCategoryLabel,
  visibleBody,
} from '../../machines/netzwerk/topics';
import { formatDateTime } from '../../machines/shared/format';
import { contextLines } from '../../machines/netzwerk/context';
import { ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { requireMember } from '../netzwerk/netzwerk.server';
import {
  acceptAnswer,
  editOwnPost,
  follow,
  moderate,
  type Post,
  postByIdOf,
  report,
  type Thread,
  threadByParam,
  threadPage,
  toggleUseful,
} from '../netzwerk/thread.server';
import { checkMentions, checkPost, postAnchor, reply, threadPath } from '../netzwerk/topics.server';
import { requireUser } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.thread.title ?? 'Thema'} – Themen – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung` },
];

const notices: Record<string, string> = {
  neu: 'Ihr Thema ist veröffentlicht. Sie folgen ihm und erhalten neue Antworten einmal am Tag per E-Mail.',
  antwort: 'Ihre Antwort ist veröffentlicht. Sie folgen diesem Thema.',
  gespeichert: 'Ihre Änderung ist gespeichert; der frühere Text bleibt im Verlauf sichtbar.',
  gemeldet: 'Danke. Die Moderation prüft Ihre Meldung.',
  ausgeblendet: 'Der Beitrag ist ausgeblendet.',
  wiederhergestellt: 'Der Beitrag ist wieder sichtbar.',
  loesung: 'Die Lösung ist gespeichert.',
  folgen: 'Sie folgen diesem Thema. Neue Antworten erhalten Sie einmal am Tag per E-Mail.',
  entfolgt: 'Sie folgen diesem Thema nicht mehr.',
  nuetzlich: 'Gespeichert.',
};

async function requireThread(idParam: string | undefined): Promise<Thread> {
  const thread = await threadByParam(idParam);
  if (!thread) throw new Response('Dieses Thema gibt es nicht (mehr).', { status: 404 });
  return thread;
}

const postIdOf = (value: FormDataEntryValue | string | null) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null;

/** A thread with one page of replies (issue 20 Nr. 3); members only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, moderator } = await requireMember(request);
  const thread = await requireThread(params.id);
  const url = new URL(request.url);
  // A link to one post (a mention, a report, a form for it) opens the page it is on.
  const wanted = ['beitrag', 'bearbeiten', 'melden', 'moderieren'].map((n) => postIdOf(url.searchParams.get(n))).find((id) => id !== null);
  const { page, pages, opening, replies, marks, versions, subscribed, context } = await threadPage(thread, member.id, {
    wantedPost: wanted ?? undefined,
    page: url.searchParams.has('seite') ? url.searchParams.get('seite') : null,
  });
  const ids = [...(opening ? [opening] : []), ...replies].map((p) => p.id);
  const viewer = { id: member.id, moderator };
  const asker = thread.question && thread.authorId === member.id;
  const target = (name: string) => {
    const id = postIdOf(url.searchParams.get(name));
    return id !== null && ids.includes(id) ? id : null;
  };
  const view = (p: Post) => {
    const body = visibleBody(p, viewer);
    const own = p.authorId === member.id;
    return {
      id: p.id,
      anchor: postAnchor(p.id),
      opening: p.opening,
      author: p.authorName,
      authorId: p.authorId,
      at: formatDateTime(p.createdAt),
      body,
      hidden: p.hidden,
      hiddenReason: body !== null ? p.hiddenReason : null,
      editedAt: p.editedAt ? formatDateTime(p.editedAt) : null,
      history: body !== null ? (versions.get(p.id) ?? []).map((v) => ({ body: v.body, at: formatDateTime(v.writtenAt) })).reverse() : [],
      useful: marks.get(p.id)?.count ?? 0,
      markedByMe: marks.get(p.id)?.mine ?? false,
      version: p.version,
      own,
      accepted: thread.acceptedPostId === p.id,
      canAccept: asker && !p.opening && !p.hidden,
      canMark: !own && !p.hidden,
      canReport: !own && !p.hidden,
      canEdit: own && !p.hidden,
    };
  };
  const notice = url.searchParams.get('hinweis') ?? (url.searchParams.get('neu') === '1' ? 'neu' : null);
  return {
    thread: {
      id: thread.id,
      title: thread.title,
      category: topicCategoryLabel[thread.category],
      question: thread.question,
      answered: thread.acceptedPostId !== null,
      author: thread.authorName,
      version: thread.version,
      replies: thread.replies,
    },
    opening: opening ? view(opening) : null,
    replies: replies.map(view),
    page,
    pages,
    moderator,
    subscribed,
    context: context ? contextLines(context) : null,
    editing: target('bearbeiten'),
    reporting: target('melden'),
    moderating: moderator ? target('moderieren') : null,
    notice: notice && notices[notice] ? notices[notice] : null,
  };
}

type ActionResult =
  | { form: 'antwort' | 'bearbeiten' | 'melden' | 'moderieren'; post: number | null; result: SubmissionResult<string[]> }
  | { notice: string };

/** Replies, marks, the accepted answer, edits, reports and moderation of one thread (issue 20 Nr. 3, 5). */
export async function action({ request, params }: ActionFunctionArgs) {
  // The CSRF check comes before the membership check, so a forged form never learns who is a member.
  await requireUser(request);
  const form = await readProtectedForm(request);
  const { user, member, moderator } = await requireMember(request);
  const thread = await requireThread(params.id);
  const intent = String(form.get('intent') ?? 'reply');
  const here = threadPath(thread.id);
  const refused = (notice: string, status: number) => data<ActionResult>({ notice }, { status });

  if (intent === 'reply') {
    const submission = parseWithZod(form, { schema: replySchema });
    if (submission.status !== 'success')
      return data<ActionResult>({ form: 'antwort', post: null, result: submission.reply() }, { status: 400 });
    const checked = await checkPost(member, submission.value.body);
    if ('refusal' in checked) {
      const { refusal } = checked;
      return data<ActionResult>(
        {
          form: 'antwort',
          post: null,
          result: submission.reply(refusal.field ? { fieldErrors: { body: [refusal.message] } } : { formErrors: [refusal.message] }),
        },
        { status: refusal.status },
      );
    }
    const postId = await reply(member, thread, submission.value.body, checked.mentioned);
    const last = pageCount(thread.replies + 1, REPLIES_PAGE);
    return redirect(`${here}?${last > 1 ? `seite=${last}&` : ''}hinweis=antwort#${postAnchor(postId)}`);
  }

  if (intent === 'subscribe' || intent === 'unsubscribe') {
    await follow(thread.id, member.id, intent === 'subscribe');
    return redirect(`${here}?hinweis=${intent === 'subscribe' ? 'folgen' : 'entfolgt'}#folgen`);
  }

  const postId = postIdOf(form.get('post'));
  const post = postId === null ? null : await postByIdOf(postId);
  if (post && post.threadId !== thread.id) return refused('Diesen Beitrag gibt es in diesem Thema nicht.', 404);
  const back = (notice: string, id = post?.id) =>
    redirect(`${here}?${id ? `beitrag=${id}&` : ''}hinweis=${notice}${id ? `#${postAnchor(id)}` : ''}`);

  if (intent === 'useful') {
    const why = refuseUseful(post, member.id);
    if (why || !post) return refused(why ?? 'Diesen Beitrag gibt es nicht.', post ? 400 : 404);
    await toggleUseful(post.id, member.id);
    return back('nuetzlich');
  }

  if (intent === 'accept') {
    const why = refuseAccept(thread, post, member.id);
    if (why || !post) return refused(why ?? 'Diese Antwort gibt es in diesem Thema nicht.', post ? 403 : 404);
    const seen = Number(form.get('version'));
    if (!Number.isInteger(seen) || seen !== thread.version) return refused(changedMeanwhile, 409);
    const next = acceptedAfter(thread, post.id);
    const done = await acceptAnswer(user, thread, seen, post.id, next);
    if (!done) return refused(changedMeanwhile, 409);
    return back('loesung');
  }

  if (intent === 'edit') {
    const submission = parseWithZod(form, { schema: editSchema });
    const why = refuseEdit(post, member.id);
    if (why || !post) return refused(why ?? 'Diesen Beitrag gibt es nicht.', post ? 403 : 404);
    const answer = (result: SubmissionResult<string[]>, status: number) =>
      data<ActionResult>({ form: 'bearbeiten', post: post.id, result }, { status });
    if (submission.status !== 'success') return answer(submission.reply(), 400);
    const mentions = await checkMentions(member, submission.value.body);
    if ('problem' in mentions) return answer(submission.reply({ fieldErrors: { body: [mentions.problem] } }), 400);
    const before = new Set(findMentions(post.body, mentions.all).ids);
    // Only members newly mentioned by the edit are told.
    const done = await editOwnPost(
      user,
      member,
      thread,
      post,
      submission.value,
      mentions.mentioned.filter((m) => !before.has(m.id)),
    );
    if (!done) return answer(submission.reply({ formErrors: [changedMeanwhile] }), 409);
    return back('gespeichert');
  }

  if (intent === 'report') {
    const submission = parseWithZod(form, { schema: reportSchema });
    const why = refuseReport(post, member.id);
    if (why || !post) return refused(why ?? 'Diesen Beitrag gibt es nicht.', post ? 400 : 404);
    if (submission.status !== 'success')
      return data<ActionResult>({ form: 'melden', post: post.id, result: submission.reply() }, { status: 400 });
    const reason = submission.value.reason;
    const done = await report(user, member.id, post.id, reason);
    if (!done) return refused('Sie haben diesen Beitrag bereits gemeldet. Die Moderation prüft ihn.', 409);
    return back('gemeldet');
  }

  if (intent === 'hide' || intent === 'restore') {
    const why = refuseModeration(post, intent, moderator);
    if (!moderator) throw new Response(why ?? '', { status: 403 });
    if (!post) return refused('Diesen Beitrag gibt es nicht.', 404);
    const submission = parseWithZod(form, { schema: moderationSchema });
    const answer = (result: SubmissionResult<string[]>, status: number) =>
      data<ActionResult>({ form: 'moderieren', post: post.id, result }, { status });
    // Already in the wanted state: someone else was faster; neutral, nothing to do.
    if (why) return answer(submission.reply({ formErrors: [changedMeanwhile] }), 409);
    if (submission.status !== 'success') return answer(submission.reply(), 400);
    const { reason, version } = submission.value;
    const done = await moderate(user, thread.id, post.id, intent, { version, reason });
    if (!done) return answer(submission.reply({ formErrors: [changedMeanwhile] }), 409);
    return back(intent === 'hide' ? 'ausgeblendet' : 'wiederhergestellt');
  }

  return refused('Diese Aktion gibt es nicht.', 400);
}

type PostView = ReturnType<typeof useLoaderData<typeof loader>>['replies'][number];

function resultFor(actionData: ActionResult | undefined, form: string, post: number | null) {
  return actionData && 'form' in actionData && actionData.form === form && actionData.post === post ? actionData.result : undefined;
}

function ReplyForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: 'antwort',
    lastResult,
    constraint: getZodConstraint(replySchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replySchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate aria-labelledby="antworten">
        <input type="hidden" name="intent" value="reply" />
        <TextAreaField
          field={fields.body}
          label="Ihre Antwort"
          rows={6}
          hint="Mitglieder erwähnen Sie mit @ und ihrem Namen aus dem Verzeichnis; sie werden benachrichtigt."
        />
        <button type="submit" className="button">
          Antwort veröffentlichen
        </button>
      </PostForm>
    </>
  );
}

/** The level of a form's heading below a post: h2 under the opening post (below the page's h1), h3 under a reply. */
type FormHeading = 'h2' | 'h3';

function EditForm({
  threadId,
  post,
  lastResult,
  heading: Heading,
}: {
  threadId: number;
  post: PostView;
  lastResult?: SubmissionResult<string[]>;
  heading: FormHeading;
}) {
  const [form, fields] = useForm({
    id: 'bearbeiten',
    lastResult,
    defaultValue: { body: post.body ?? '' },
    constraint: getZodConstraint(editSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editSchema }),
  });
  return (
    <section aria-labelledby="bearbeiten-titel" id="bearbeiten-abschnitt" className="panel">
      <Heading id="bearbeiten-titel">Beitrag bearbeiten</Heading>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate action={`/netzwerk/themen/${threadId}?bearbeiten=${post.id}`}>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="post" value={post.id} />
        <input type="hidden" name="version" value={post.version} />
        <TextAreaField field={fields.body} label="Neuer Text" rows={6} hint="Der bisherige Text bleibt im Verlauf des Beitrags sichtbar." />
        <button type="submit" className="button">
          Änderung speichern
        </button>{' '}
        <Link to={`/netzwerk/themen/${threadId}#${post.anchor}`}>Abbrechen</Link>
      </PostForm>
    </section>
  );
}

function ReasonForm({
  threadId,
  post,
  kind,
  lastResult,
  heading: Heading,
}: {
  threadId: number;
  post: PostView;
  kind: 'melden' | 'moderieren';
  lastResult?: SubmissionResult<string[]>;
  heading: FormHeading;
}) {
  // Both forms have the reason field; the moderation's version travels as a plain hidden input.
  const schema = (kind === 'melden' ? reportSchema : moderationSchema) as typeof moderationSchema;
  const [form, fields] = useForm({
    id: kind,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const title = kind === 'melden' ? 'Beitrag melden' : post.hidden ? 'Beitrag wieder einblenden' : 'Beitrag ausblenden';
  return (
    <section aria-labelledby={`${kind}-titel`} id={`${kind}-abschnitt`} className="panel">
      <Heading id={`${kind}-titel`}>{title}</Heading>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate action={`/netzwerk/themen/${threadId}?${kind}=${post.id}`}>
        <input type="hidden" name="intent" value={kind === 'melden' ? 'report' : post.hidden ? 'restore' : 'hide'} />
        <input type="hidden" name="post" value={post.id} />
        {kind === 'moderieren' ? <input type="hidden" name="version" value={post.version} /> : null}
        <TextField
          field={fields.reason}
          label={kind === 'melden' ? 'Grund der Meldung' : 'Grund (steht im Protokoll)'}
          hint={kind === 'melden' ? 'Nur die Moderation liest den Grund.' : undefined}
        />
        <button type="submit" className="button button--secondary">
          {kind === 'melden' ? 'Meldung senden' : post.hidden ? 'Wieder einblenden' : 'Ausblenden'}
        </button>{' '}
        <Link to={`/netzwerk/themen/${threadId}#${post.anchor}`}>Abbrechen</Link>
      </PostForm>
    </section>
  );
}

function PostItem({ post, threadVersion, formHeading }: { post: PostView; threadVersion: number; formHeading: FormHeading }) {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const base = `/netzwerk/themen/${d.thread.id}`;
  const reasonForm = (kind: 'melden' | 'moderieren') => (
    <ReasonForm threadId={d.thread.id} post={post} kind={kind} lastResult={resultFor(actionData, kind, post.id)} heading={formHeading} />
  );
  return (
    <article id={post.anchor} className={`post${post.accepted ? ' post--accepted' : ''}`} aria-labelledby={`${post.anchor}-von`}>
      <p id={`${post.anchor}-von`} className="caption">
        {post.authorId !== null ? <Link to={`/netzwerk/mitglieder/${post.authorId}`}>{post.author}</Link> : post.author}, {post.at} Uhr
        {post.editedAt ? ` · bearbeitet am ${post.editedAt} Uhr` : ''}
        {post.accepted ? (
          <>
            {' '}
            <strong className="tag tag--green">Lösung</strong>
          </>
        ) : null}
      </p>
      {post.hidden ? (
        <p className="notice notice--warning">
          <strong>{hiddenNotice}</strong>
          {post.hiddenReason
            ? `. Grund: ${post.hiddenReason}. Den Text sehen nur ${post.own ? 'Sie und die Moderation' : 'die Moderation und wer ihn geschrieben hat'}.`
            : ''}
        </p>
      ) : null}
      {post.body !== null ? <p className="preserve-lines">{post.body}</p> : null}
      {post.history.length ? (
        <details>
          <summary>Frühere Fassungen ({post.history.length})</summary>
          <ol>
            {post.history.map((h, i) => (
              <li key={`${i}-${h.at}`}>
                <p className="caption">Geschrieben am {h.at} Uhr</p>
                <p className="preserve-lines">{h.body}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <div className="post__actions">
        {post.useful ? (
          <span className="caption">{post.useful === 1 ? '1 Mitglied fand' : `${post.useful} Mitglieder fanden`} das nützlich. </span>
        ) : null}
        {post.canMark ? (
          <PostForm className="inline-form" aria-label={`Beitrag von ${post.author} als nützlich markieren`}>
            <input type="hidden" name="intent" value="useful" />
            <input type="hidden" name="post" value={post.id} />
            <button type="submit" className="button button--secondary button--small" aria-pressed={post.markedByMe}>
              {post.markedByMe ? 'Nützlich (Markierung zurücknehmen)' : 'Nützlich'}
            </button>
          </PostForm>
        ) : null}
        {post.canAccept ? (
          <PostForm className="inline-form" aria-label={`Antwort von ${post.author} als Lösung`}>
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="post" value={post.id} />
            <input type="hidden" name="version" value={threadVersion} />
            <button type="submit" className="button button--secondary button--small">
              {post.accepted ? 'Markierung als Lösung aufheben' : 'Als Lösung markieren'}
            </button>
          </PostForm>
        ) : null}
        {post.canEdit ? (
          <Link to={`${base}?bearbeiten=${post.id}#bearbeiten-abschnitt`}>
            Bearbeiten<span className="visually-hidden"> (Beitrag vom {post.at} Uhr)</span>
          </Link>
        ) : null}{' '}
        {post.canReport ? (
          <Link to={`${base}?melden=${post.id}#melden-abschnitt`}>
            Melden<span className="visually-hidden"> (Beitrag von {post.author})</span>
          </Link>
        ) : null}{' '}
        {d.moderator ? (
          <Link to={`${base}?moderieren=${post.id}#moderieren-abschnitt`}>
            {post.hidden ? 'Wieder einblenden' : 'Ausblenden'}
            <span className="visually-hidden"> (Beitrag von {post.author})</span>
          </Link>
        ) : null}
      </div>
      {d.editing === post.id && post.canEdit ? (
        <EditForm threadId={d.thread.id} post={post} lastResult={resultFor(actionData, 'bearbeiten', post.id)} heading={formHeading} />
      ) : null}
      {d.reporting === post.id && post.canReport ? reasonForm('melden') : null}
      {d.moderating === post.id ? reasonForm('moderieren') : null}
    </article>
  );
}

export default function ThreadPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const base = `/netzwerk/themen/${d.thread.id}`;
  const pager =
    d.pages > 1 ? (
      <nav aria-label="Seiten der Antworten">
        <p>
          Antworten, Seite {d.page} von {d.pages}
          {d.page > 1 ? (
            <>
              {' · '}
              <Link to={`${base}?seite=${d.page - 1}#antworten-liste`}>Vorherige Seite</Link>
            </>
          ) : null}
          {d.page < d.pages ? (
            <>
              {' · '}
              <Link to={`${base}?seite=${d.page + 1}#antworten-liste`}>Nächste Seite</Link>
            </>
          ) : null}
        </p>
      </nav>
    ) : null;
  return (
    <>
      <p className="caption">
        <Link to="/netzwerk">EBBS-Netzwerk</Link> · <Link to="/netzwerk/themen">Themen</Link>
        {d.moderator ? (
          <>
            {' · '}
            <Link to="/netzwerk/moderation">Moderation</Link>
          </>
        ) : null}
      </p>
      <h1>{d.thread.title}</h1>
      <p className="caption">
        {d.thread.category} · {d.thread.question ? 'Frage' : 'Thema'} von {d.thread.author}
        {d.thread.answered ? (
          <>
            {' '}
            <strong className="tag tag--green">beantwortet</strong>
          </>
        ) : null}
      </p>
      {d.context ? (
        <aside className="notice" aria-label="Kontext der Frage">
          <p>
            <strong>Kontext:</strong> {d.context.join(', ')}
          </p>
        </aside>
      ) : null}
      {d.notice ? (
        <div className="notice notice--success" role="status">
          <p>{d.notice}</p>
        </div>
      ) : null}
      {actionData && 'notice' in actionData ? (
        <div className="notice notice--warning" role="alert">
          <p>{actionData.notice}</p>
        </div>
      ) : null}
      {d.opening ? <PostItem post={d.opening} threadVersion={d.thread.version} formHeading="h2" /> : null}
      <PostForm id="folgen" aria-label="Thema folgen">
        <input type="hidden" name="intent" value={d.subscribed ? 'unsubscribe' : 'subscribe'} />
        <p>
          {d.subscribed ? 'Sie folgen diesem Thema und erhalten neue Antworten einmal am Tag per E-Mail. ' : null}
          <button type="submit" className="button button--secondary button--small">
            {d.subscribed ? 'Nicht mehr folgen' : 'Thema folgen (tägliche E-Mail bei neuen Antworten)'}
          </button>
        </p>
      </PostForm>
      <h2 id="antworten-liste">{d.thread.replies === 1 ? '1 Antwort' : `${d.thread.replies} Antworten`}</h2>
      {pager}
      {d.replies.length ? (
        d.replies.map((p) => <PostItem key={p.id} post={p} threadVersion={d.thread.version} formHeading="h3" />)
      ) : (
        <p>Noch keine Antworten.</p>
      )}
      {pager}
      <h2 id="antworten">Antworten</h2>
      <ReplyForm lastResult={resultFor(actionData, 'antwort', null)} />
    </>
  );
}
