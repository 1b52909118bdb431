import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { lastSignIn, recordAudit } from '../../db/repositories/audit';
import { findOrganisation, listOrganisations } from '../../db/repositories/organisations';
import { revokeOtherSessions } from '../../db/repositories/sessions';
import { advisedDraftCount, findUserById, setUserDisabled, updateUserRole } from '../../db/repositories/users';
import { accountRoleSchema } from '../../machines/shared/account';
import { formatDateTime } from '../../machines/shared/format';
import { roleLabel, roles } from '../../machines/shared/organisation';
import { ErrorSummary, SelectField } from '../components/fields';
import { PostForm } from '../components/forms';
import { config } from '../config.server';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { sendResetLink } from '../konto/password-reset.server';
import { requireRole } from '../session.server';

/**
 * One account as the administration manages it: role and organisation, a link to set a new
 * password, locking after a confirmation. Nobody changes or locks their own account here, so an
 * installation always keeps an administrator (docs/decisions/0025).
 */

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.account.name ?? 'Konto'} – Verwaltung – Förderlotse Bürgerbeteiligung` },
];

async function requireAccount(idParam: string | undefined) {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Nicht gefunden', { status: 404 });
  const account = await findUserById(await getDb(), id);
  if (!account) throw new Response('Nicht gefunden', { status: 404 });
  return account;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  const account = await requireAccount(params.id);
  const db = await getDb();
  const [organisation, organisations, signedIn] = await Promise.all([
    account.organisation_id ? findOrganisation(db, account.organisation_id) : undefined,
    listOrganisations(db),
    lastSignIn(db, account.id),
  ]);
  const url = new URL(request.url);
  return {
    own: account.id === admin.id,
    confirmLock: url.searchParams.get('aktion') === 'sperren' && account.disabled_at === null && account.id !== admin.id,
    notice: url.searchParams.get('hinweis'),
    resetMinutes: config.passwordResetMinutes,
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      roleLabel: roleLabel[account.role],
      organisationId: account.organisation_id ? String(account.organisation_id) : '',
      organisation: organisation?.name ?? null,
      disabledAt: account.disabled_at ? formatDateTime(account.disabled_at) : null,
      createdAt: formatDateTime(account.created_at),
      lastSignIn: signedIn ? formatDateTime(signedIn) : null,
    },
    organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })),
  };
}

type ActionResult = { error: string | null; result?: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  const formData = await readProtectedForm(request);
  const account = await requireAccount(params.id);
  const db = await getDb();
  const intent = formData.get('intent');
  const refuse = (error: string, status = 400) => data<ActionResult>({ error }, { status });
  if (account.id === admin.id) {
    return refuse(
      'Ihr eigenes Konto können Sie hier nicht ändern oder sperren; so bleibt immer eine Person mit Zugang zur Verwaltung. Bitten Sie eine andere Person der Administration. Ihr Passwort ändern Sie unter „Konto“.',
    );
  }
  const page = `/verwaltung/konten/${account.id}`;

  if (intent === 'rolle') {
    const submission = parseWithZod(formData, { schema: accountRoleSchema });
    if (submission.status !== 'success') return data<ActionResult>({ error: null, result: submission.reply() }, { status: 400 });
    const { role, organisationId } = submission.value;
    const organisation = organisationId ? await findOrganisation(db, organisationId) : undefined;
    if (organisationId && !organisation) {
      return data<ActionResult>(
        { error: null, result: submission.reply({ fieldErrors: { organisationId: ['Diese Organisation gibt es nicht (mehr).'] } }) },
        { status: 400 },
      );
    }
    if (account.role === 'advisor' && role !== 'advisor') {
      const advised = await advisedDraftCount(db, account.id);
      if (advised > 0) {
        return data<ActionResult>(
          {
            error: null,
            result: submission.reply({
              fieldErrors: {
                role: [
                  `${account.name} ist bei ${advised === 1 ? 'einem Antrag' : `${advised} Anträgen`} als Beratung eingetragen. Solange das so ist, bleibt die Rolle EBBS-Beratung: Die Organisationen können die Beratung bei einer anderen Person anfragen, oder die Beratung zieht eine Kollegin oder einen Kollegen hinzu.`,
                ],
              },
            }),
          },
          { status: 400 },
        );
      }
    }
    const before = { role: account.role, organisationId: account.organisation_id };
    const after = { role, organisationId: organisationId ?? null };
    if (before.role === after.role && before.organisationId === after.organisationId) return redirect(`${page}?hinweis=unveraendert`);
    await db.transaction().execute(async (trx) => {
      await updateUserRole(trx, account.id, after.role, after.organisationId);
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.role_changed',
        subjectType: 'user',
        subjectId: account.id,
        details: {
          before,
          after,
          summary: `${account.name}: Rolle ${roleLabel[before.role]} → ${roleLabel[after.role]}${after.organisationId ? `, Organisation ${organisation?.name ?? after.organisationId}` : ''}.`,
        },
      });
    });
    return redirect(`${page}?hinweis=gespeichert`);
  }

  if (intent === 'sperren') {
    if (formData.get('bestaetigt') !== 'ja') return redirect(`${page}?aktion=sperren`);
    if (account.disabled_at) return redirect(`${page}?hinweis=gesperrt`);
    await db.transaction().execute(async (trx) => {
      await setUserDisabled(trx, account.id, true);
      await revokeOtherSessions(trx, account.id, null);
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.disabled',
        subjectType: 'user',
        subjectId: account.id,
        details: { summary: `Konto ${account.email} gesperrt; alle Sitzungen beendet.` },
      });
    });
    return redirect(`${page}?hinweis=gesperrt`);
  }

  if (intent === 'entsperren') {
    await setUserDisabled(db, account.id, false);
    await recordAudit(db, {
      actorUserId: admin.id,
      action: 'user.enabled',
      subjectType: 'user',
      subjectId: account.id,
      details: { summary: `Konto ${account.email} entsperrt.` },
    });
    return redirect(`${page}?hinweis=entsperrt`);
  }

  if (intent === 'passwort') {
    if (account.disabled_at) return refuse('Das Konto ist gesperrt. Entsperren Sie es zuerst, wenn die Person sich wieder anmelden soll.');
    await db.transaction().execute(async (trx) => {
      await sendResetLink(trx, account, { id: admin.id, name: admin.name });
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.password_reset_sent',
        subjectType: 'user',
        subjectId: account.id,
        details: { summary: `Link für ein neues Passwort an ${account.email} geschickt.` },
      });
    });
    return redirect(`${page}?hinweis=link-gesendet`);
  }
  return refuse('Unbekannte Aktion.');
}

const notices: Record<string, string> = {
  gespeichert: 'Rolle und Organisation sind gespeichert. Sie gelten ab der nächsten Seite, die die Person öffnet.',
  unveraendert: 'Sie haben nichts geändert.',
  gesperrt: 'Das Konto ist gesperrt. Die Person kann sich nicht mehr anmelden; alle ihre Sitzungen sind beendet.',
  entsperrt: 'Das Konto ist entsperrt. Die Person kann sich wieder anmelden.',
};

export default function AccountAdministration() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const a = d.account;
  const [form, fields] = useForm({
    id: 'rolle',
    lastResult: actionData?.result,
    defaultValue: { role: a.role, organisationId: a.organisationId },
    constraint: getZodConstraint(accountRoleSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountRoleSchema }),
  });
  return (
    <>
      <p className="caption">
        <Link to="/verwaltung">Verwaltung</Link> · Konto
      </p>
      <h1>{a.name}</h1>
      {actionData?.error ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="fehler-titel">
          <h2 id="fehler-titel" className="error-summary__title">
            Nicht ausgeführt
          </h2>
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {d.notice === 'link-gesendet' ? (
        <div className="notice notice--success" role="status">
          <p>
            Ein Link zum Festlegen eines neuen Passworts ist an {a.email} unterwegs; er gilt {d.resetMinutes} Minuten und nur einmal. Das
            bisherige Passwort gilt weiter, bis die Person den Link verwendet.
          </p>
        </div>
      ) : d.notice && notices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>E-Mail-Adresse</dt>
          <dd>{a.email}</dd>
        </div>
        <div>
          <dt>Rolle</dt>
          <dd>{a.roleLabel}</dd>
        </div>
        <div>
          <dt>Organisation</dt>
          <dd>{a.organisation ?? '–'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{a.disabledAt ? `gesperrt seit ${a.disabledAt}` : 'aktiv'}</dd>
        </div>
        <div>
          <dt>Angelegt</dt>
          <dd>{a.createdAt}</dd>
        </div>
        <div>
          <dt>Letzte Anmeldung</dt>
          <dd>{a.lastSignIn ?? 'noch nie'}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/verwaltung/protokoll?konto=${a.id}`}>Protokoll: alle Einträge von und zu diesem Konto</Link>
      </p>

      {d.own ? (
        <div className="notice" role="note">
          <p>
            Das ist Ihr eigenes Konto. Rolle, Organisation und Sperre ändert eine andere Person der Administration; so bleibt immer jemand
            mit Zugang zur Verwaltung. Ihr Passwort ändern Sie unter <Link to="/konto">Konto</Link>.
          </p>
        </div>
      ) : (
        <>
          <h2>Rolle und Organisation</h2>
          <ErrorSummary form={form} />
          <PostForm {...getFormProps(form)} noValidate className="narrow">
            <SelectField field={fields.role} label="Rolle" options={roles.map((r) => ({ value: r, label: roleLabel[r] }))} />
            <SelectField
              field={fields.organisationId}
              label="Organisation"
              hint="Nur für antragstellende Konten. EBBS-Beratung, Ministerium und Administration gehören zu keiner Organisation."
              placeholder="Keine Organisation"
              options={d.organisations}
            />
            <button type="submit" name="intent" value="rolle" className="button">
              Rolle und Organisation speichern
            </button>
          </PostForm>

          <h2>Passwort</h2>
          {a.disabledAt ? (
            <p>Das Konto ist gesperrt; ein neues Passwort hilft erst nach dem Entsperren.</p>
          ) : (
            <>
              <p>
                Hat die Person ihr Passwort vergessen, schicken Sie ihr einen Link an {a.email}, mit dem sie selbst ein neues festlegt
                (gültig {d.resetMinutes} Minuten). Sie erfahren das Passwort nie.
              </p>
              <PostForm>
                <button type="submit" name="intent" value="passwort" className="button button--secondary">
                  Link für ein neues Passwort senden
                </button>
              </PostForm>
            </>
          )}

          <h2 id="sperren">Sperren</h2>
          {a.disabledAt ? (
            <PostForm>
              <p>Das Konto ist gesperrt. Entsperren Sie es, wenn die Person sich wieder anmelden soll.</p>
              <button type="submit" name="intent" value="entsperren" className="button button--secondary">
                Konto entsperren
              </button>
            </PostForm>
          ) : d.confirmLock ? (
            <section className="notice notice--warning" aria-labelledby="sperren-bestaetigen">
              <h3 id="sperren-bestaetigen">Konto von {a.name} wirklich sperren?</h3>
              <p>
                {a.name} kann sich dann nicht mehr anmelden, und alle Sitzungen enden sofort; nicht gespeicherte Eingaben gehen dabei
                verloren. Anträge und Daten bleiben erhalten. Sie können das Konto jederzeit wieder entsperren.
              </p>
              <PostForm className="button-row">
                <input type="hidden" name="bestaetigt" value="ja" />
                <button type="submit" name="intent" value="sperren" className="button button--warning">
                  Ja, Konto sperren
                </button>
                <Link to={`/verwaltung/konten/${a.id}`} className="button button--secondary">
                  Abbrechen
                </Link>
              </PostForm>
            </section>
          ) : (
            <>
              <p>Ein gesperrtes Konto kann sich nicht anmelden; seine Anträge und Daten bleiben erhalten.</p>
              <p>
                <Link to={`/verwaltung/konten/${a.id}?aktion=sperren#sperren`} className="button button--secondary">
                  Konto sperren …
                </Link>
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}
