import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { recordAudit } from '../../db/repositories/audit';
import { loginThrottle, recordLoginAttempt } from '../../db/repositories/login-attempts';
import { verifyCredentials } from '../../db/repositories/users';
import { emailSchema } from '../../machines/shared/organisation';
import { PostForm } from '../components/forms';
import { ErrorSummary, TextField } from '../components/fields';
import { getDb } from '../db.server';
import { getAuthState, homeByRole, startUserSession } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';
import { log } from '../utils/log.server';
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
  const db = await getDb();
  const ip = clientIp(request);
  const waitMinutes = await loginThrottle(db, email, ip);
  if (waitMinutes > 0) {
    log('warn', 'login.throttled', { ip });
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
  const user = await verifyCredentials(db, email, password);
  await recordLoginAttempt(db, { email, ip, succeeded: user !== null });
  if (!user) {
    log('info', 'login.failed', { ip });
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
  const cookie = await startUserSession(request, user.id);
  await recordAudit(db, { actorUserId: user.id, action: 'session.signed_in', subjectType: 'user', subjectId: user.id });
  return redirect(safeRedirectTarget(weiter, homeByRole[user.role]), { headers: { 'Set-Cookie': cookie } });
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
