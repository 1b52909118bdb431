import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { accountDeletionSchema } from '../../machines/shared/account-deletion';
import { deleteOwnAccount, deletionRefusalFor } from '../konto/account-deletion.server';
import { CheckboxField, ErrorSummary, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { endUserSession, requireUser } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';
import { clientIp } from '../utils/request.server';

export const meta: MetaFunction = () => [{ title: 'Konto löschen – Förderlotse Bürgerbeteiligung' }];

/** Deleting one's own account (issue 20 Nr. 5, ADR 0074): what happens, and the confirmation. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { refusal: await deletionRefusalFor(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { submission } = await parseProtectedForm(request, accountDeletionSchema);
  const hideFields = ['password'];
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  const outcome = await deleteOwnAccount(user, submission.value.password, clientIp(request));
  switch (outcome.status) {
    case 'deleted':
      return redirect('/?konto-geloescht=1', { headers: { 'Set-Cookie': await endUserSession(request) } });
    case 'wrong-password':
      return data(
        {
          result: submission.reply({
            fieldErrors: { password: ['Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht.'] },
            hideFields,
          }),
        },
        { status: 400 },
      );
    case 'throttled':
      return data(
        {
          result: submission.reply({
            formErrors: [
              `Zu viele falsche Passwörter. Bitte warten Sie ${outcome.waitMinutes} ${outcome.waitMinutes === 1 ? 'Minute' : 'Minuten'} und versuchen Sie es dann erneut.`,
            ],
            hideFields,
          }),
        },
        { status: 429 },
      );
    case 'refused':
      return data({ result: submission.reply({ formErrors: [outcome.message], hideFields }) }, { status: 409 });
  }
}

export default function DeleteAccount() {
  const { refusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'konto-loeschen',
    lastResult: actionData?.result,
    constraint: getZodConstraint(accountDeletionSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountDeletionSchema }),
  });
  return (
    <>
      <p className="caption">
        <Link to="/konto">Ihr Konto</Link>
      </p>
      <h1>Konto löschen</h1>
      <p>Wenn Sie Ihr Konto löschen, geschieht Folgendes:</p>
      <ul>
        <li>Ihr Name, Ihre E-Mail-Adresse und Ihr Passwort werden gelöscht. Sie können sich danach nicht mehr anmelden.</li>
        <li>Alle Sitzungen werden beendet, Ihre Benachrichtigungen und an Sie gerichtete E-Mails werden gelöscht.</li>
        <li>
          Im EBBS-Netzwerk werden Ihr Profil, Ihre Nachrichten, Ihre Blockierungen und Ihre Abonnements gelöscht. Ihre Beiträge in den
          Themen bleiben stehen, damit Gespräche verständlich bleiben; sie erscheinen als „Ehemaliges Mitglied“.
        </li>
        <li>
          Die Anträge Ihrer Organisation und die Daten der Organisation bleiben erhalten, denn andere arbeiten damit. Wo Sie etwas
          bearbeitet oder kommentiert haben, steht künftig „Ehemaliges Konto“.
        </li>
        <li>Ein Newsletter-Abonnement beenden Sie über den Link in jedem Newsletter; es hängt nicht an Ihrem Konto.</li>
      </ul>
      <p>Die Löschung kann nicht rückgängig gemacht werden.</p>
      {refusal ? (
        <div className="notice" role="status">
          <h2>Ihr Konto kann derzeit nicht gelöscht werden</h2>
          <p>{refusal}</p>
        </div>
      ) : (
        <>
          <h2>Löschung bestätigen</h2>
          <ErrorSummary form={form} />
          <PostForm {...getFormProps(form)} noValidate className="narrow" aria-label="Konto löschen">
            <TextField field={fields.password} label="Ihr Passwort" type="password" autoComplete="current-password" />
            <CheckboxField field={fields.confirm} label="Ich möchte mein Konto endgültig löschen." />
            <button type="submit" className="button button--warning">
              Konto endgültig löschen
            </button>
          </PostForm>
        </>
      )}
      <p>
        <Link to="/konto">Abbrechen und zurück zu Ihrem Konto</Link>
      </p>
    </>
  );
}
