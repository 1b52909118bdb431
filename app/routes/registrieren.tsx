import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { registrationSchema } from '../../machines/shared/account';
import { landkreise, landkreisLabel, organisationKindInfo, organisationKinds } from '../../machines/shared/organisation';
import { ErrorSummary, RadioGroup, SelectField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { registerAccount } from '../konto/sign-in.server';
import { getUser, homeByRole } from '../session.server';
import { parseProtectedForm } from '../utils/forms.server';

export const meta: MetaFunction = () => [{ title: 'Registrieren – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homeByRole[user.role]);
  return null;
}

const hidden = ['password', 'passwordConfirm'];

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseProtectedForm(request, registrationSchema);
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: hidden }) }, { status: 400 });
  const value = submission.value;
  const outcome = await registerAccount(request, value);
  if (outcome.kind === 'email-taken') {
    return data(
      {
        result: submission.reply({
          fieldErrors: { email: ['Für diese E-Mail-Adresse besteht bereits ein Konto. Bitte melden Sie sich an.'] },
          hideFields: hidden,
        }),
      },
      { status: 400 },
    );
  }
  if (outcome.kind === 'unknown-invite') {
    return data(
      {
        result: submission.reply({
          fieldErrors: {
            inviteCode: [
              'Zu diesem Einladungscode gibt es keine Organisation. Bitte fragen Sie eine Kollegin oder einen Kollegen nach dem aktuellen Code (Seite „Organisation“).',
            ],
          },
          hideFields: hidden,
        }),
      },
      { status: 400 },
    );
  }
  return redirect(value.mode === 'neu' ? '/organisation?neu=1' : '/antraege', { headers: { 'Set-Cookie': outcome.cookie } });
}

export default function Register() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'registrieren',
    lastResult: actionData?.result,
    constraint: getZodConstraint(registrationSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema }),
  });
  return (
    <div className="narrow">
      <h1>Konto anlegen</h1>
      <p>
        Registrieren Sie sich als Mitarbeiterin oder Mitarbeiter einer Kommune oder als Mitglied eines Vereins. Konten für die EBBS-Beratung
        und das Ministerium legt die Administration an.
      </p>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate>
        <fieldset className="fieldset-group">
          <legend>Ihre Person</legend>
          <TextField field={fields.name} label="Ihr Name" autoComplete="name" />
          <TextField field={fields.email} label="Dienstliche E-Mail-Adresse" type="email" autoComplete="email" spellCheck={false} />
          <TextField
            field={fields.password}
            label="Passwort"
            type="password"
            autoComplete="new-password"
            hint="Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist sicher und gut zu merken."
          />
          <TextField field={fields.passwordConfirm} label="Passwort wiederholen" type="password" autoComplete="new-password" />
        </fieldset>
        <fieldset className="fieldset-group">
          <legend>Ihre Organisation</legend>
          <RadioGroup
            field={fields.mode}
            legend="Ist Ihre Organisation schon im Förderlotsen registriert?"
            options={[
              { value: 'neu', label: 'Nein, ich lege sie neu an' },
              {
                value: 'beitreten',
                label: 'Ja, ich trete ihr bei',
                hint: 'Den Einladungscode sehen Ihre Kolleginnen und Kollegen auf der Seite „Organisation“.',
              },
            ]}
          />
          <div className="subsection">
            <h2 className="heading-small">Wenn Sie beitreten</h2>
            <TextField field={fields.inviteCode} label="Einladungscode" width="short" autoComplete="off" spellCheck={false} />
          </div>
          <div className="subsection">
            <h2 className="heading-small">Wenn Sie Ihre Organisation neu anlegen</h2>
            <SelectField
              field={fields.kind}
              label="Art der Organisation"
              hint="Antragsberechtigt sind Gebietskörperschaften (Teil 2 A) und gemeinnützige Träger (Teil 2 B)."
              options={organisationKinds.map((k) => ({ value: k, label: organisationKindInfo[k].label }))}
            />
            <TextField field={fields.organisationName} label="Name der Organisation" autoComplete="organization" />
            <SelectField
              field={fields.landkreis}
              label="Landkreis oder kreisfreie Stadt des Sitzes"
              options={landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))}
            />
            <p className="hint">Anschrift, Vertretung und Bankverbindung ergänzen Sie danach einmalig auf der Seite „Organisation“.</p>
          </div>
        </fieldset>
        <button type="submit" className="button">
          Konto anlegen
        </button>
      </PostForm>
      <p>
        Sie haben schon ein Konto? <Link to="/anmelden">Anmelden</Link>
      </p>
    </div>
  );
}
