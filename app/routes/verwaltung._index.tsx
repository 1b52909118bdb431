import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { staffAccountSchema } from '../../machines/shared/account';
import { roleLabel, roles } from '../../machines/shared/organisation';
import { ErrorSummary, SelectField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { readProtectedForm } from '../csrf.server';
import { requireRole } from '../session.server';
import { accountsPage, createStaffAccount } from '../verwaltung/accounts.server';

export const meta: MetaFunction = () => [{ title: 'Verwaltung – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return accountsPage(await requireRole(request, ['admin']));
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  return createStaffAccount(admin, await readProtectedForm(request));
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
      <nav aria-label="Bereiche der Verwaltung" className="subnav no-print">
        <ul>
          <li>
            <a href="#konten">Konten</a>
          </li>
          <li>
            <a href="#konto-anlegen-titel">Konto anlegen</a>
          </li>
          <li>
            <Link to="/verwaltung/protokoll">Protokoll</Link>
          </li>
          <li>
            <a href="#rueckmeldungen">Rückmeldungen zur Barrierefreiheit</a>
          </li>
        </ul>
      </nav>
      {actionData?.created ? (
        <div className="notice notice--success" role="status">
          <p>
            Konto für <strong>{actionData.created.email}</strong> angelegt. Vorläufiges Passwort (nur jetzt sichtbar):{' '}
            <code>{actionData.created.password}</code>. Bitte geben Sie es auf sicherem Weg weiter; die Person ändert es nach der ersten
            Anmeldung unter „Konto“.
          </p>
        </div>
      ) : null}
      <h2 id="konto-anlegen-titel">Konto anlegen</h2>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate className="narrow">
        <TextField field={fields.name} label="Name" autoComplete="off" />
        <TextField field={fields.email} label="E-Mail-Adresse" type="email" autoComplete="off" spellCheck={false} />
        <SelectField field={fields.role} label="Rolle" options={roles.map((r) => ({ value: r, label: roleLabel[r] }))} />
        <SelectField
          field={fields.organisationId}
          label="Organisation"
          hint="Nur für antragstellende Konten; für EBBS-Beratung, Ministerium und Administration leer lassen."
          placeholder="Keine Organisation"
          options={organisations}
        />
        <button type="submit" name="intent" value="create" className="button">
          Konto anlegen
        </button>
      </PostForm>

      <h2 id="konten">Konten</h2>
      <p>Rolle und Organisation ändern, ein neues Passwort veranlassen oder sperren Sie auf der Seite des Kontos.</p>
      <ScrollTable caption="Alle Konten, nach Rolle" label="Konten">
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
              <th scope="row">
                <Link to={`/verwaltung/konten/${u.id}`}>{u.name}</Link>
                {u.own ? ' (Sie)' : ''}
              </th>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{u.organisation ?? '–'}</td>
              <td>{u.disabled ? 'gesperrt' : 'aktiv'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2 id="rueckmeldungen">Rückmeldungen zur Barrierefreiheit</h2>
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
