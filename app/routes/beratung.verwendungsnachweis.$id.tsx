import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  COMMENT_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  NOTE_MIN_LENGTH,
  commentsFromForm,
  noteIsValid,
  type ProofReviewActor,
} from '../../machines/umsetzung/sachbericht-beratung';
import { reportQuestions } from '../../machines/umsetzung/verwendungsnachweis';
import { MessageSummary } from '../components/fields';
import { PostForm } from '../components/forms';
import { ProofExpenditureTable } from '../components/umsetzung/proof-expenditure-table';
import { PlainText, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { advisorProofPage, requireProofForAdvisor, sendProofReviewEvent } from '../beratung/sachbericht.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Sachbericht ${d?.title ?? ''} – Beratung – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'rm';

/**
 * The advisor's view of a Sachbericht the grantee asked them to read (issue 19 Nr. 5): the report
 * as saved, the figures for context, and one remark per question plus an overall note. Read-only
 * for the report itself; the grantee keeps the pen.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advisor']);
  return advisorProofPage(user, params.id, new URL(request.url).searchParams.get('hinweis'));
}

type ActionResult = { message?: string; errors?: Record<string, string>; values: Record<string, string> };

/** The advisor's fields, checked here so each message sits at its field (the machine's guard checks the same again). */
function feedbackErrors(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const note = values.note ?? '';
  if (!noteIsValid(note))
    errors.note = `Bitte schreiben Sie eine Rückmeldung von mindestens ${NOTE_MIN_LENGTH} und höchstens ${NOTE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen (jetzt ${note.trim().length.toLocaleString('de-DE')}).`;
  for (const q of reportQuestions) {
    const text = (values[`comment.${q.id}`] ?? '').trim();
    if (text.length > COMMENT_MAX_LENGTH)
      errors[`comment.${q.id}`] =
        `Hinweis zu „${q.label}“: höchstens ${COMMENT_MAX_LENGTH.toLocaleString('de-DE')} Zeichen (jetzt ${text.length.toLocaleString('de-DE')}).`;
  }
  return errors;
}

/** Where an advisor lands who tried to take a Sachbericht that is no longer waiting: said alike for every id, so it reveals nothing. */
const notAvailable = '/beratung?hinweis=sachbericht-nicht-verfuegbar';

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['advisor']);
  const form = await readProtectedForm(request);
  const get = (name: string) => String(form.get(name) ?? '');
  const intent = get('intent');
  let impl: Awaited<ReturnType<typeof requireProofForAdvisor>>;
  try {
    impl = await requireProofForAdvisor(user, params.id);
  } catch (error) {
    // Taken by a colleague a moment ago (or withdrawn): back to the queue with a message, not a bare 404.
    if (intent === 'uebernehmen' && error instanceof Response && error.status === 404) return redirect(notAvailable);
    throw error;
  }
  const values = Object.fromEntries(reportQuestions.map((q) => [`comment.${q.id}`, get(`comment.${q.id}`)]));
  values.note = get('note');
  const actor: ProofReviewActor = { role: 'advisor', userId: user.id, member: false };
  const at = new Date().toISOString();
  const event =
    intent === 'uebernehmen'
      ? { type: 'uebernehmen' as const, actor, at }
      : intent === 'rueckmelden'
        ? { type: 'rueckmelden' as const, actor, at, note: values.note, comments: commentsFromForm(get) }
        : null;
  if (!event) return data<ActionResult>({ message: 'Diese Aktion gibt es nicht. Bitte laden Sie die Seite neu.', values }, { status: 400 });
  if (event.type === 'rueckmelden') {
    const errors = feedbackErrors(values);
    if (Object.keys(errors).length) return data<ActionResult>({ errors, values }, { status: 400 });
  }
  const title = impl.application.data.project.title?.trim() || 'Antrag ohne Titel';
  const outcome = await sendProofReviewEvent(user, impl, event, Number(form.get('reviewVersion')), title);
  if (!outcome.ok && event.type === 'uebernehmen') return redirect(notAvailable);
  if (!outcome.ok) return data<ActionResult>({ message: outcome.message, values }, { status: 409 });
  return redirect(`/beratung/verwendungsnachweis/${impl.application.row.id}?hinweis=${event.type}`);
}

const notices: Record<string, string> = {
  uebernehmen: 'Sie haben den Sachbericht übernommen. Die Organisation wurde benachrichtigt.',
  rueckmelden: 'Ihre Rückmeldung ist gesendet. Die Organisation wurde benachrichtigt.',
};

