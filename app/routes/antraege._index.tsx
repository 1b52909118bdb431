import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { callStatusOn } from '../../machines/frl/calls';
import { verdictLabel, type Verdict } from '../../machines/frl/engine';
import { isEditable, adviceStatusLabel, type AdviceStatus } from '../../machines/frl/advice/machine';
import { formatDate, formatDateTime, formatEuro } from '../../machines/shared/format';
import { routeLabel } from '../antrag/application.server';
import { draftsOverview, duplicateDraft } from '../antrag/drafts.server';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireApplicant } from '../session.server';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction = () => [{ title: 'Meine Anträge – Förderlotse Bürgerbeteiligung' }];

const PAGE_SIZE = 50;

/** The colour of each status in the list: open work grey/blue/yellow, results green or red. */
const statusTag: Record<AdviceStatus, 'grey' | 'blue' | 'yellow' | 'green' | 'red'> = {
  entwurf: 'grey',
  in_beratung: 'blue',
  zur_ueberarbeitung: 'yellow',
  beratung_abgeschlossen: 'green',
  eingereicht: 'blue',
  bewilligt: 'green',
  abgelehnt: 'red',
  zurueckgezogen: 'grey',
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const url = new URL(request.url);
  const { drafts, hasDeleted, ...overview } = await draftsOverview(user, Number(url.searchParams.get('seite')), PAGE_SIZE);
  const { calls } = await rulesOptions();
  const call = callStatusOn(calls, todayInSaxony());
  return {
    ...overview,
    drafts: drafts.map((d) => ({
      id: d.id,
      title: d.title,
      route: routeLabel(d.route),
      verdict: d.verdict ? verdictLabel[d.verdict as Verdict] : null,
      verdictKey: d.verdict,
      status: adviceStatusLabel[d.status as AdviceStatus] ?? d.status,
      statusTag: statusTag[d.status as AdviceStatus] ?? 'grey',
      deletable: isEditable(d.status as AdviceStatus),
      grant: d.requested_grant_cents === null ? null : formatEuro(d.requested_grant_cents),
      updatedAt: formatDateTime(d.updated_at),
      updatedBy: d.updated_by_name,
    })),
    hasDeleted,
    call:
      call.status === 'open'
        ? `${call.call.title}: Einreichung bei der SAB bis ${formatDate(call.call.deadline)}.`
        : call.status === 'upcoming'
          ? `${call.call.title} ab ${formatDate(call.call.opensOn ?? call.call.deadline)}, Stichtag ${formatDate(call.call.deadline)}.`
          : 'Derzeit ist kein Förderaufruf geöffnet. Sie können Ihren Antrag schon vorbereiten.',
    notice: url.searchParams.get('hinweis'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  if (form.get('intent') !== 'duplicate') throw new Response('Unbekannte Aktion.', { status: 400 });
  const copy = await duplicateDraft(user, Number(form.get('id')));
  return redirect(`/antraege/${copy.id}?hinweis=kopiert`);
}

const notices: Record<string, string> = {
  geloescht: 'Der Antrag wurde gelöscht. Sie können ihn 30 Tage lang im Papierkorb wiederherstellen.',
  wiederhergestellt: 'Der Antrag wurde wiederhergestellt.',
};

export default function Applications() {
  const { organisationName, masterDataComplete, drafts, hasDeleted, call, notice, page, pages, total, inImplementation } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>Meine Anträge</h1>
      <p className="lead">Anträge von {organisationName}</p>
      {notice && notices[notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      <p className="notice">{call}</p>
      {!masterDataComplete ? (
        <div className="notice notice--warning">
          <p>
            Bevor Sie einen Antrag vollständig ausfüllen können:{' '}
            <Link to="/organisation">Vervollständigen Sie die Stammdaten Ihrer Organisation</Link>. Sie werden in jeden Antrag übernommen.
          </p>
        </div>
      ) : null}
      <div className="button-row">
        <Link to="/antraege/neu" className="button">
          Neuen Antrag beginnen
        </Link>
        <Link to="/foerdercheck" className="button button--secondary">
          Erst Förderfähigkeit prüfen
        </Link>
        <Link to="/antraege/importieren" className="button button--secondary">
          Aus Datei importieren
        </Link>
      </div>
      {inImplementation ? (
        <p>
          <Link to="/antraege/fristen">Fristen aller Vorhaben in Umsetzung</Link> ({inImplementation} Vorhaben, mit Kalenderdatei)
        </p>
      ) : null}
      {drafts.length === 0 ? (
        <p>Sie haben noch keine Anträge angelegt.</p>
      ) : (
        <ScrollTable caption="Anträge Ihrer Organisation" captionHidden label="Anträge">
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Förderweg</th>
              <th scope="col">Stand</th>
              <th scope="col" className="num">
                Beantragte Zuwendung
              </th>
              <th scope="col">Zuletzt geändert</th>
              <th scope="col">
                <span className="visually-hidden">Aktionen</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/antraege/${d.id}`}>{d.title}</Link>
                </td>
                <td>{d.route}</td>
                <td>
                  <span className={`tag tag--${d.statusTag}`}>{d.status}</span>
                  {d.verdict ? (
                    <>
                      <br />
                      <span className="hint">Prüfung: {d.verdict}</span>
                    </>
                  ) : null}
                </td>
                <td className="num">{d.grant ?? '–'}</td>
                <td>
                  {d.updatedAt}
                  {d.updatedBy ? <span className="hint"> von {d.updatedBy}</span> : null}
                </td>
                <td>
                  <div className="action-list">
                    <PostForm className="inline-form">
                      <input type="hidden" name="id" value={d.id} />
                      <button type="submit" name="intent" value="duplicate" className="button button--link">
                        Duplizieren<span className="visually-hidden"> – {d.title}</span>
                      </button>
                    </PostForm>
                    {d.deletable ? (
                      <Link to={`/antraege/${d.id}/loeschen`}>
                        Löschen<span className="visually-hidden"> – {d.title}</span>
                      </Link>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {pages > 1 ? (
        <nav aria-label="Seiten der Antragsliste" className="pagination">
          <p>
            Seite {page} von {pages} ({total.toLocaleString('de-DE')} Anträge)
          </p>
          <ul className="button-row plain-list">
            {page > 1 ? (
              <li>
                <Link to={`?seite=${page - 1}`}>Vorherige Seite</Link>
              </li>
            ) : null}
            {page < pages ? (
              <li>
                <Link to={`?seite=${page + 1}`}>Nächste Seite</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      {hasDeleted ? (
        <p>
          <Link to="/antraege/papierkorb">Gelöschte Anträge (Papierkorb)</Link>
        </p>
      ) : null}
    </>
  );
}
