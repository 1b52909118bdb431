import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '../../machines/shared/format';
import { registrationStatusLabel } from '../../machines/veranstaltungen/registration';
import {
  countDecisions,
  isSelectionDecision,
  selectionDecisionLabel,
  selectionDecisions,
  selectionEarly,
  selectionPhase,
  selectionProblem,
  type SelectionDecision,
} from '../../machines/veranstaltungen/selection';
import { formatEventTime } from '../../machines/veranstaltungen/time';
import { PostForm } from '../components/forms';
import { SeatLightBadge } from '../components/veranstaltungen/seat-light';
import { readProtectedForm } from '../csrf.server';
import { requireRole } from '../session.server';
import { applicationsFor, decideSelection } from '../veranstaltungen/organiser.server';
import { eventById } from '../veranstaltungen/registration.server';
import { lightsFor } from '../veranstaltungen/veranstaltungen.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Auswahl: ${d?.event.title ?? 'Veranstaltung'} – Förderlotse Bürgerbeteiligung` },
];

const organisers = ['advisor', 'ministry'] as const;

async function selectionEvent(idParam: string | undefined) {
  const event = await eventById(idParam);
  if (event?.admission !== 'auswahl')
    throw new Response('Diese Veranstaltung gibt es nicht, oder ihre Plätze werden nicht nach Auswahl vergeben.', { status: 404 });
  return event;
}

const fieldName = (id: number) => `entscheidung-${id}`;

/**
 * The organisers' selection of an event with selection (issue 18 Nr. 9): read every application
 * with its motivation, decide on each (selected, reserve list, declined), save a preliminary
 * selection, and after the application deadline complete it; everyone is told by e-mail.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, organisers);
  const event = await selectionEvent(params.id);
  const now = new Date();
  const rows = await applicationsFor(event.id);
  const phase = selectionPhase(
    { applicationsCloseAt: event.registration_closes_at, selectionCompletedAt: event.selection_completed_at },
    now.toISOString(),
  );
  const open = rows.filter((r) => r.status === 'applied');
  const counts = countDecisions(open.map((r) => r.selection));
  const url = new URL(request.url);
  return {
    event: {
      id: event.id,
      title: event.title,
      when: formatEventTime(event.starts_at, event.ends_at),
      capacity: event.capacity,
      closesAt: formatDateTime(event.registration_closes_at),
      cancelled: event.status === 'cancelled',
      completedAt: event.selection_completed_at ? formatDateTime(event.selection_completed_at) : null,
    },
    light: (await lightsFor([event], now)).get(event.id)!,
    phase,
    counts,
    early: selectionEarly(event.registration_closes_at, now.toISOString()),
    // Shown before the button, so the organiser sees what stands in the way before pressing it.
    problem: phase === 'auswahl' ? selectionProblem(counts, event.capacity - event.seats_taken) : null,
    saved: url.searchParams.get('gespeichert') === '1',
    completed: url.searchParams.get('abgeschlossen') === '1',
    dataDeleted: Boolean(event.personal_data_deleted_at),
    applications: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      motivation: r.motivation,
      needs: [r.accessibility_needs, r.dietary_needs].filter(Boolean).join(' · '),
      appliedAt: formatDateTime(r.created_at),
      decision: r.selection,
      open: r.status === 'applied',
      status:
        r.status === 'waitlisted'
          ? `Nachrückliste, Stelle ${r.waitlist_position ?? ''}`.trim()
          : r.status === 'cancelled' &&
              r.cancelled_at &&
              (!event.selection_completed_at || Date.parse(r.cancelled_at) < Date.parse(event.selection_completed_at))
            ? 'Bewerbung zurückgezogen'
            : registrationStatusLabel[r.status],
    })),
  };
}

/** The decisions posted, by application id; values other than the three decisions or '' are ignored. */
function postedDecisions(form: FormData): Array<{ id: number; decision: SelectionDecision | null }> {
  const out: Array<{ id: number; decision: SelectionDecision | null }> = [];
  for (const [key, value] of form.entries()) {
    const match = /^entscheidung-(\d{1,9})$/.exec(key);
    if (!match || typeof value !== 'string') continue;
    if (value === '' || isSelectionDecision(value)) out.push({ id: Number(match[1]), decision: value === '' ? null : value });
  }
  return out;
}

const alreadyCompleted =
  'Die Auswahl ist bereits abgeschlossen; alle Bewerbenden wurden benachrichtigt. Ihre Änderungen wurden nicht übernommen.';

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, organisers);
  const form = await readProtectedForm(request);
  const event = await selectionEvent(params.id);
  const intent = form.get('intent');
  if (intent !== 'save' && intent !== 'complete')
    return data({ error: 'Bitte wählen Sie „Vorauswahl speichern“ oder „Auswahl abschließen“.' }, { status: 400 });
  const decisions = postedDecisions(form);
  const outcome = await decideSelection(user, event, decisions, intent);
  switch (outcome.kind) {
    case 'missing':
      throw new Response('Diese Veranstaltung gibt es nicht.', { status: 404 });
    case 'completed':
      return redirect(`/veranstaltungen/verwalten/${event.id}/auswahl?abgeschlossen=1`);
    case 'already':
    case 'done':
      return data({ error: alreadyCompleted }, { status: 409 });
    case 'refused':
      return data(
        { error: `Die Auswahl ist noch nicht abgeschlossen. ${outcome.message} Ihre Entscheidungen sind gespeichert.` },
        { status: 400 },
      );
    case 'saved':
      return redirect(`/veranstaltungen/verwalten/${event.id}/auswahl?gespeichert=1`);
  }
}

