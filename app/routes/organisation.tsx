import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  landkreise,
  landkreisLabel,
  organisationKindInfo,
  organisationKinds,
  organisationSchema,
} from '../../machines/shared/organisation';
import { ErrorSummary, SelectField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { ownOrganisation, renewInvite, saveOrganisation } from '../konto/account.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Organisation – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const own = await ownOrganisation(user.organisation_id);
  if (!own) throw new Response('Nicht gefunden', { status: 404 });
  const { organisation, members, values } = own;
  const url = new URL(request.url);
  return {
    values,
    complete: organisationSchema.safeParse(values).success,
    inviteCode: organisation.invite_code,
    members: members.map((m) => ({ id: m.id, name: m.name, email: m.email })),
    isNew: url.searchParams.has('neu'),
    saved: url.searchParams.has('gespeichert'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const formData = await readProtectedForm(request);
  if (formData.get('intent') === 'renew-invite') {
    await renewInvite(user, user.organisation_id);
    return redirect('/organisation?gespeichert=code');
  }
  const submission = parseWithZod(formData, { schema: organisationSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  await saveOrganisation(user, user.organisation_id, submission.value);
  return redirect('/organisation?gespeichert=1');
}

export default function OrganisationPage() {
  const { values, complete, inviteCode, members, isNew, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'organisation',
    lastResult: actionData?.result,
    defaultValue: values,
    constraint: getZodConstraint(organisationSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema }),
  });
  return (
    <>
      <h1>Ihre Organisation</h1>
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>Die Angaben wurden gespeichert.</p>
        </div>
      ) : null}
      {!complete ? (
        <div className="notice" role={isNew ? 'status' : undefined}>
          <p>
            {isNew ? 'Willkommen! ' : ''}Bitte vervollständigen Sie die Stammdaten Ihrer Organisation. Sie werden in jeden Antrag
            übernommen, sodass Sie sie nur einmal eingeben.
          </p>
        </div>
      ) : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate>
        <fieldset className="fieldset-group">
          <legend>Organisation</legend>
          <SelectField
            field={fields.kind}
            label="Art der Organisation"
            options={organisationKinds.map((k) => ({ value: k, label: organisationKindInfo[k].label }))}
          />
          <TextField field={fields.name} label="Name" autoComplete="organization" />
          <TextField
            field={fields.ags}
            label="Amtlicher Gemeindeschlüssel (AGS)"
            width="short"
            inputMode="numeric"
            hint="Nur für Kommunen: acht Ziffern, zum Beispiel 14612000 für Dresden."
          />
          <TextField
            field={fields.registerNumber}
            label="Registernummer"
            width="medium"
            hint="Nur für Vereine, Stiftungen und gGmbH, zum Beispiel VR 1234."
          />
          <TextField field={fields.registerCourt} optional label="Registergericht" width="medium" />
        </fieldset>
        <fieldset className="fieldset-group">
          <legend>Anschrift</legend>
          <TextField field={fields.street} label="Straße und Hausnummer" autoComplete="street-address" />
          <TextField field={fields.postalCode} label="Postleitzahl" width="short" inputMode="numeric" autoComplete="postal-code" />
          <TextField field={fields.city} label="Ort" width="medium" autoComplete="address-level2" />
          <SelectField
            field={fields.landkreis}
            label="Landkreis oder kreisfreie Stadt"
            options={landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))}
          />
        </fieldset>
        <fieldset className="fieldset-group">
          <legend>Vertretung und Kontakt</legend>
          <TextField
            field={fields.legalRepName}
            label="Vertretungsberechtigte Person"
            hint="Zum Beispiel die Bürgermeisterin oder der Vereinsvorstand."
          />
          <TextField field={fields.legalRepFunction} label="Funktion der vertretungsberechtigten Person" width="medium" />
          <TextField field={fields.contactName} label="Ansprechperson für den Antrag" autoComplete="name" />
          <TextField
            field={fields.contactEmail}
            label="E-Mail-Adresse der Ansprechperson"
            type="email"
            autoComplete="email"
            spellCheck={false}
          />
          <TextField field={fields.contactPhone} label="Telefon der Ansprechperson" type="tel" width="medium" autoComplete="tel" />
        </fieldset>
        <fieldset className="fieldset-group">
          <legend>Bankverbindung</legend>
          <TextField field={fields.bankAccountHolder} label="Kontoinhaber" />
          <TextField field={fields.iban} label="IBAN" width="medium" spellCheck={false} autoComplete="off" />
          <TextField field={fields.bic} optional label="BIC" width="short" spellCheck={false} autoComplete="off" />
          <TextField field={fields.bankName} label="Kreditinstitut" />
        </fieldset>
        <button type="submit" name="intent" value="save" className="button">
          Stammdaten speichern
        </button>
      </PostForm>

      <h2>Mitglieder</h2>
      <ul>
        {members.map((m) => (
          <li key={m.id}>
            {m.name} ({m.email})
          </li>
        ))}
      </ul>
      <h3>Kolleginnen und Kollegen einladen</h3>
      <p>Wer sich mit diesem Einladungscode registriert, wird Mitglied Ihrer Organisation und kann an allen Anträgen mitarbeiten:</p>
      <p className="invite-code">
        <span className="visually-hidden">Einladungscode: </span>
        <strong>{inviteCode}</strong>
      </p>
      <PostForm>
        <button type="submit" name="intent" value="renew-invite" className="button button--secondary">
          Neuen Code erzeugen (der alte wird ungültig)
        </button>
      </PostForm>
    </>
  );
}
