import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDate } from '../../machines/shared/format';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';
import { ScrollTable } from '../components/scroll-table';
import { fundingCallList } from '../regelwerk/calls.server';

export const meta: MetaFunction = () => [{ title: 'Förderaufrufe – Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return fundingCallList(user, new URL(request.url));
}

export default function FundingCalls() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Förderaufrufe</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      {d.notice === 'veroeffentlicht' ? (
        <div className="notice notice--success" role="status">
          <p>Der Förderaufruf ist veröffentlicht. Förder-Check und Anträge folgen ab sofort dem geltenden Aufruf.</p>
        </div>
      ) : null}
      {d.proposals.length ? (
        <section aria-labelledby="vorschlaege-titel">
          <h2 id="vorschlaege-titel">Vorschläge, die auf Freigabe warten</h2>
          <ul>
            {d.proposals.map((p) => (
              <li key={p.id}>
                <Link to={`/regelwerk/aufrufe/vorschlaege/${p.id}`}>
                  Vorschlag Nr. {p.id}: {p.isNew ? 'neuer Aufruf' : 'Änderung'} „{p.title}“
                </Link>{' '}
                vom {p.at} von {p.by}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="lead">
        Ein Förderaufruf legt Stichtag, einzureichende Unterlagen und Schwerpunkte fest (FRL Teil 1 IV Nr. 3). Förder-Check und
        Antragsassistent zeigen den Aufruf, der heute offen oder als nächster angekündigt ist.
      </p>
      {d.mayEdit ? (
        <p>
          <Link to="/regelwerk/aufrufe/neu" className="button">
            Neuen Förderaufruf anlegen
          </Link>
        </p>
      ) : null}
      <ScrollTable caption="Alle Förderaufrufe, neueste zuerst" label="Förderaufrufe">
        <thead>
          <tr>
            <th scope="col">Aufruf</th>
            <th scope="col">veröffentlicht</th>
            <th scope="col">Antragstellung ab</th>
            <th scope="col">Stichtag</th>
            <th scope="col">Stand</th>
            <th scope="col">Herkunft</th>
          </tr>
        </thead>
        <tbody>
          {d.calls.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/regelwerk/aufrufe/${c.id}`}>{c.title}</Link>
                {c.current ? <span className="tag tag--green"> gilt heute</span> : null}
              </th>
              <td>{c.publishedOn ? formatDate(c.publishedOn) : 'nicht überliefert'}</td>
              <td>
                {c.opens === '0000-01-01' ? '–' : formatDate(c.opens)}
                {c.opensAssumed ? (
                  <>
                    {' '}
                    <span className="tag tag--blue">Annahme</span>
                  </>
                ) : null}
              </td>
              <td>{formatDate(c.deadline)}</td>
              <td>{c.state}</td>
              <td>{c.origin}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p className="hint">
        Annahme: Wo das Datum der Antragstellung nicht überliefert ist, gilt der Tag nach dem Stichtag des vorherigen Aufrufs.
      </p>
    </>
  );
}
