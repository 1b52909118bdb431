import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { emailSchema } from '../../machines/shared/fields';
import { PostForm } from '../components/forms';
import { ErrorSummary, TextField } from '../components/fields';
import { signIn } from '../konto/sign-in.server';
import { getAuthState, homeByRole } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';
import { clientIp, safeRedirectTarget } from '../utils/request.server';

export const meta: MetaFunction = () => [{ title: 'Anmelden – Förderlotse Bürgerbeteiligung' }];

const schema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Bitte geben Sie Ihr Passwort ein.' }).max(200, { error: 'Das Passwort ist zu lang.' }),
  weiter: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuthState(request);
  const url = new URL(request.url);
  if (auth.status === 'signed-in') throw redirect(safeRedirectTarget(url.searchParams.get('weiter'), homeByRole[auth.user.role]));
  return {
    expired: url.searchParams.get('grund') === 'expired' || auth.status === 'expired',
    weiter: safeRedirectTarget(url.searchParams.get('weiter'), ''),
    registered: url.searchParams.get('grund') === 'registriert',
    passwordReset: url.searchParams.get('grund') === 'passwort-neu',
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseProtectedForm(request, schema);
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  const { email, password, weiter } = submission.value;
  const outcome = await signIn(request, email, password, clientIp(request));
  if (outcome.kind === 'throttled') {
    const { waitMinutes } = outcome;
    return data(
      {
        result: submission.reply({
          formErrors: [
            `Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ${waitMinutes} ${waitMinutes === 1 ? 'Minute' : 'Minuten'} und versuchen Sie es dann erneut.`,
          ],
          hideFields: ['password'],
        }),
      },
      { status: 429 },
    );
  }
  if (outcome.kind === 'wrong') {
    return data(
      {
        result: submission.reply({
          formErrors: ['E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.'],
          hideFields: ['password'],
        }),
      },
      { status: 400 },
    );
  }
  return redirect(safeRedirectTarget(weiter, homeByRole[outcome.user.role]), { headers: { 'Set-Cookie': outcome.cookie } });
}

export default function SignIn() {
  const { expired, weiter, registered, passwordReset } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'anmelden',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="narrow">
      <h1>Anmelden</h1>
      {expired ? (
        <div className="notice" role="status">
          <p>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an; danach geht es dort weiter, wo Sie waren.</p>
        </div>
      ) : null}
      {registered ? (
        <div className="notice notice--success" role="status">
          <p>Ihr Konto ist angelegt. Bitte melden Sie sich jetzt an.</p>
        </div>
      ) : null}
      {passwordReset ? (
        <div className="notice notice--success" role="status">
          <p>Ihr neues Passwort ist gespeichert. Bitte melden Sie sich jetzt damit an.</p>
        </div>
      ) : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate>
        <input type="hidden" name="weiter" value={weiter} />
        <TextField field={fields.email} label="E-Mail-Adresse" type="email" autoComplete="username" spellCheck={false} />
        <TextField field={fields.password} label="Passwort" type="password" autoComplete="current-password" />
        <button type="submit" className="button">
          Anmelden
        </button>
      </PostForm>
      <p>
        Noch kein Konto? <Link to="/registrieren">Registrieren Sie Ihre Kommune oder Ihren Verein</Link>.
      </p>
      <p>
        <Link to="/passwort-vergessen">Passwort vergessen?</Link>
      </p>
    </div>
  );
}
