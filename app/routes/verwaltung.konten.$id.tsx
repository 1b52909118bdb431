import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { accountRoleSchema } from '../../machines/shared/account';
import { roleLabel, roles } from '../../machines/shared/organisation';
import { ErrorSummary, SelectField } from '../components/fields';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { requireRole } from '../session.server';
import { accountPage, accountAction } from '../verwaltung/account.server';

/**
 * One account as the administration manages it: role and organisation, a link to set a new
 * password, locking after a confirmation. Nobody changes or locks their own account here, so an
 * installation always keeps an administrator (docs/decisions/0025).
 */

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.account.name ?? 'Konto'} – Verwaltung – Förderlotse Bürgerbeteiligung` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return accountPage(await requireRole(request, ['admin']), params.id, new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin']);
  return accountAction(admin, params.id, await readProtectedForm(request));
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