export default function AdvisorProofView() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values;
  const errors = result?.errors;
  const order = ['note', ...d.answers.map((a) => `comment.${a.id}`)];
  return (
    <>
      <p className="caption">
        <Link to="/beratung">Beratung</Link> · {d.organisation}
        {d.landkreis ? ` (${d.landkreis})` : ''} · Aktenzeichen {d.fileNumber}
      </p>
      <h1>Sachbericht: {d.title}</h1>
      {d.notice && d.notice in notices && !result ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      <p>
        Stand: <strong>{d.review.statusLabel}</strong>
        {d.review.requestedOn ? ` · angefragt am ${d.review.requestedOn}` : ''}
      </p>
      {d.review.message ? (
        <div className="notice">
          <h2>Worauf Sie achten sollen</h2>
          <p>{d.review.message}</p>
        </div>
      ) : null}
      {result?.message ? (
        <p className="notice notice--error" role="alert">
          {result.message}
        </p>
      ) : null}
      {d.review.status === 'angefragt' ? (
        <PostForm>
          <input type="hidden" name="reviewVersion" value={d.review.version} />
          <p>Übernehmen Sie die Durchsicht, sehen andere Beraterinnen und Berater den Sachbericht nicht mehr.</p>
          <button type="submit" name="intent" value="uebernehmen" className="button">
            Durchsicht übernehmen
          </button>
        </PostForm>
      ) : null}

      <h2>Sachbericht ({d.part === 'A' ? 'ANBest-K' : 'ANBest-P'} Nr. 6.3)</h2>
      <p className="hint">So, wie die Organisation ihn zuletzt gespeichert hat. Ändern kann ihn nur die Organisation.</p>
      <dl className="answers">
        {d.answers.map((a) => (
          <div key={a.id}>
            <dt>
              {a.label} <span className="hint">({a.clauses})</span>
            </dt>
            <dd>
              {a.text ? a.text.split(/\n{2,}/).map((para) => <p key={para}>{para}</p>) : <p className="hint">Noch nicht beantwortet.</p>}
            </dd>
          </div>
        ))}
        <div>
          <dt>Zahl der beteiligten Personen</dt>
          <dd>
            {d.participants === null || d.participants === undefined ? 'Noch nicht angegeben.' : d.participants.toLocaleString('de-DE')}
          </dd>
        </div>
      </dl>

      <h2>Zahlen im Überblick</h2>
      <ProofExpenditureTable lines={d.rows.expenditure} total={d.rows.expenditureTotal} />
      <ul>
        {d.assessment.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>

      {d.review.status === 'in_beratung' ? (
        <PostForm id={FORM} noValidate>
          <input type="hidden" name="reviewVersion" value={d.review.version} />
          <h2>Ihre Rückmeldung</h2>
          <MessageSummary id={`${FORM}-summary`} errors={summaryOf(FORM, errors, order)} />
          <PlainText
            form={FORM}
            name="note"
            label="Rückmeldung an die Organisation"
            hint={`Was gelingt, was fehlt noch; mindestens ${NOTE_MIN_LENGTH}, höchstens ${NOTE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen. Die Organisation sieht den Text.`}
            value={values?.note}
            error={errors?.note}
            multiline
          />
          {d.answers.map((a) => (
            <PlainText
              key={a.id}
              form={FORM}
              name={`comment.${a.id}`}
              label={`Hinweis zu „${a.label}“`}
              hint={`Erscheint bei dieser Frage; höchstens ${COMMENT_MAX_LENGTH.toLocaleString('de-DE')} Zeichen.`}
              value={values?.[`comment.${a.id}`]}
              error={errors?.[`comment.${a.id}`]}
              optional
              multiline
            />
          ))}
          <div className="button-row">
            <button type="submit" name="intent" value="rueckmelden" className="button">
              Rückmeldung senden
            </button>
          </div>
        </PostForm>
      ) : null}
      {d.review.status === 'rueckmeldung' && d.review.feedback ? (
        <>
          <h2>Ihre Rückmeldung vom {d.review.feedback.on}</h2>
          {d.review.feedback.note.split(/\n{2,}/).map((para) => (
            <p key={para}>{para}</p>
          ))}
          {Object.entries(d.review.feedback.comments).length ? (
            <ul>
              {d.answers
                .filter((a) => d.review.feedback?.comments[a.id])
                .map((a) => (
                  <li key={a.id}>
                    <strong>{a.label}:</strong> {d.review.feedback?.comments[a.id]}
                  </li>
                ))}
            </ul>
          ) : null}
          <p className="hint">
            Überarbeitet die Organisation den Sachbericht und bittet erneut um Durchsicht, erscheint er wieder in Ihrer Liste.
          </p>
        </>
      ) : null}
    </>
  );
}
