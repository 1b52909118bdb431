import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { newPasswordSchema } from '../../machines/shared/account';
import { ErrorSummary, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { setNewPassword, usableReset } from '../konto/password-reset.server';
import { parseProtectedForm } from '../utils/forms.server';

export const meta: MetaFunction = () => [{ title: 'Neues Passwort festlegen – Förderlotse Bürgerbeteiligung' }];

/**
 * The page a reset link opens: a new password for the account, once. Setting it ends every
 * session of the account (someone else may have known the old password) and voids other links.
 */

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await usableReset(params.token);
  // 410 Gone: the link existed or not – either way it no longer opens anything.
  if (!reset) return data({ valid: false }, { status: 410 });
  return { valid: true };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseProtectedForm(request, newPasswordSchema);
  const hideFields = ['password', 'passwordConfirm'];
  const reset = await usableReset(params.token);
  if (!reset) return data({ result: submission.reply({ hideFields }) }, { status: 410 });
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  const changed = await setNewPassword(reset, submission.value.password);
  if (!changed) return data({ result: submission.reply({ hideFields }) }, { status: 410 });
  return redirect('/anmelden?grund=passwort-neu');
}

export default function NewPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'passwort-neu',
    lastResult: actionData?.result,
    constraint: getZodConstraint(newPasswordSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema }),
  });
  if (!loaderData.valid) {
    return (
      <div className="narrow">
        <h1>Dieser Link gilt nicht mehr</h1>
        <div className="notice notice--error" role="alert">
          <p>Der Link zum Festlegen eines neuen Passworts ist abgelaufen oder wurde schon verwendet. Jeder Link gilt nur einmal.</p>
        </div>
        <p>
          <Link to="/passwort-vergessen">Fordern Sie einen neuen Link an</Link> oder <Link to="/anmelden">melden Sie sich an</Link>, wenn
          Sie Ihr Passwort schon geändert haben.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Neues Passwort festlegen</h1>
      <p>Wählen Sie ein Passwort mit mindestens 12 Zeichen. Danach melden Sie sich damit an; alle bisherigen Anmeldungen enden.</p>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate>
        <TextField
          field={fields.password}
          label="Neues Passwort"
          type="password"
          autoComplete="new-password"
          hint="Mindestens 12 Zeichen."
        />
        <TextField field={fields.passwordConfirm} label="Neues Passwort wiederholen" type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          Passwort speichern
        </button>
      </PostForm>
    </div>
  );
}
