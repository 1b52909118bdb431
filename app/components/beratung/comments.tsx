import { createContext, useContext, type ReactNode } from 'react';
import type { CommentFormError, ThreadView } from '../../beratung/comments.server';
import { PostForm } from '../forms';

type Markers = Record<string, Array<{ id: number; resolved: boolean }>>;

/** Threads by field name ("title", "lines[id=abc]"), so fields can show a marker beside them. */
export const CommentMarkersContext = createContext<Markers>({});

export function markersOf(threads: ReadonlyArray<Pick<ThreadView, 'id' | 'field' | 'resolved'>>): Markers {
  const markers: Markers = {};
  for (const t of threads) {
    if (!t.field) continue;
    (markers[t.field] ??= []).push({ id: t.id, resolved: t.resolved });
  }
  return markers;
}

export function CommentMarkersProvider({
  threads,
  children,
}: {
  threads: ReadonlyArray<Pick<ThreadView, 'id' | 'field' | 'resolved'>>;
  children: ReactNode;
}) {
  return <CommentMarkersContext.Provider value={markersOf(threads)}>{children}</CommentMarkersContext.Provider>;
}

/** "2 offene Kommentare" beside a field or row that has comments; links to the first thread. */
export function CommentMarker({ name }: { name: string }) {
  const markers = useContext(CommentMarkersContext)[name];
  if (!markers?.length) return null;
  const open = markers.filter((m) => !m.resolved);
  const first = open[0] ?? markers[0]!;
  const text = open.length === 0 ? 'Kommentar erledigt' : open.length === 1 ? '1 offener Kommentar' : `${open.length} offene Kommentare`;
  return (
    <a href={`#kommentar-${first.id}`} className={`comment-marker${open.length ? '' : ' comment-marker--done'}`}>
      {text}
    </a>
  );
}

/** Where a field or list row sits on the step page: Conform's field id, or the row card. */
export function domTarget(formId: string, field: string): string {
  const row = /^\w+\[id=([^\]]+)\]$/.exec(field);
  return row ? `zeile-${row[1]}` : `${formId}-${field}`;
}

type FormError = CommentFormError['commentError'] | null | undefined;

