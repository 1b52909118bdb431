import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../db/repositories/audit';
import { listAccessibilityFeedback } from '../../db/repositories/feedback';
import { findOrganisation, listOrganisations } from '../../db/repositories/organisations';
import { revokeOtherSessions } from '../../db/repositories/sessions';
import { createUser, findUserByEmail, listUsers, setUserDisabled } from '../../db/repositories/users';
import { staffAccountSchema } from '../../machines/shared/account';
import { formatDateTime } from '../../machines/shared/format';
import { roleLabel, roles } from '../../machines/shared/organisation';
import { ErrorSummary, SelectField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Verwaltung – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['admin']);
  const db = await getDb();
  const [users, organisations, feedback] = await Promise.all([listUsers(db), listOrganisations(db), listAccessibilityFeedback(db)]);
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: roleLabel[u.role],
      organisation: u.organisation_name,
      disabled: u.disabled_at !== null,
    })),
    organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })),
    feedback: feedback.map((f) => ({ id: f.id, at: formatDateTime(f.created_at), page: f.page, message: f.message, contact: f.contact })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  const formData = await readProtectedForm(request);
  const db = await getDb();
  const intent = formData.get('intent');
  if (intent === 'disable' || intent === 'enable') {
    const userId = Number(formData.get('userId'));
    if (!Number.isInteger(userId) || userId === admin.id) throw new Response('Diese Änderung ist nicht möglich.', { status: 400 });
    await setUserDisabled(db, userId, intent === 'disable');
    if (intent === 'disable') await revokeOtherSessions(db, userId, null);
    await recordAudit(db, { actorUserId: admin.id, action: `user.${intent}d`, subjectType: 'user', subjectId: userId });
    return redirect('/verwaltung');
  }
  const submission = parseWithZod(formData, { schema: staffAccountSchema });
  if (submission.status !== 'success') return data({ result: submission.reply(), created: null }, { status: 400 });
  const value = submission.value;
  if (await findUserByEmail(db, value.email)) {
    return data(
      { result: submission.reply({ fieldErrors: { email: ['Für diese E-Mail-Adresse besteht bereits ein Konto.'] } }), created: null },
      { status: 400 },
    );
  }
  const organisationId = value.role === 'applicant' ? (value.organisationId ?? null) : null;
  if (organisationId !== null && !(await findOrganisation(db, organisationId))) {
    return data(
      { result: submission.reply({ fieldErrors: { organisationId: ['Diese Organisation gibt es nicht.'] } }), created: null },
      { status: 400 },
    );
  }
  const password = randomBytes(12).toString('base64url');
  const user = await createUser(db, { email: value.email, name: value.name, role: value.role, organisationId, password });
  await recordAudit(db, { actorUserId: admin.id, action: 'user.created', subjectType: 'user', subjectId: user.id, details: { role: value.role } });
  // The initial password is shown once, in this response, and never stored in clear.
  return { result: submission.reply({ resetForm: true }), created: { email: user.email, password } };
}

export default function Administration() {
  const { users, organisations, feedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'konto-anlegen',
    lastResult: actionData?.result,
    constraint: getZodConstraint(staffAccountSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffAccountSchema }),
  });
  return (
    <>
      <h1>Verwaltung</h1>
      {actionData?.created ? (
        <div className="notice notice--success" role="status">
          <p>
            Konto für <strong>{actionData.created.email}</strong> angelegt. Vorläufiges Passwort (nur jetzt sichtbar):{' '}
            <code>{actionData.created.password}</code>. Bitte geben Sie es auf sicherem Weg weiter; die Person ändert es
            nach der ersten Anmeldung unter „Konto“.
          </p>
        </div>
      ) : null}
      <h2>Konto anlegen</h2>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate className="narrow">
        <TextField field={fields.name} label="Name" autoComplete="off" />
        <TextField field={fields.email} label="E-Mail-Adresse" type="email" autoComplete="off" spellCheck={false} />
        <SelectField field={fields.role} label="Rolle" options={roles.map((r) => ({ value: r, label: roleLabel[r] }))} />
        <SelectField
          field={fields.organisationId}
          label="Organisation"
          hint="Nur für antragstellende Konten."
          options={organisations}
        />
        <button type="submit" name="intent" value="create" className="button">
          Konto anlegen
        </button>
      </PostForm>

      <h2>Konten</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Konten">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-Mail-Adresse</th>
              <th scope="col">Rolle</th>
              <th scope="col">Organisation</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>{u.organisation ?? '–'}</td>
                <td>
                  <PostForm className="inline-form">
                    <input type="hidden" name="userId" value={u.id} />
                    {u.disabled ? 'Gesperrt ' : 'Aktiv '}
                    <button
                      type="submit"
                      name="intent"
                      value={u.disabled ? 'enable' : 'disable'}
                      className="button button--secondary button--small"
                    >
                      {u.disabled ? 'Entsperren' : 'Sperren'}
                      <span className="visually-hidden"> – {u.email}</span>
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Rückmeldungen zur Barrierefreiheit</h2>
      {feedback.length === 0 ? (
        <p>Bisher keine Rückmeldungen.</p>
      ) : (
        <ul className="plain-list">
          {feedback.map((f) => (
            <li key={f.id} className="card">
              <p className="hint">
                {f.at}
                {f.page ? ` · Seite: ${f.page}` : ''}
                {f.contact ? ` · Kontakt: ${f.contact}` : ''}
              </p>
              <p className="preserve-lines">{f.message}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
