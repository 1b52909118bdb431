import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { listOpenCallChanges, proposedValues } from '../../db/repositories/call-changes';
import { listParameterChanges, listRegelwerkAudit } from '../../db/repositories/regelwerk';
import { callStatusOn } from '../../machines/frl/calls';
import { criteria } from '../../machines/frl/criteria/index';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { getDb } from '../db.server';
import { auditSummary } from '../components/regelwerk/audit';
import { approvalView } from '../regelwerk/change-preview.server';
import { config } from '../config.server';
import { describeValue, workbenchReaders } from '../regelwerk/workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const db = await getDb();
  const rules = await rulesOptions();
  const changes = await listParameterChanges(db);
  const status = callStatusOn(rules.calls, todayInSaxony());
  const audit = await listRegelwerkAudit(db, 5);
  const openCalls = await listOpenCallChanges(db);
  // What waits for this person's approval (four-eyes principle): proposals of someone else.
  const waiting = [
    ...changes
      .filter((c) => approvalView(c, user).mayApprove && c.parameter_id in rules.parameters)
      .map((c) => ({
        key: `p${c.id}`,
        to: `/regelwerk/parameter/${c.id}/freigabe`,
        text: `Änderung Nr. ${c.id}: ${rules.parameters[c.parameter_id as keyof typeof rules.parameters].label} ${describeValue(rules.parameters, c.parameter_id, c.value)} ab ${formatDate(c.effective_from)}`,
        by: c.created_by_name ?? 'unbekannt',
      })),
    ...openCalls
      .filter((c) => approvalView(c, user).mayApprove)
      .map((c) => ({
        key: `a${c.id}`,
        to: `/regelwerk/aufrufe/vorschlaege/${c.id}`,
        text: `Förderaufruf, Vorschlag Nr. ${c.id}: ${proposedValues(c).title}`,
        by: c.created_by_name ?? 'unbekannt',
      })),
  ];
  return {
    waiting,
    fourEyes: config.fourEyes,
    name: user.name,
    mayEdit: user.role === 'ministry',
    criteria: criteria.length,
    parameters: Object.keys(rules.parameters).length,
    drafts: changes.filter((c) => c.status === 'entwurf').length,
    published: changes.filter((c) => c.status === 'veroeffentlicht').length,
    call:
      status.status === 'open'
        ? `${status.call.title}: Stichtag ${formatDate(status.call.deadline)}`
        : status.status === 'upcoming'
          ? `${status.call.title} ab ${formatDate(status.call.opensOn ?? status.call.deadline)}`
          : 'Derzeit ist kein Förderaufruf offen.',
    audit: audit.map((a) => ({
      id: a.id,
      at: formatDateTime(a.at),
      actor: a.actor_name ?? 'unbekannt',
      text: auditSummary(a.action, a.details),
    })),
  };
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