function BodyField({
  id,
  label,
  error,
  formKey,
  defaultValue,
}: {
  id: string;
  label: string;
  error: FormError;
  formKey: string;
  defaultValue?: string;
}) {
  const mine = error?.form === formKey ? error : null;
  return (
    <div className={`field${mine ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {mine ? (
        <p className="field__error" id={`${id}-fehler`} role="alert">
          <span className="visually-hidden">Fehler: </span>
          {mine.message}
        </p>
      ) : null}
      <textarea
        id={id}
        name="body"
        rows={3}
        className="textarea"
        defaultValue={mine ? mine.body : defaultValue}
        aria-invalid={mine ? true : undefined}
        aria-describedby={mine ? `${id}-fehler` : undefined}
        maxLength={5000}
      />
    </div>
  );
}

function Comment({ c }: { c: Pick<ThreadView, 'author' | 'byAdvice' | 'at' | 'body'> }) {
  return (
    <>
      <p className="comment__meta">
        <strong>{c.author}</strong>
        {c.byAdvice ? ' (Beratung EBBS)' : ''} · {c.at}
      </p>
      <p className="comment__body preserve-lines">{c.body}</p>
    </>
  );
}

export interface ThreadsProps {
  threads: ThreadView[];
  /** The step form's id, so a thread can link to its field ("antrag-vorhaben-v7"); null on read-only pages. */
  formId: string | null;
  /** Links to a thread's place on another page (advisor view: the read view's section). */
  placeHref?: (t: ThreadView) => string | null;
  mayReply: boolean;
  error: FormError;
  headingLevel: 2 | 3 | 4;
}

/** The threads of a step (or the whole draft), with replies, resolve and reopen. */
export function CommentThreads({ threads, formId, placeHref, mayReply, error, headingLevel }: ThreadsProps) {
  const H = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5';
  const ordered = [...threads].sort((a, b) => Number(a.resolved) - Number(b.resolved) || a.id - b.id);
  return (
    <ol className="threads">
      {ordered.map((t) => {
        const href = placeHref ? placeHref(t) : formId && t.field && !t.anchorGone ? `#${domTarget(formId, t.field)}` : null;
        return (
          <li key={t.id} className={`thread${t.resolved ? ' thread--resolved' : ''}${t.internal ? ' thread--internal' : ''}`}>
            <article id={`kommentar-${t.id}`} aria-labelledby={`kommentar-${t.id}-titel`} tabIndex={-1}>
              <H id={`kommentar-${t.id}-titel`} className="thread__title">
                {href ? <a href={href}>{t.anchorLabel}</a> : t.anchorLabel}
              </H>
              <p className="thread__tags">
                {t.internal ? <span className="tag tag--purple">Interne Notiz – nur für die Beratung sichtbar</span> : null}
                {t.resolved ? (
                  <span className="tag tag--green">Erledigt{t.resolvedAt ? ` am ${t.resolvedAt}` : ''}</span>
                ) : (
                  <span className="tag tag--blue">Offen</span>
                )}
                {t.changedSince ? <span className="tag tag--yellow">Seit dem Kommentar geändert</span> : null}
                {t.anchorGone ? <span className="tag tag--grey">Stelle entfernt</span> : null}
              </p>
              <Comment c={t} />
              {t.replies.length ? (
                <ol className="thread__replies" aria-label="Antworten">
                  {t.replies.map((r) => (
                    <li key={r.id} id={`kommentar-${r.id}`} tabIndex={-1} className="comment">
                      <Comment c={r} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {mayReply ? (
                <div className="thread__actions">
                  {/* Keyed by the replies: after a sent answer the form starts empty and closed. */}
                  <details key={t.replies.length} className="details" open={error?.form === `antwort-${t.id}` || undefined}>
                    <summary>
                      Antworten<span className="visually-hidden"> auf den Kommentar zu {t.anchorLabel}</span>
                    </summary>
                    <PostForm>
                      <input type="hidden" name="intent" value="kommentar.antwort" />
                      <input type="hidden" name="comment" value={t.id} />
                      <input type="hidden" name="formKey" value={`antwort-${t.id}`} />
                      <BodyField id={`antwort-${t.id}`} label="Ihre Antwort" error={error} formKey={`antwort-${t.id}`} />
                      <button type="submit" className="button button--small">
                        Antwort senden
                      </button>
                    </PostForm>
                  </details>
                  {t.mayResolve ? (
                    <PostForm>
                      <input type="hidden" name="intent" value={t.resolved ? 'kommentar.wieder' : 'kommentar.erledigt'} />
                      <input type="hidden" name="comment" value={t.id} />
                      <input type="hidden" name="formKey" value={`status-${t.id}`} />
                      <button type="submit" className="button button--secondary button--small">
                        {t.resolved ? 'Wieder öffnen' : 'Als erledigt markieren'}
                        <span className="visually-hidden"> – Kommentar zu {t.anchorLabel}</span>
                      </button>
                    </PostForm>
                  ) : null}
                  {error?.form === `status-${t.id}` ? (
                    <p className="field__error" role="alert">
                      {error.message}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** A new comment on a step: the place (field, row or the whole step), the text, and for advisors "intern". */
export function NewCommentForm({
  step,
  anchors,
  error,
  advisor,
  idPrefix = 'neu',
}: {
  step: string;
  anchors: Array<{ value: string; label: string }>;
  error: FormError;
  advisor: boolean;
  idPrefix?: string;
}) {
  const formKey = `neu-${step}`;
  const mine = error?.form === formKey ? error : null;
  const id = `${idPrefix}-${step}`;
  return (
    <PostForm className="comment-form">
      <input type="hidden" name="intent" value="kommentar.neu" />
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="formKey" value={formKey} />
      <div className="field">
        <label htmlFor={`${id}-stelle`} className="field__label">
          Stelle im Antrag
        </label>
        <select id={`${id}-stelle`} name="field" className="select" defaultValue={mine?.field ?? ''}>
          {anchors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <BodyField id={`${id}-text`} label="Kommentar" error={error} formKey={formKey} />
      {advisor ? (
        <div className="field">
          <div className="choice">
            <input
              type="checkbox"
              className="choice__input"
              id={`${id}-intern`}
              name="internal"
              defaultChecked={mine?.internal ?? false}
              aria-describedby={`${id}-intern-hinweis`}
            />
            <label htmlFor={`${id}-intern`} className="choice__label">
              Interne Notiz
            </label>
            <div className="choice__hint" id={`${id}-intern-hinweis`}>
              Nur für die Beratung sichtbar; die antragstellende Organisation sieht sie nie.
            </div>
          </div>
        </div>
      ) : null}
      <button type="submit" className="button button--small">
        Kommentar speichern
      </button>
    </PostForm>
  );
}
