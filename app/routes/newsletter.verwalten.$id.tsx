import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { issueSchema, newsletterEditors as editors } from '../../machines/newsletter/newsletter';
import { formatDateTime } from '../../machines/shared/format';
import { ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { confirmedSubscribers, issueById, saveDraftIssue, sendNewsletterIssue } from '../newsletter/newsletter.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.subject ?? 'Ausgabe'} – Newsletter verwalten – Förderlotse Bürgerbeteiligung` },
];

async function requireIssue(idParam: string | undefined) {
  const issue = await issueById(idParam);
  if (!issue) throw new Response('Diese Ausgabe des Newsletters gibt es nicht.', { status: 404 });
  return issue;
}

/** One issue: edit and preview a draft, then send it once to every confirmed subscriber. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, editors);
  const issue = await requireIssue(params.id);
  const url = new URL(request.url);
  return {
    id: issue.id,
    subject: issue.subject,
    body: issue.body,
    sentAt: issue.sent_at ? formatDateTime(issue.sent_at) : null,
    recipients: issue.recipients,
    subscribers: await confirmedSubscribers(),
    notice: url.searchParams.get('angelegt') ? 'Der Entwurf ist gespeichert.' : url.searchParams.get('gespeichert') ? 'Gespeichert.' : null,
  };
}

const alreadySent = 'Diese Ausgabe ist bereits versendet und kann nicht mehr geändert oder noch einmal versendet werden.';

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, editors);
  const form = await readProtectedForm(request);
  const issue = await requireIssue(params.id);
  if (form.get('intent') === 'send') {
    if (form.get('checked') !== 'on')
      return data(
        {
          sendError: 'Bitte bestätigen Sie, dass Sie Betreff und Text geprüft haben. Eine versendete Ausgabe lässt sich nicht zurückholen.',
        },
        { status: 400 },
      );
    const outcome = await sendNewsletterIssue(user, issue);
    if (outcome.kind === 'missing') throw new Response('Diese Ausgabe des Newsletters gibt es nicht.', { status: 404 });
    if (outcome.kind === 'already') return data({ sendError: alreadySent }, { status: 409 });
    return redirect(`/newsletter/verwalten/${issue.id}`);
  }
  const submission = parseWithZod(form, { schema: issueSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  if (!(await saveDraftIssue(issue.id, submission.value)))
    return data({ result: submission.reply({ formErrors: [alreadySent] }) }, { status: 409 });
  return redirect(`/newsletter/verwalten/${issue.id}?gespeichert=1`);
}

export default function ManageIssue() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'ausgabe',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { subject: d.subject, body: d.body },
    constraint: getZodConstraint(issueSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: issueSchema }),
  });
  const sendError = actionData && 'sendError' in actionData ? actionData.sendError : null;
  return (
    <>
      <p className="caption">
        <Link to="/newsletter/verwalten">Newsletter verwalten</Link>
      </p>
      <h1>{d.subject}</h1>
      {d.notice ? (
        <div className="notice notice--success" role="status">
          <p>{d.notice}</p>
        </div>
      ) : null}
      {sendError ? (
        <div className="notice notice--error" role="alert">
          <p>{sendError}</p>
        </div>
      ) : null}
      {d.sentAt ? (
        <>
          <div className="notice notice--success">
            <p>
              Versendet am {d.sentAt} Uhr an {d.recipients.toLocaleString('de-DE')} Abonnentinnen und Abonnenten.{' '}
              <Link to={`/newsletter/${d.id}`}>Im öffentlichen Archiv ansehen</Link>
            </p>
          </div>
          <div className="prose preserve-lines">
            <p>{d.body}</p>
          </div>
        </>
      ) : (
        <>
          <h2 id="bearbeiten">Entwurf bearbeiten</h2>
          <ErrorSummary form={form} />
          <PostForm {...getFormProps(form)} noValidate aria-labelledby="bearbeiten">
            <TextField field={fields.subject} label="Betreff" />
            <TextAreaField field={fields.body} label="Text" hint="Der Link zum Abbestellen wird an jede E-Mail angefügt." rows={14} />
            <button type="submit" className="button button--secondary">
              Entwurf speichern
            </button>
          </PostForm>
          <h2 id="vorschau">Vorschau und Versand</h2>
          <p>So steht die gespeicherte Fassung in der E-Mail (Betreff: „Newsletter: {d.subject}“):</p>
          <div className="prose preserve-lines">
            <p>{d.body}</p>
          </div>
          <PostForm aria-label="Ausgabe versenden">
            <input type="hidden" name="intent" value="send" />
            <div className={`field${sendError ? ' field--error' : ''}`}>
              <div className="choice">
                <input type="checkbox" className="choice__input" id="geprueft" name="checked" aria-invalid={sendError ? true : undefined} />
                <label htmlFor="geprueft" className="choice__label">
                  Ich habe Betreff und Text geprüft. Die Ausgabe geht jetzt an {d.subscribers.toLocaleString('de-DE')} bestätigte
                  Abonnentinnen und Abonnenten.
                </label>
              </div>
            </div>
            <button type="submit" className="button">
              Jetzt versenden
            </button>
          </PostForm>
        </>
      )}
    </>
  );
}
