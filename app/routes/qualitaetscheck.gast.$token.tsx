import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { findOrganisation } from '../../db/repositories/organisations';
import { findGuestLinkByToken, findGuestParticipant, findQualityCheck } from '../../db/repositories/quality-checks';
import { findUserById } from '../../db/repositories/users';
import { guestJoinFormSchema } from '../../machines/qualitaetscheck/form';
import { guestLinkStatus } from '../../machines/qualitaetscheck/guests';
import { perspectiveInfo, perspectives } from '../../machines/qualitaetscheck/schema';
import { formatDateTime } from '../../machines/shared/format';
import { ErrorSummary, RadioGroup, TextField } from '../components/fields';
import { CsrfInput } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { currentContent, guestKeyOf, joinAsGuest } from '../qualitaetscheck/quality-check.server';

export const meta: MetaFunction = () => [{ title: 'Einladung zum QualitätsCheck – Förderlotse Bürgerbeteiligung' }];

/** The link, its round and who invites; 404 for a token that never existed. */
async function requireLink(token: string | undefined) {
  const db = await getDb();
  const link = token && token.length < 100 ? await findGuestLinkByToken(db, token) : undefined;
  const check = link ? await findQualityCheck(db, link.check_id) : undefined;
  if (!link || !check || check.organisation_id === null)
    throw new Response('Diese Einladung gibt es nicht. Bitte prüfen Sie den Link.', { status: 404 });
  return { db, link, check };
}

/**
 * A guest link (people outside the organisation, no account): who invites, to what, until when,
 * and the form to join in a perspective of one's choice. A browser that already joined goes on to
 * its answers; an expired or revoked link says so (410) instead of the form.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, link, check } = await requireLink(params.token);
  const key = await guestKeyOf(request);
  const status = guestLinkStatus(link, new Date().toISOString());
  if (status === 'aktiv' && key && (await findGuestParticipant(db, check.id, key))) throw redirect(`/qualitaetscheck/${check.id}`);
  const organisation = await findOrganisation(db, check.organisation_id!);
  const inviter = link.created_by === null ? undefined : await findUserById(db, link.created_by);
  const content = await currentContent();
  const view = {
    status,
    title: check.title,
    organisation: organisation?.name ?? 'eine Organisation',
    inviter: inviter?.name ?? null,
    expiresAt: formatDateTime(link.expires_at),
    disclaimer: content.disclaimer,
    perspectives: perspectives.map((p) => ({ value: p, label: perspectiveInfo[p].label, hint: perspectiveInfo[p].description })),
  };
  return data(view, { status: status === 'aktiv' ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const { link } = await requireLink(params.token);
  if (guestLinkStatus(link, new Date().toISOString()) !== 'aktiv') throw redirect(`/qualitaetscheck/gast/${params.token}`);
  const submission = parseWithZod(formData, { schema: guestJoinFormSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { path, setCookie } = await joinAsGuest(request, link, submission.value);
  return redirect(path, { headers: { 'Set-Cookie': setCookie } });
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
