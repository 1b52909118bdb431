import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { z } from 'zod';
import { confirmDays, subscribeSchema } from '../../machines/newsletter/newsletter';
import { formatDate } from '../../machines/shared/format';
import { CheckboxField, ErrorSummary, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { PrivacyNoticeLink } from '../components/privacy-notice-link';
import { requestSubscription, sentIssues } from '../newsletter/newsletter.server';
import { getUser } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Newsletter – Förderlotse Bürgerbeteiligung' }];

/** The newsletter (issue 18 Nr. 10): subscription without an account, and the archive of sent issues. */
export async function loader({ request }: LoaderFunctionArgs) {
  const issues = await sentIssues();
  const user = await getUser(request);
  const url = new URL(request.url);
  return {
    issues: issues.map((i) => ({ id: i.id, subject: i.subject, sentOn: formatDate(i.sent_at!) })),
    requested: url.searchParams.get('angefragt') === '1',
    ended: url.searchParams.get('abgemeldet') === '1',
    prefill: user ? { email: user.email } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseProtectedForm(request, subscribeSchema);
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  await requestSubscription(submission.value.email);
  // The same answer for a new, a pending and a confirmed address: the form does not reveal who subscribes.
  return redirect('/newsletter?angefragt=1#anmelden');
}

export default function NewsletterPage() {
  const { issues, requested, ended, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'newsletter',
    lastResult: actionData?.result,
    defaultValue: (prefill ?? undefined) as Partial<z.input<typeof subscribeSchema>> | undefined,
    constraint: getZodConstraint(subscribeSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: subscribeSchema }),
  });
  return (
    <>
      <h1>Newsletter</h1>
      <p>
        Neue Veranstaltungen, Methoden und gute Beispiele der Bürgerbeteiligung in Sachsen: etwa viermal im Jahr und wenn es Wichtiges gibt.
        Sie brauchen kein Konto, und Sie können den Newsletter mit dem Link in jeder Ausgabe abbestellen.
      </p>
      {ended ? (
        <div className="notice notice--success" role="status">
          <p>Sie sind vom Newsletter abgemeldet. Ihre E-Mail-Adresse ist gelöscht.</p>
        </div>
      ) : null}
      <h2 id="anmelden">Anmelden</h2>
      {requested ? (
        <div className="notice notice--success" role="status">
          <p>
            Danke. Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihre Anmeldung innerhalb von {confirmDays} Tagen über den
            Link darin; erst dann erhalten Sie den Newsletter.
          </p>
        </div>
      ) : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate aria-labelledby="anmelden">
        <TextField field={fields.email} label="E-Mail-Adresse" type="email" autoComplete="email" spellCheck={false} />
        <CheckboxField
          field={fields.privacyConsent}
          label="Ich habe die Datenschutzhinweise zum Newsletter gelesen."
          hint={<PrivacyNoticeLink section="newsletter" />}
        />
        <button type="submit" className="button">
          Newsletter bestellen
        </button>
      </PostForm>
      <h2>Archiv</h2>
      {issues.length ? (
        <ul>
          {issues.map((i) => (
            <li key={i.id}>
              <Link to={`/newsletter/${i.id}`}>{i.subject}</Link> ({i.sentOn})
            </li>
          ))}
        </ul>
      ) : (
        <p>Noch keine Ausgaben.</p>
      )}
    </>
  );
}
