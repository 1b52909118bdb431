import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDate } from '../../machines/shared/format';
import { ScrollTable } from '../components/scroll-table';
import { todayInSaxony } from '../rules.server';
import { requireApplicant } from '../session.server';
import { organisationDeadlines } from '../umsetzung.server';

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
  return { projects: projects.length, open: rows.filter((r) => r.state !== 'erledigt'), done: rows.filter((r) => r.state === 'erledigt') };
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
    </>
  );
}
