import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { directiveUrl } from '../../machines/frl/clauses';
import { applicabilityOf, wordedCriteria, formatParameterValue, parameterEntries } from '../../machines/frl/catalogue';
import { severityLabel, severityMeaning, topicLabel, topics } from '../../machines/frl/criterion';
import { directiveVersionOn, directiveVersions } from '../../machines/frl/engine';
import { valueOn } from '../../machines/frl/parameters';
import { formatDate } from '../../machines/shared/format';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { ParameterValuesTable } from '../components/parameter-source';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Regelkatalog – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { parameters } = await rulesOptions();
  const url = new URL(request.url);
  const requested = url.searchParams.get('stichtag');
  const date = requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested >= '2022-01-21' ? requested : todayInSaxony();
  return {
    date,
    directive: directiveVersionOn(date).label,
    versions: directiveVersions.map((v) => ({ ...v })),
    criteria: wordedCriteria(parameters, date).map((c) => ({
      id: c.id,
      title: c.title,
      clauses: c.clauses,
      severity: c.severity,
      topic: c.topic,
      appliesTo: applicabilityOf(c),
      assumption: c.assumption ?? null,
      explanation: c.explanation,
      parameters: (c.parameters ?? []).map((id) => {
        const value = valueOn(parameters[id], date);
        return {
          id,
          label: parameters[id].label,
          value: value ? formatParameterValue(parameters[id], value.value) : '–',
          reference: value?.reference ?? '',
          from: value?.from ?? '',
        };
      }),
    })),
    parameters: parameterEntries(parameters, date),
  };
}

export default function RuleCatalogue() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Regelkatalog der FRL Bürgerbeteiligung</h1>
      <p className="lead">
        Nach diesen Regeln prüft der Förderlotse. Jede Regel nennt ihre Fundstelle; dieselben Daten, die hier stehen, wertet die Prüfung
        aus.
      </p>
      <p>
        Stand {formatDate(data.date)}: {data.directive}.{' '}
        <a href={directiveUrl} rel="external">
          Richtlinie im Volltext (REVOSax)
        </a>
      </p>
      <form method="get" className="inline-search no-print">
        <label htmlFor="stichtag" className="field__label">
          Stichtag für Parameterwerte
        </label>
        <input type="date" id="stichtag" name="stichtag" defaultValue={data.date} className="input input--short" />{' '}
        <button type="submit" className="button button--secondary button--small">
          Anzeigen
        </button>
      </form>
      <h2>Was die Schwere bedeutet</h2>
      <dl className="summary-list">
        {(['ausschluss', 'begruendung', 'hinweis'] as const).map((s) => (
          <div key={s}>
            <dt>{severityLabel[s]}</dt>
            <dd>{severityMeaning[s]}</dd>
          </div>
        ))}
      </dl>
      <p>
        Mit <span className="tag tag--blue">Annahme</span> gekennzeichnete Regeln oder Werte sind durch keine Quelle belegt; das Ministerium
        kann sie ändern.
      </p>
      <nav aria-labelledby="inhalt-regeln" className="toc">
        <h2 id="inhalt-regeln">Inhalt</h2>
        <ul>
          {topics.map((t) => (
            <li key={t}>
              <a href={`#thema-${t}`}>{topicLabel[t]}</a>
            </li>
          ))}
          <li>
            <a href="#parameter">Parameter mit Geltungsdaten</a>
          </li>
          <li>
            <a href="#fassungen">Fassungen der Richtlinie</a>
          </li>
        </ul>
      </nav>
      {topics.map((topic) => (
        <section key={topic} aria-labelledby={`thema-${topic}`}>
          <h2 id={`thema-${topic}`}>{topicLabel[topic]}</h2>
          {data.criteria
            .filter((c) => c.topic === topic)
            .map((c) => (
              <article key={c.id} id={c.id} className="rule card" aria-labelledby={`${c.id}-titel`}>
                <h3 id={`${c.id}-titel`}>{c.title}</h3>
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
                      {c.clauses.map((clause, i) => (
                        <span key={clause}>
                          {i > 0 ? ', ' : null}
                          {clause.startsWith('FRL') ? (
                            <a href={directiveUrl} rel="external">
                              {clause}
                            </a>
                          ) : (
                            clause
                          )}
                        </span>
                      ))}
                    </dd>
                  </div>
                  <div>
                    <dt>Schwere</dt>
                    <dd>{severityLabel[c.severity]}</dd>
                  </div>
                  <div>
                    <dt>Gilt für</dt>
                    <dd>{c.appliesTo}</dd>
                  </div>
                  {c.parameters.map((p) => (
                    <div key={p.id}>
                      <dt>{p.label}</dt>
                      <dd>
                        {p.value} ({p.reference}, gültig ab {formatDate(p.from)})
                      </dd>
                    </div>
                  ))}
                </dl>
                {c.assumption ? (
                  <p>
                    <span className="tag tag--blue">Annahme</span> {c.assumption}
                  </p>
                ) : null}
                <h4>Erfüllt</h4>
                <p>{c.explanation.erfuellt.verwaltung}</p>
                <p className="plain-language">
                  <span className="visually-hidden">In einfacher Sprache: </span>
                  {c.explanation.erfuellt.einfach}
                </p>
                <h4>Nicht erfüllt</h4>
                <p>{c.explanation.nicht_erfuellt.verwaltung}</p>
                <p className="plain-language">
                  <span className="visually-hidden">In einfacher Sprache: </span>
                  {c.explanation.nicht_erfuellt.einfach}
                </p>
              </article>
            ))}
        </section>
      ))}
      <h2 id="parameter">Parameter mit Geltungsdaten</h2>
      <ParameterValuesTable parameters={data.parameters} caption="Parameter, ihre Werte und Fundstellen" label="Parameter" />
      <h2 id="fassungen">Fassungen der Richtlinie</h2>
      <ul>
        {data.versions.map((v) => (
          <li key={v.id}>
            ab {formatDate(v.from)}: {v.label}
            {'assumption' in v && v.assumption ? (
              <>
                {' '}
                <span className="tag tag--blue">Annahme</span> {v.assumption}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
