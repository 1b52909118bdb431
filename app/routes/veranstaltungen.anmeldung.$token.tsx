import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '../../machines/shared/format';
import { registrationStatusLabel } from '../../machines/veranstaltungen/registration';
import { formatEventTime } from '../../machines/veranstaltungen/time';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { changeRegistrationByToken, registrationByToken } from '../veranstaltungen/registration.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Ihre Anmeldung – Veranstaltungen – Förderlotse Bürgerbeteiligung' }];

const gone = () =>
  new Response('Diesen Link gibt es nicht. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben.', { status: 404 });

async function requireRegistration(token: string | undefined) {
  const found = await registrationByToken(token);
  if (!found) throw gone();
  return found;
}

/**
 * The personal page of a registration, opened from the e-mail link (the token is the capability;
 * no account needed): the status, the deadline to confirm, the waitlist position, and buttons to
 * confirm or cancel. Opening the link changes nothing (mail scanners open links too). The online
 * access link appears here only once the registration is confirmed.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const { registration, event, position } = await requireRegistration(params.token);
  const now = Date.now();
  const overdue = registration.pending_until !== null && Date.parse(registration.pending_until) <= now;
  const status = overdue ? 'expired' : registration.status;
  return {
    event: {
      id: event.id,
      title: event.title,
      when: formatEventTime(event.starts_at, event.ends_at),
      cancelled: event.status === 'cancelled',
      format: event.format,
      selection: event.admission === 'auswahl',
    },
    name: registration.name,
    motivation: registration.motivation,
    status,
    statusLabel: registrationStatusLabel[status],
    pendingUntil: registration.pending_until && !overdue ? formatDateTime(registration.pending_until) : null,
    position,
    onlineLink: status === 'confirmed' && event.status === 'published' && event.format === 'online' ? event.online_link : null,
    technicalRequirements: event.technical_requirements,
  };
}

const refusals: Record<string, string> = {
  'registration.confirm':
    'Diese Anmeldung kann nicht mehr bestätigt werden: Die Frist ist abgelaufen, oder sie ist schon bestätigt oder storniert.',
  'registration.cancel': 'Diese Anmeldung ist bereits storniert oder verfallen.',
};

// An event with selection: the same steps in the words of an application (issue 18 Nr. 9).
const selectionRefusals: Record<string, string> = {
  'registration.confirm':
    'Ihre Teilnahme kann nicht mehr bestätigt werden: Die Frist ist abgelaufen, oder sie ist schon bestätigt oder abgesagt.',
  'registration.cancel': 'Diese Bewerbung ist bereits zurückgezogen, abgesagt oder verfallen.',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readProtectedForm(request);
  const { registration, event } = await requireRegistration(params.token);
  const intent = form.get('intent');
  const type = intent === 'confirm' ? 'registration.confirm' : intent === 'cancel' ? 'registration.cancel' : null;
  if (!type) return data({ message: 'Bitte wählen Sie „Anmeldung bestätigen“ oder „Abmelden“.' }, { status: 400 });
  const result = await changeRegistrationByToken(event, registration.token, type);
  if (result.kind === 'missing') throw gone();
  if (result.kind === 'refused')
    return data({ message: (event.admission === 'auswahl' ? selectionRefusals : refusals)[type]! }, { status: 409 });
  return redirect(`/veranstaltungen/anmeldung/${registration.token}`);
}

export default function RegistrationPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const open = ['held', 'promoted', 'waitlisted', 'confirmed', 'applied', 'selected'].includes(d.status) && !d.event.cancelled;
  const pending = d.status === 'held' || d.status === 'promoted' || d.status === 'selected';
  const list = d.event.selection ? 'Nachrückliste' : 'Warteliste';
  const cancelLabel =
    d.status === 'applied'
      ? 'Bewerbung zurückziehen'
      : d.status === 'selected'
        ? 'Platz ablehnen'
        : d.status === 'waitlisted'
          ? `Von der ${list} abmelden`
          : 'Abmelden';
  return (
    <div className="narrow">
      <p className="caption">{d.event.selection ? 'Ihre Bewerbung' : 'Ihre Anmeldung'}</p>
      <h1>{d.event.title}</h1>
      <p>{d.event.when}</p>
      {actionData?.message ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.message}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{d.name}</dd>
        </div>
        <div>
          <dt>Stand</dt>
          <dd>
            {d.event.cancelled
              ? 'Die Veranstaltung ist abgesagt.'
              : d.event.selection && d.status === 'waitlisted'
                ? 'Auf der Nachrückliste'
                : d.statusLabel}
          </dd>
        </div>
        {d.motivation ? (
          <div>
            <dt>Ihre Begründung</dt>
            <dd className="preserve-lines">{d.motivation}</dd>
          </div>
        ) : null}
        {d.position ? (
          <div>
            <dt>Platz auf der {list}</dt>
            <dd>{d.position}</dd>
          </div>
        ) : null}
        {pending && d.pendingUntil ? (
          <div>
            <dt>Bestätigen bis</dt>
            <dd>{d.pendingUntil} Uhr</dd>
          </div>
        ) : null}
      </dl>
      {d.onlineLink ? (
        <div className="notice notice--success">
          <p>
            Zugang zur Online-Veranstaltung: <a href={d.onlineLink}>{d.onlineLink}</a>
          </p>
          {d.technicalRequirements ? <p>Technische Voraussetzungen: {d.technicalRequirements}</p> : null}
        </div>
      ) : null}
      {open ? (
        <div className="button-row">
          {pending ? (
            <PostForm>
              <button type="submit" name="intent" value="confirm" className="button">
                {d.status === 'selected' ? 'Teilnahme bestätigen' : 'Anmeldung bestätigen'}
              </button>
            </PostForm>
          ) : null}
          <PostForm>
            <button type="submit" name="intent" value="cancel" className="button button--secondary">
              {cancelLabel}
            </button>
          </PostForm>
        </div>
      ) : null}
      <p>
        <Link to={`/veranstaltungen/${d.event.id}`}>Zur Veranstaltung</Link>
      </p>
    </div>
  );
}
