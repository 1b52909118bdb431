import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  pageCount,
  THREADS_PAGE,
  threadFilter,
  threadSchema,
  topicCategoryLabel,
  topicCategoryOptions,
} from '../../machines/netzwerk/topics';
import { formatDateTime, formatNumber } from '../../machines/shared/format';
import { MAX_QUERY_LENGTH, parseQuery } from '../../machines/shared/search';
import { ErrorSummary } from '../components/fields';
import { NewThreadFields } from '../components/netzwerk/thread-fields';
import { PostForm } from '../components/forms';
import { requireMember } from '../netzwerk/netzwerk.server';
import { threadListPage } from '../netzwerk/thread.server';
import { checkPost, postAnchor, startThread, threadPath } from '../netzwerk/topics.server';
import { requireUser } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';

export const meta: MetaFunction = () => [{ title: 'Themen – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

/**
 * The network's topics, members only (issue 20 Nr. 3): the latest activity first, by category; with a
 * search, the ranked full-text search over titles and visible posts (ADR 0076).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request);
  const filter = threadFilter(new URL(request.url).searchParams);
  const parsed = parseQuery(filter.q);
  const { page, found } =
    parsed.kind === 'none' || parsed.kind === 'words'
      ? await threadListPage(filter, parsed.kind === 'words')
      : { page: filter.page, found: { total: 0, capped: false, threads: [] } };
  return {
    category: filter.category,
    q: filter.q,
    searchProblem: parsed.kind === 'tooLong' || parsed.kind === 'noWords' ? parsed.message : null,
    page,
    pages: pageCount(found.total, THREADS_PAGE),
    total: found.total,
    capped: found.capped,
    threads: found.threads.map((t) => ({
      id: t.id,
      title: t.title,
      category: topicCategoryLabel[t.category],
      question: t.question,
      answered: t.answered,
      replies: t.replies,
      author: t.authorName,
      lastActivity: formatDateTime(t.lastActivityAt),
      link:
        t.excerpt && !t.excerpt.opening
          ? `${threadPath(t.id)}?beitrag=${t.excerpt.postId}#${postAnchor(t.excerpt.postId)}`
          : threadPath(t.id),
      excerpt: t.excerpt ? { fromReply: !t.excerpt.opening, text: t.excerpt.text } : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  // The CSRF check comes before the membership check, so a forged form never learns who is a member.
  await requireUser(request);
  const { submission } = await parseProtectedForm(request, threadSchema);
  const { user, member } = await requireMember(request);
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const checked = await checkPost(member, submission.value.body);
  if ('refusal' in checked) {
    const { refusal } = checked;
    return data(
      { result: submission.reply(refusal.field ? { fieldErrors: { body: [refusal.message] } } : { formErrors: [refusal.message] }) },
      { status: refusal.status },
    );
  }
  const { threadId } = await startThread(member, submission.value, checked.mentioned, user.id);
  return redirect(`${threadPath(threadId)}?neu=1`);
}

function pageLink(category: string | null, q: string, page: number) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (category) params.set('kategorie', category);
  if (page > 1) params.set('seite', String(page));
  const query = params.toString();
  return `/netzwerk/themen${query ? `?${query}` : ''}`;
}

export default function Topics() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'thema',
    lastResult: actionData?.result,
    constraint: getZodConstraint(threadSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: threadSchema }),
  });
  return (
    <>
      <p className="caption">
        <Link to="/netzwerk">EBBS-Netzwerk</Link> · <Link to="/netzwerk/mitglieder">Mitglieder finden</Link> ·{' '}
        <Link to="/netzwerk/nachrichten">Nachrichten</Link>
      </p>
      <h1>Themen</h1>
      <p>Fragen Sie das Netzwerk oder teilen Sie Erfahrungen. Beiträge lesen nur Mitglieder des EBBS-Netzwerks.</p>
      <p>
        <a href="#neues-thema">Neues Thema beginnen</a>
      </p>
      <Form method="get" role="search" aria-label="Themen durchsuchen">
        <div className="field">
          <label htmlFor="q" className="field__label">
            Suchbegriff
          </label>
          {d.searchProblem ? (
            <p id="q-fehler" className="field__error">
              <span className="visually-hidden">Fehler: </span>
              {d.searchProblem}
            </p>
          ) : null}
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={d.q}
            maxLength={MAX_QUERY_LENGTH}
            aria-invalid={d.searchProblem ? true : undefined}
            aria-describedby={d.searchProblem ? 'q-fehler' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="kategorie" className="field__label">
            Kategorie
          </label>
          <select id="kategorie" name="kategorie" className="select" defaultValue={d.category ?? ''}>
            <option value="">Alle Kategorien</option>
            {topicCategoryOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Suchen
        </button>
      </Form>
      <h2>{d.total === 1 ? '1 Thema' : `${formatNumber(d.total)} Themen`}</h2>
      {d.q && d.total > 0 ? (
        <p className="caption">
          {d.capped
            ? `Sehr viele Themen passen; gezeigt werden die ${formatNumber(d.total)} passendsten, die besten zuerst.`
            : 'Die passendsten zuerst: Treffer in der Überschrift vor Treffern im Text.'}
        </p>
      ) : null}
      {d.threads.length ? (
        <ul className="topic-list">
          {d.threads.map((t) => (
            <li key={t.id}>
              <Link to={t.link}>{t.title}</Link>
              {t.answered ? (
                <>
                  {' '}
                  <strong className="tag">beantwortet</strong>
                </>
              ) : t.question ? (
                <span className="caption"> · Frage</span>
              ) : null}
              <div className="caption">
                {t.category} · von {t.author} · {t.replies === 1 ? '1 Antwort' : `${t.replies} Antworten`} · zuletzt am {t.lastActivity} Uhr
              </div>
              {t.excerpt ? (
                <p>
                  {t.excerpt.fromReply ? 'Aus einer Antwort: ' : 'Aus dem Beitrag: '}
                  {t.excerpt.text}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {d.searchProblem
            ? 'Bitte ändern Sie den Suchbegriff.'
            : d.q || d.category
              ? 'Keine Themen gefunden. Bitte lockern Sie die Suche, oder beginnen Sie ein neues Thema.'
              : 'Noch keine Themen. Beginnen Sie das erste.'}
        </p>
      )}
      {d.pages > 1 ? (
        <nav aria-label="Seiten der Themenliste">
          <p>
            Seite {d.page} von {d.pages}
            {d.page > 1 ? (
              <>
                {' · '}
                <Link to={pageLink(d.category, d.q, d.page - 1)}>Vorherige Seite</Link>
              </>
            ) : null}
            {d.page < d.pages ? (
              <>
                {' · '}
                <Link to={pageLink(d.category, d.q, d.page + 1)}>Nächste Seite</Link>
              </>
            ) : null}
          </p>
        </nav>
      ) : null}
      <h2 id="neues-thema">Neues Thema</h2>
      <ErrorSummary form={form} order={['category', 'title', 'question', 'body']} />
      <PostForm {...getFormProps(form)} noValidate aria-labelledby="neues-thema">
        <NewThreadFields
          fields={fields}
          titleLabel="Überschrift des Themas"
          bodyHint="Mitglieder erwähnen Sie mit @ und ihrem Namen aus dem Verzeichnis, zum Beispiel @Gemeinde Wiesenbach; sie werden benachrichtigt."
        />
        <button type="submit" className="button">
          Thema veröffentlichen
        </button>
      </PostForm>
    </>
  );
}
