import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { issueSchema, newsletterEditors as editors } from '../../machines/newsletter/newsletter';
import { formatDate } from '../../machines/shared/format';
import { ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { createDraftIssue, issuesForEditors } from '../newsletter/newsletter.server';
import { requireRole } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';

export const meta: MetaFunction = () => [{ title: 'Newsletter verwalten – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, editors);
  const { issues, subscribers } = await issuesForEditors();
  return {
    subscribers,
    issues: issues.map((i) => ({
      id: i.id,
      subject: i.subject,
      state: i.sent_at ? `Versendet am ${formatDate(i.sent_at)} an ${i.recipients.toLocaleString('de-DE')}` : 'Entwurf',
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, editors);
  const { submission } = await parseProtectedForm(request, issueSchema);
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const id = await createDraftIssue(user, submission.value);
  return redirect(`/newsletter/verwalten/${id}?angelegt=1`);
}

export default function ManageNewsletter() {
  const { issues, subscribers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'ausgabe',
    lastResult: actionData?.result,
    constraint: getZodConstraint(issueSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: issueSchema }),
  });
  return (
    <>
      <h1>Newsletter verwalten</h1>
      <p>
        {subscribers.confirmed.toLocaleString('de-DE')} bestätigte Abonnentinnen und Abonnenten
        {subscribers.pending ? `, ${subscribers.pending.toLocaleString('de-DE')} Bestellungen noch nicht bestätigt` : ''}.{' '}
        <Link to="/newsletter">Öffentliche Seite mit Archiv</Link>
      </p>
      <h2>Ausgaben</h2>
      {issues.length ? (
        <ScrollTable caption="Ausgaben des Newsletters, neueste zuerst" captionHidden label="Ausgaben">
          <thead>
            <tr>
              <th scope="col">Betreff</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/newsletter/verwalten/${i.id}`}>{i.subject}</Link>
                </td>
                <td>{i.state}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Noch keine Ausgaben.</p>
      )}
      <h2 id="neue-ausgabe">Neue Ausgabe schreiben</h2>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate aria-labelledby="neue-ausgabe">
        <TextField field={fields.subject} label="Betreff" />
        <TextAreaField
          field={fields.body}
          label="Text"
          hint="Einfacher Text; Absätze durch Leerzeilen. Der Link zum Abbestellen wird an jede E-Mail angefügt."
          rows={14}
        />
        <button type="submit" className="button">
          Als Entwurf speichern
        </button>
      </PostForm>
    </>
  );
}
