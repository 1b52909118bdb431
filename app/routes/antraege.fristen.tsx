import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { createFeed, feedState, removeFeed } from '../antrag/deadlines.server';
import { formatDate } from '../../machines/shared/format';
import { ScrollTable } from '../components/scroll-table';
import { todayInSaxony } from '../rules.server';
import { requireApplicant } from '../session.server';
import { organisationDeadlines } from '../umsetzung/implementation.server';

export const meta: MetaFunction = () => [{ title: 'Fristen aller Vorhaben – Förderlotse Bürgerbeteiligung' }];

/** One overview of the due dates across the organisation's projects in implementation (issue 19 Nr. 6). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const today = todayInSaxony();
  const projects = await organisationDeadlines(user, today);
  const rows = projects
    .flatMap((p) =>
      p.deadlines.map((d) => ({
        key: `${p.applicationId}-${d.key}`,
        on: d.on,
        date: formatDate(d.on),
        title: d.title,
        clause: d.clause,
        applicationId: p.applicationId,
        project: p.projectTitle,
        state: d.done ? 'erledigt' : d.on < today ? 'überfällig' : 'offen',
      })),
    )
    .sort((a, b) => a.on.localeCompare(b.on) || a.project.localeCompare(b.project, 'de'));
  const feed = await feedState(user.organisation_id);
  return {
    projects: projects.length,
    open: rows.filter((r) => r.state !== 'erledigt'),
    done: rows.filter((r) => r.state === 'erledigt'),
    feedSince: feed ? formatDate(feed.created_at.slice(0, 10)) : null,
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
}

/**
 * "Kalender abonnieren": a secret address shown once after it is made (only its hash is stored,
 * ADR 0067), so the answer to the POST shows it instead of redirecting; renewing ends the old one.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const intent = form.get('intent');
  if (intent === 'kalender.beenden') {
    await removeFeed(user);
    return redirect('/antraege/fristen?hinweis=kalender-beendet#kalender');
  }
  if (intent !== 'kalender.erzeugen') return redirect('/antraege/fristen');
  return { feedUrl: await createFeed(user) };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['open'][number];

function DeadlineTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Datum</th>
          <th scope="col">Frist</th>
          <th scope="col">Vorhaben</th>
          <th scope="col">Grundlage</th>
          <th scope="col">Stand</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.date}</td>
            <td>{r.title}</td>
            <td>
              <Link to={`/antraege/${r.applicationId}/umsetzung`}>{r.project}</Link>
            </td>
            <td>{r.clause}</td>
            <td>{r.state === 'überfällig' ? <strong>überfällig</strong> : r.state}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export default function Deadlines() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p className="caption">
        <Link to="/antraege">Meine Anträge</Link>
      </p>
      <h1>Fristen aller Vorhaben</h1>
      {d.projects === 0 ? (
        <p>
          Noch ist kein Vorhaben in Umsetzung. Sobald Sie zu einem bewilligten Antrag den Zuwendungsbescheid erfassen, stehen seine Fristen
          hier.
        </p>
      ) : (
        <>
          <p>
            Die Fristen {d.projects === 1 ? 'Ihres geförderten Vorhabens' : `Ihrer ${d.projects} geförderten Vorhaben`} nach dem
            Zuwendungsbescheid, jede mit ihrer Grundlage.{' '}
            <a href="/antraege/fristen.ics" download>
              Alle Fristen in Ihren Kalender übernehmen (.ics-Datei mit Erinnerung eine Woche vorher und am Tag)
            </a>
          </p>
          {d.open.length ? <DeadlineTable caption="Anstehende Fristen" rows={d.open} /> : <p>Keine offene Frist.</p>}
          {d.done.length ? (
            <details className="details">
              <summary>Erledigte Fristen ({d.done.length})</summary>
              <DeadlineTable caption="Erledigte Fristen" rows={d.done} />
            </details>
          ) : null}
        </>
      )}
      <section id="kalender" aria-labelledby="kalender-titel">
        <h2 id="kalender-titel">Kalender abonnieren</h2>
        <p>
          Mit einer Abonnement-Adresse zeigt Ihr Kalenderprogramm (Outlook, Thunderbird, Google Kalender, das Telefon) die Fristen aller
          Vorhaben an und übernimmt neue und geänderte Fristen von selbst. Außerdem erinnert Sie der Förderlotse zwei Wochen vor jeder
          Frist, am Tag selbst und am Tag danach, solange sie nicht erledigt ist (Benachrichtigung und E-Mail).
        </p>
        {d.notice === 'kalender-beendet' && !result ? (
          <div className="notice notice--success" role="status">
            <p>Das Abonnement ist beendet; die bisherige Adresse funktioniert nicht mehr.</p>
          </div>
        ) : null}
        {result?.feedUrl ? (
          <div className="notice notice--success" role="status">
            <p>
              Ihre Abonnement-Adresse (wird nur jetzt angezeigt; kopieren Sie sie in Ihr Kalenderprogramm unter „Kalender abonnieren“ oder
              „Aus dem Internet hinzufügen“):
            </p>
            <div className="field">
              <label htmlFor="kalender-adresse" className="field__label">
                Abonnement-Adresse
              </label>
              <input id="kalender-adresse" type="text" readOnly value={result.feedUrl} className="input input--full" />
            </div>
          </div>
        ) : null}
        <p className="hint">
          Wer die Adresse kennt, sieht die Fristen und Titel Ihrer Vorhaben, sonst nichts. Geben Sie sie nicht weiter; bei Bedarf erzeugen
          Sie eine neue, dann gilt die alte nicht mehr.
          {d.feedSince ? ` Eine Adresse besteht seit ${d.feedSince}.` : ''}
        </p>
        <PostForm className="button-row">
          <button type="submit" name="intent" value="kalender.erzeugen" className="button button--secondary">
            {d.feedSince || result?.feedUrl ? 'Neue Abonnement-Adresse erzeugen' : 'Abonnement-Adresse erzeugen'}
          </button>
          {d.feedSince || result?.feedUrl ? (
            <button type="submit" name="intent" value="kalender.beenden" className="button button--secondary">
              Abonnement beenden
            </button>
          ) : null}
        </PostForm>
      </section>
    </>
  );
}