export default function Selection() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editable = d.phase !== 'abgeschlossen' && !d.event.cancelled && !d.dataDeleted;
  const openApplications = d.applications.filter((a) => a.open);
  return (
    <>
      <p className="caption">
        <Link to="/veranstaltungen/verwalten">Veranstaltungen verwalten</Link> ·{' '}
        <Link to={`/veranstaltungen/verwalten/${d.event.id}`}>{d.event.title}</Link>
      </p>
      <h1>Auswahl: {d.event.title}</h1>
      <p>{d.event.when}</p>
      <SeatLightBadge level={d.light.level} label={d.light.label} detail={d.light.detail} cancelled={d.event.cancelled} />
      {actionData?.error ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {d.saved ? (
        <div className="notice notice--success" role="status">
          <p>Ihre Vorauswahl ist gespeichert. Noch hat niemand eine E-Mail bekommen.</p>
        </div>
      ) : null}
      {d.completed ? (
        <div className="notice notice--success" role="status">
          <p>Die Auswahl ist abgeschlossen. Alle Bewerbenden haben das Ergebnis per E-Mail bekommen.</p>
        </div>
      ) : null}
      {d.event.completedAt ? <p>Abgeschlossen am {d.event.completedAt} Uhr.</p> : null}
      <dl className="summary-list">
        <div>
          <dt>Plätze</dt>
          <dd>{d.event.capacity}</dd>
        </div>
        <div>
          <dt>Bewerbungsschluss</dt>
          <dd>{d.event.closesAt} Uhr</dd>
        </div>
        {editable ? (
          <div>
            <dt>Vorauswahl</dt>
            <dd>
              {d.counts.ausgewaehlt} ausgewählt · {d.counts.nachrueckliste} Nachrückliste · {d.counts.absage} Absage · {d.counts.offen}{' '}
              offen
            </dd>
          </div>
        ) : null}
      </dl>
      {d.applications.length === 0 ? <p>Es liegen noch keine Bewerbungen vor.</p> : null}
      {editable && openApplications.length ? (
        <PostForm aria-labelledby="entscheidungen-titel">
          <h2 id="entscheidungen-titel">Bewerbungen ({openApplications.length})</h2>
          <p>
            Entscheiden Sie über jede Bewerbung. „Vorauswahl speichern“ benachrichtigt noch niemanden; andere Organisatorinnen und
            Organisatoren sehen Ihre Vorauswahl. Die Nachrückliste folgt der Reihenfolge der Bewerbungen.
          </p>
          {openApplications.map((a) => (
            <fieldset className="field fieldset application" key={a.id} id={`bewerbung-${a.id}`}>
              <legend className="field__label">
                {a.name}
                {a.organisation ? ` (${a.organisation})` : ''}
              </legend>
              <p className="field__hint">
                {a.email} · eingegangen am {a.appliedAt} Uhr{a.needs ? ` · Hinweise: ${a.needs}` : ''}
              </p>
              <blockquote className="preserve-lines">{a.motivation}</blockquote>
              <div className="choices choices--inline">
                {selectionDecisions.map((value) => (
                  <div className="choice" key={value}>
                    <input
                      type="radio"
                      id={`${fieldName(a.id)}-${value}`}
                      name={fieldName(a.id)}
                      value={value}
                      defaultChecked={a.decision === value}
                      className="choice__input"
                    />
                    <label htmlFor={`${fieldName(a.id)}-${value}`} className="choice__label">
                      {selectionDecisionLabel[value]}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button button--secondary">
              Vorauswahl speichern
            </button>
          </div>
          <h2>Auswahl abschließen</h2>
          {d.early ? (
            <p>{d.early}</p>
          ) : (
            <>
              <p>
                Ausgewählte bekommen eine E-Mail und bestätigen ihre Teilnahme innerhalb einer Frist; wer nicht bestätigt oder absagt, macht
                den Platz für die Nachrückliste frei. Die Nachrückliste und die Absagen bekommen ebenfalls eine E-Mail. Das lässt sich nicht
                zurücknehmen.
              </p>
              {d.problem ? <p className="field__hint">Noch offen: {d.problem}</p> : null}
              <button type="submit" name="intent" value="complete" className="button">
                Auswahl abschließen und alle benachrichtigen
              </button>
            </>
          )}
        </PostForm>
      ) : null}
      {d.applications.some((a) => !a.open) ? (
        <>
          <h2>{editable ? 'Zurückgezogene Bewerbungen' : 'Ergebnis'}</h2>
          <ul className="plain-list">
            {d.applications
              .filter((a) => !a.open)
              .map((a) => (
                <li key={a.id}>
                  <strong>{a.name}</strong>
                  {a.organisation ? ` (${a.organisation})` : ''}: {a.status}
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
