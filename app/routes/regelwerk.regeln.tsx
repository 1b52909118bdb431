import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { applicabilityOf, parameterValueRows, wordedCriteria } from '../../machines/frl/catalogue';
import { clauseAnchor, clauseIndex, directiveUrl } from '../../machines/frl/clauses';
import { severityLabel, topicLabel, topics } from '../../machines/frl/criterion';
import { directiveVersionOn } from '../../machines/frl/engine';
import { formatDate } from '../../machines/shared/format';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { workbenchReaders } from '../regelwerk/workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireRole } from '../session.server';
import { ParameterValueCells, ParameterValueHeaders } from '../components/parameter-source';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction = () => [{ title: 'Regeln – Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const { parameters } = await rulesOptions();
  const today = todayInSaxony();
  return {
    mayEdit: user.role === 'ministry',
    today,
    directive: directiveVersionOn(today).label,
    criteria: wordedCriteria(parameters, today).map((c) => ({
      id: c.id,
      title: c.title,
      topic: c.topic,
      clauses: c.clauses.map((clause) => ({ clause, anchor: clauseAnchor(clause) })),
      severity: severityLabel[c.severity],
      appliesTo: applicabilityOf(c),
      assumption: c.assumption ?? null,
      explanation: c.explanation,
      parameters: (c.parameters ?? []).map((id) => ({
        id,
        label: parameters[id].label,
        values: parameterValueRows(parameters[id], today),
      })),
    })),
    clauses: clauseIndex(wordedCriteria(parameters, today)),
  };
}

export default function WorkbenchRules() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Regeln</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      <p className="lead">
        Alle {d.criteria.length} Kriterien, nach denen Förder-Check und Antrag prüfen, mit Kennung, Fundstelle, Schwere, Erklärungen und
        Parametern. Stand {formatDate(d.today)}: {d.directive}.
      </p>
      <p>
        Jede Fundstelle führt zum <a href="#fundstellen">Fundstellenverzeichnis</a> mit dem Abschnitt der Richtlinie und allen Kriterien,
        die darauf beruhen. Werte ändern Sie unter <Link to="/regelwerk/parameter">Parameter</Link>. Mit{' '}
        <span className="tag tag--blue">Annahme</span> gekennzeichnete Regeln oder Werte sind durch keine Quelle belegt.
      </p>
      <nav aria-labelledby="inhalt" className="toc">
        <h2 id="inhalt">Inhalt</h2>
        <ul>
          {topics.map((t) => (
            <li key={t}>
              <a href={`#thema-${t}`}>{topicLabel[t]}</a>
            </li>
          ))}
          <li>
            <a href="#fundstellen">Fundstellenverzeichnis</a>
          </li>
        </ul>
      </nav>
      {topics.map((topic) => (
        <section key={topic} aria-labelledby={`thema-${topic}`}>
          <h2 id={`thema-${topic}`}>{topicLabel[topic]}</h2>
          {d.criteria
            .filter((c) => c.topic === topic)
            .map((c) => (
              <article key={c.id} id={`kriterium-${c.id}`} className="rule card" aria-labelledby={`kriterium-${c.id}-titel`}>
                <h3 id={`kriterium-${c.id}-titel`}>{c.title}</h3>
                <dl className="rule__meta">
                  <div>
                    <dt>Kennung</dt>
                    <dd>
                      <code>{c.id}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>Fundstelle</dt>
                    <dd>
                      {c.clauses.map((cl, i) => (
                        <span key={cl.clause}>
                          {i > 0 ? ', ' : null}
                          <a href={`#${cl.anchor}`}>{cl.clause}</a>
                        </span>
                      ))}
                    </dd>
                  </div>
                  <div>
                    <dt>Schwere</dt>
                    <dd>{c.severity}</dd>
                  </div>
                  <div>
                    <dt>Gilt für</dt>
                    <dd>{c.appliesTo}</dd>
                  </div>
                </dl>
                {c.assumption ? (
                  <p>
                    <span className="tag tag--blue">Annahme</span> {c.assumption}
                  </p>
                ) : null}
                <h4>Erklärung, wenn erfüllt</h4>
                <p>{c.explanation.erfuellt.verwaltung}</p>
                <p className="plain-language">
                  <span className="visually-hidden">In einfacher Sprache: </span>
                  {c.explanation.erfuellt.einfach}
                </p>
                <h4>Erklärung, wenn nicht erfüllt</h4>
                <p>{c.explanation.nicht_erfuellt.verwaltung}</p>
                <p className="plain-language">
                  <span className="visually-hidden">In einfacher Sprache: </span>
                  {c.explanation.nicht_erfuellt.einfach}
                </p>
                {c.parameters.map((p) => (
                  <ScrollTable
                    key={p.id}
                    caption={
                      <>
                        Parameter {p.label} (<code>{p.id}</code>)
                      </>
                    }
                  >
                    <thead>
                      <tr>
                        <ParameterValueHeaders />
                      </tr>
                    </thead>
                    <tbody>
                      {p.values.map((v) => (
                        <tr key={v.from}>
                          <ParameterValueCells value={v} />
                        </tr>
                      ))}
                    </tbody>
                  </ScrollTable>
                ))}
              </article>
            ))}
        </section>
      ))}
      <h2 id="fundstellen">Fundstellenverzeichnis</h2>
      <p>
        Die Richtlinie im Volltext:{' '}
        <a href={directiveUrl} rel="external">
          FRL Bürgerbeteiligung bei REVOSax
        </a>
        . Der Förderlotse gibt die Texte nicht wieder, sondern verweist auf die amtliche Fassung.
      </p>
      <dl className="summary-list">
        {d.clauses.map((entry) => (
          <div key={entry.clause} id={entry.anchor}>
            <dt>{entry.clause}</dt>
            <dd>
              {entry.section.url ? (
                <a href={entry.section.url} rel="external">
                  {entry.section.key}: {entry.section.title}
                </a>
              ) : (
                entry.section.title
              )}
              <ul className="plain-list">
                {entry.criteria.map((c) => (
                  <li key={c.id}>
                    <a href={`#kriterium-${c.id}`}>{c.title}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
