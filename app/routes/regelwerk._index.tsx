import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';
import { workbenchOverview } from '../regelwerk/overview.server';

export const meta: MetaFunction = () => [{ title: 'Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return workbenchOverview(user);
}

export default function RulesHome() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Regelwerk</h1>
      <p className="lead">Willkommen, {d.name}. Hier sehen, testen und versionieren Sie die Förderregeln der FRL Bürgerbeteiligung.</p>
      <RegelwerkNav showStatistics={d.mayEdit} />
      {!d.mayEdit ? (
        <p className="notice">
          Sie können alles einsehen und im Prüfstand testen. Werte ändern und veröffentlichen kann nur das Ministerium.
        </p>
      ) : null}
      {d.waiting.length ? (
        <section aria-labelledby="freigaben-titel" className="notice">
          <h2 id="freigaben-titel">{d.fourEyes ? 'Wartet auf Ihre Freigabe' : 'Wartet auf Veröffentlichung'}</h2>
          <ul>
            {d.waiting.map((w) => (
              <li key={w.key}>
                <Link to={w.to}>{w.text}</Link> (angelegt von {w.by})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/regelwerk/regeln">Regeln</Link>
          </h2>
          <p>
            {d.criteria} Kriterien mit Fundstelle und {d.parameters} Parameter mit Geltungsdaten.
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/regelwerk/ablaeufe">Abläufe</Link>
          </h2>
          <p>Förder-Check, Antrag und Beratung als Zustandsdiagramme, erzeugt aus den Abläufen selbst.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/regelwerk/pruefstand">Prüfstand</Link>
          </h2>
          <p>Einen Fall prüfen und die mitgelieferten Testfälle ausführen.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/regelwerk/parameter">Parameter</Link>
          </h2>
          <p>
            {d.drafts === 1 ? '1 Änderung wartet' : `${d.drafts} Änderungen warten`} auf Veröffentlichung; {d.published} veröffentlicht.
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/regelwerk/aufrufe">Förderaufrufe</Link>
          </h2>
          <p>{d.call}</p>
        </li>
        {d.mayEdit ? (
          <li className="card">
            <h2>
              <Link to="/regelwerk/statistik">Statistik</Link>
            </h2>
            <p>Entwürfe nach Förderweg, Status und Landkreis; häufig nicht erfüllte Kriterien. Ohne personenbezogene Daten.</p>
          </li>
        ) : null}
      </ul>
      <h2>Letzte Änderungen</h2>
      {d.audit.length ? (
        <ul>
          {d.audit.map((a) => (
            <li key={a.id}>
              {a.at}, {a.actor}: {a.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>Noch keine Änderungen am Regelwerk.</p>
      )}
      <p>
        <Link to="/regelwerk/protokoll">Vollständiges Protokoll</Link>
      </p>
    </>
  );
}
