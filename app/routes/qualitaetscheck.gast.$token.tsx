import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { guestJoinFormSchema } from '../../machines/qualitaetscheck/form';
import { ErrorSummary, RadioGroup, TextField } from '../components/fields';
import { CsrfInput } from '../components/forms';
import { guestLinkPage, joinByGuestLink } from '../qualitaetscheck/guest-link.server';

export const meta: MetaFunction = () => [{ title: 'Einladung zum QualitätsCheck – Förderlotse Bürgerbeteiligung' }];

export async function loader(args: LoaderFunctionArgs) {
  return guestLinkPage(args);
}

export async function action(args: ActionFunctionArgs) {
  return joinByGuestLink(args);
}

export default function GuestInvitation() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'gast',
    lastResult: actionData?.result,
    constraint: getZodConstraint(guestJoinFormSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: guestJoinFormSchema }),
  });
  const what = d.title ? `den QualitätsCheck „${d.title}“` : 'einen QualitätsCheck';
  if (d.status !== 'aktiv') {
    return (
      <div className="narrow">
        <p className="caption">QualitätsCheck Beteiligung</p>
        <h1>Diese Einladung gilt nicht mehr</h1>
        <p>
          {d.organisation} hat Sie zu {what} eingeladen. Der Link ist{' '}
          {d.status === 'abgelaufen' ? `am ${d.expiresAt} abgelaufen` : 'beendet worden'}. Antworten, die Sie schon gegeben haben, sind
          gespeichert. Wenn Sie (weiter) antworten möchten, bitten Sie {d.inviter ?? 'die einladende Person'} um einen neuen Link.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <p className="caption">QualitätsCheck Beteiligung · Einladung</p>
      <h1>
        {d.organisation} bittet um Ihre Sicht{d.title ? ` auf „${d.title}“` : ''}
      </h1>
      <p>
        {d.inviter ? `${d.inviter} von ${d.organisation}` : d.organisation} lädt Sie ein, {what} aus Ihrer Sicht auszufüllen – zum Beispiel
        als Mitarbeiterin der Verwaltung, als Gemeinderat oder als Bürgerin. Sie brauchen dafür kein Konto. Die Einladung gilt bis{' '}
        {d.expiresAt}.
      </p>
      <ul>
        <li>
          Ihre Antworten fließen in das gemeinsame Profil ein, das {d.organisation} sieht; die Organisation sieht auch den Namen, den Sie
          unten angeben.
        </li>
        <li>Ihre Notizen sieht niemand außer Ihnen.</li>
        <li>
          Dieser Browser merkt sich Ihren Zugang 30 Tage lang (ein technisch notwendiges Cookie), damit Sie später weitermachen können.
        </li>
      </ul>
      <p className="hint">{d.disclaimer}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <TextField
          field={fields.name}
          label="Wie sollen Sie in der Übersicht der Organisation heißen?"
          hint="Zum Beispiel Ihr Name oder „Gemeinderat, Fraktion X“. Leer lassen, wenn Sie nicht genannt werden möchten."
          optional
          autoComplete="name"
        />
        <RadioGroup field={fields.perspective} legend="Aus welcher Sicht antworten Sie?" options={d.perspectives} />
        <button type="submit" className="button">
          QualitätsCheck beginnen
        </button>
      </Form>
    </div>
  );
}
