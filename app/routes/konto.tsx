import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { changePasswordSchema } from '../../machines/shared/account';
import { formatDateTime } from '../../machines/shared/format';
import { roleLabel } from '../../machines/shared/organisation';
import { ErrorSummary, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { changeOwnPassword, endOtherSessions, endOwnSession, sessionsOf } from '../konto/account.server';
import { requireUser } from '../session.server';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction = () => [{ title: 'Ihr Konto – Förderlotse Bürgerbeteiligung' }];

/** A short, readable description of a browser from its user agent (no fingerprinting library). */
function describeAgent(agent: string | null): string {
  if (!agent) return 'Unbekanntes Gerät';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome/Chromium'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser';
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Android/.test(agent)
      ? 'Android'
      : /iPhone|iPad/.test(agent)
        ? 'iOS'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : 'unbekanntes System';
  return `${browser} unter ${system}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await sessionsOf(user.id);
  const url = new URL(request.url);
  return {
    user: { name: user.name, email: user.email, role: roleLabel[user.role], organisationName: user.organisationName },
    notice: url.searchParams.get('hinweis'),
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === user.sessionId,
      device: describeAgent(s.user_agent),
      createdAt: formatDateTime(s.created_at),
      lastSeenAt: formatDateTime(s.last_seen_at),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readProtectedForm(request);
  const intent = formData.get('intent');
  if (intent === 'revoke-session') {
    const id = String(formData.get('sessionId') ?? '');
    const revoked = await endOwnSession(user, id);
    if (!revoked) throw new Response('Diese Sitzung gibt es nicht (mehr).', { status: 404 });
    return redirect(id === user.sessionId ? '/anmelden' : '/konto?hinweis=sitzung-beendet');
  }
  if (intent === 'revoke-others') {
    await endOtherSessions(user);
    return redirect('/konto?hinweis=andere-beendet');
  }
  if (intent === 'change-password') {
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    const hideFields = ['currentPassword', 'password', 'passwordConfirm'];
    if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 });
    const changed = await changeOwnPassword(user, submission.value.currentPassword, submission.value.password);
    if (!changed) {
      return data(
        { result: submission.reply({ fieldErrors: { currentPassword: ['Das bisherige Passwort stimmt nicht.'] }, hideFields }) },
        { status: 400 },
      );
    }
    return redirect('/konto?hinweis=passwort-geaendert');
  }
  throw new Response('Unbekannte Aktion.', { status: 400 });
}

const notices: Record<string, string> = {
  'sitzung-beendet': 'Die Sitzung wurde beendet.',
  'andere-beendet': 'Alle anderen Sitzungen wurden beendet.',
  'passwort-geaendert': 'Ihr Passwort wurde geändert. Andere Sitzungen wurden aus Sicherheitsgründen beendet.',
};

export default function Account() {
  const { user, sessions, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'passwort',
    lastResult: actionData?.result,
    constraint: getZodConstraint(changePasswordSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <>
      <h1>Ihr Konto</h1>
      {notice && notices[notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>E-Mail-Adresse</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Rolle</dt>
          <dd>{user.role}</dd>
        </div>
        {user.organisationName ? (
          <div>
            <dt>Organisation</dt>
            <dd>{user.organisationName}</dd>
          </div>
        ) : null}
      </dl>

      <h2>Angemeldete Geräte</h2>
      <p>Hier sehen Sie, wo Ihr Konto gerade angemeldet ist. Beenden Sie Sitzungen, die Sie nicht kennen.</p>
      <ScrollTable caption="Aktive Sitzungen" captionHidden label="Angemeldete Geräte">
        <thead>
          <tr>
            <th scope="col">Gerät</th>
            <th scope="col">Angemeldet seit</th>
            <th scope="col">Zuletzt aktiv</th>
            <th scope="col">
              <span className="visually-hidden">Aktion</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {s.device}
                {s.current ? <strong className="tag tag--blue"> Diese Sitzung</strong> : null}
              </td>
              <td>{s.createdAt}</td>
              <td>{s.lastSeenAt}</td>
              <td>
                <PostForm className="inline-form">
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" name="intent" value="revoke-session" className="button button--secondary button--small">
                    {s.current ? 'Abmelden' : 'Beenden'}
                    <span className="visually-hidden">
                      {' '}
                      – {s.device}, zuletzt aktiv {s.lastSeenAt}
                    </span>
                  </button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {sessions.length > 1 ? (
        <PostForm>
          <button type="submit" name="intent" value="revoke-others" className="button button--secondary">
            Alle anderen Sitzungen beenden
          </button>
        </PostForm>
      ) : null}

      <h2>Passwort ändern</h2>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} noValidate className="narrow">
        <TextField field={fields.currentPassword} label="Bisheriges Passwort" type="password" autoComplete="current-password" />
        <TextField
          field={fields.password}
          label="Neues Passwort"
          type="password"
          autoComplete="new-password"
          hint="Mindestens 12 Zeichen."
        />
        <TextField field={fields.passwordConfirm} label="Neues Passwort wiederholen" type="password" autoComplete="new-password" />
        <button type="submit" name="intent" value="change-password" className="button">
          Passwort ändern
        </button>
      </PostForm>

      <h2>Konto löschen</h2>
      <p>
        Sie können Ihr Konto mit Ihren persönlichen Daten löschen. Was dabei gelöscht wird und was erhalten bleibt, lesen Sie vorher:{' '}
        <Link to="/konto/loeschen">Konto löschen</Link>.
      </p>
    </>
  );
}
