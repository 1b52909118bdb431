import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { forgotPasswordSchema } from '../../machines/shared/account';
import { ErrorSummary, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { config } from '../config.server';
import { requestPasswordReset } from '../konto/password-reset.server';
import { getAuthState } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';
import { clientIp } from '../utils/request.server';

export const meta: MetaFunction = () => [{ title: 'Passwort vergessen – Förderlotse Bürgerbeteiligung' }];

/**
 * "Passwort vergessen?": sends a single-use link by e-mail (docs/decisions/0025). The answer is
 * the same whether or not an account exists for the address, so the page reveals no accounts;
 * requests are limited per address and per client.
 */

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuthState(request);
  if (auth.status === 'signed-in') throw redirect('/konto');
  return { sent: new URL(request.url).searchParams.get('gesendet') === '1', minutes: config.passwordResetMinutes };
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseProtectedForm(request, forgotPasswordSchema);
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { email } = submission.value;
  const { waitMinutes: wait } = await requestPasswordReset(email, clientIp(request));
  if (wait > 0) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            `Für diese Adresse oder von Ihrem Anschluss wurden gerade mehrere Links angefordert. Bitte warten Sie ${wait} ${wait === 1 ? 'Minute' : 'Minuten'}, und sehen Sie solange in Ihrem Postfach nach.`,
          ],
        }),
      },
      { status: 429 },
    );
  }
  return redirect('/passwort-vergessen?gesendet=1');
}

export default function ForgotPassword() {
  const { sent, minutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'passwort-vergessen',
    lastResult: actionData?.result,
    constraint: getZodConstraint(forgotPasswordSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  if (sent) {
    return (
      <div className="narrow">
        <h1>E-Mail ist unterwegs</h1>
        <div className="notice notice--success" role="status">
          <p>
            Wenn für die Adresse ein Konto besteht, haben wir Ihnen eine E-Mail mit einem Link geschickt. Mit ihm legen Sie ein neues
            Passwort fest; er gilt {minutes} Minuten und nur einmal.
          </p>
        </div>
        <p>
          Keine E-Mail bekommen? Prüfen Sie den Spam-Ordner und die Schreibweise der Adresse, und{' '}
          <Link to="/passwort-vergessen">fordern Sie den Link erneut an</Link>. Ist Ihr Konto gesperrt, wenden Sie sich an die
          Administration Ihres Förderlotsen-Zugangs.
        </p>
        <p>
          <Link to="/anmelden">Zur Anmeldung</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Passwort vergessen</h1>
      <p>Geben Sie die E-Mail-Adresse Ihres Kontos an. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.</p>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate>
        <TextField field={fields.email} label="E-Mail-Adresse" type="email" autoComplete="username" spellCheck={false} />
        <button type="submit" className="button">
          Link zum Zurücksetzen senden
        </button>
      </PostForm>
      <p>
        <Link to="/anmelden">Zurück zur Anmeldung</Link>
      </p>
    </div>
  );
}
