import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { REASON_MIN_LENGTH, submissionStatusLabel, type SubmissionStatus } from '../../machines/methoden/example-submission';
import { decideSubmission, requireSubmission } from '../methoden/beispiel-vorschlag.server';
import { MessageSummary } from '../components/fields';
import { PostForm } from '../components/forms';
import { PlainText, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.example.title ?? 'Vorschlag'} – Redaktion – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'red';

/** One offered example as it would appear, with "Veröffentlichen" and "Ablehnen" (reason required). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['advisor', 'ministry']);
  const { row, example, card } = await requireSubmission(params.id);
  const status = row.status as SubmissionStatus;
  return {
    id: row.id,
    version: row.version,
    status,
    statusLabel: submissionStatusLabel[status] ?? row.status,
    reason: row.reason,
    example: { ...card, whatWorked: example.whatWorked, doDifferently: example.doDifferently, contact: example.contact },
  };
}

type ActionResult = { errors?: Record<string, string>; message?: string; reason: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['advisor', 'ministry']);
  const { row, example } = await requireSubmission(params.id);
  const form = await readProtectedForm(request);
  const intent = String(form.get('intent') ?? '');
  // What was typed comes back as it was typed; the decision stores it without surrounding spaces.
  const typed = String(form.get('reason') ?? '');
  const reason = typed.trim();
  if (intent !== 'veroeffentlichen' && intent !== 'ablehnen')
    return data<ActionResult>({ message: 'Diese Aktion gibt es nicht. Bitte laden Sie die Seite neu.', reason: typed }, { status: 400 });
  if (intent === 'ablehnen' && (reason.length < REASON_MIN_LENGTH || reason.length > 2000))
    return data<ActionResult>(
      {
        errors: {
          reason: `Bitte begründen Sie die Ablehnung in ${REASON_MIN_LENGTH} bis 2.000 Zeichen; die Organisation liest die Begründung.`,
        },
        reason: typed,
      },
      { status: 400 },
    );
  if (row.status === 'zurueckgezogen')
    return data<ActionResult>(
      { message: 'Die Organisation hat den Vorschlag zurückgezogen; er kann nicht mehr freigegeben werden.', reason: typed },
      { status: 409 },
    );
  const decision = intent === 'veroeffentlichen' ? 'veroeffentlicht' : 'abgelehnt';
  const outcome = await decideSubmission(
    user,
    row,
    example,
    decision,
    decision === 'abgelehnt' ? reason : null,
    Number(form.get('version')),
  );
  if (!outcome.ok) return data<ActionResult>({ message: outcome.message, reason: typed }, { status: 409 });
  return redirect(`/beispiele/redaktion?hinweis=${decision}`);
}

export default function SubmissionReview() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const e = d.example;
  return (
    <>
      <p className="caption">
        <Link to="/beispiele/redaktion">Vorschläge für gute Beispiele</Link>
      </p>
      <h1>Vorschlag: {e.title}</h1>
      <p>
        Stand: <strong>{d.statusLabel}</strong>
        {d.reason ? ` – Begründung: ${d.reason}` : ''}
      </p>
      {result?.message ? (
        <div className="notice notice--error" role="alert">
          <p>{result.message}</p>
        </div>
      ) : null}
      <h2>So erscheint der Eintrag</h2>
      <div className="card">
        <p className="lead">{e.summary}</p>
        <dl className="summary-list">
          <div>
            <dt>Ort und Landkreis</dt>
            <dd>{e.place}</dd>
          </div>
          <div>
            <dt>Träger</dt>
            <dd>{e.organisation}</dd>
          </div>
          <div>
            <dt>Förderweg des Vorhabens</dt>
            <dd>{e.route}</dd>
          </div>
          <div>
            <dt>Jahr</dt>
            <dd>{e.year}</dd>
          </div>
          <div>
            <dt>Erreichte Menschen</dt>
            <dd>{e.people}</dd>
          </div>
          <div>
            <dt>Budget</dt>
            <dd>{e.budget}</dd>
          </div>
          <div>
            <dt>Methoden</dt>
            <dd>{e.methods.map((m) => m.name).join(', ')}</dd>
          </div>
          <div>
            <dt>Kontakt</dt>
            <dd>{e.contact ? `${e.contact.name}, ${e.contact.email} (mit Einwilligung)` : 'wird nicht veröffentlicht'}</dd>
          </div>
        </dl>
        <h3>Was gut funktioniert hat</h3>
        <ul>
          {e.whatWorked.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
        <h3>Was sie anders machen würden</h3>
        <ul>
          {e.doDifferently.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </div>
      {d.status === 'eingereicht' || d.status === 'veroeffentlicht' || d.status === 'abgelehnt' ? (
        <PostForm id={FORM} noValidate>
          <input type="hidden" name="version" value={d.version} />
          <h2>Entscheidung</h2>
          <MessageSummary id={`${FORM}-summary`} errors={summaryOf(FORM, result?.errors, ['reason'])} />
          <p className="hint">
            Prüfen Sie, ob der Text eigene Erfahrungen beschreibt, keine Personen bloßstellt und keine personenbezogenen Daten Dritter
            enthält.
          </p>
          <PlainText
            form={FORM}
            name="reason"
            label="Begründung (nur beim Ablehnen)"
            hint="Die Organisation liest sie und kann ihren Vorschlag überarbeiten."
            value={result?.reason}
            error={result?.errors?.reason}
            optional
            multiline
          />
          <div className="button-row">
            {d.status !== 'veroeffentlicht' ? (
              <button type="submit" name="intent" value="veroeffentlichen" className="button">
                Veröffentlichen
              </button>
            ) : null}
            {d.status !== 'abgelehnt' ? (
              <button type="submit" name="intent" value="ablehnen" className="button button--secondary">
                {d.status === 'veroeffentlicht' ? 'Veröffentlichung zurücknehmen' : 'Ablehnen'}
              </button>
            ) : null}
          </div>
        </PostForm>
      ) : null}
    </>
  );
}
