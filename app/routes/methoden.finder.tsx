import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { goalIds, goalInfo, MAX_FINDER_GOALS } from '../../machines/methoden/goals';
import { MethodCard } from '../components/methoden/method-card';
import { findByGoals } from '../methoden/methoden.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Methodenfinder – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return findByGoals(new URL(request.url).searchParams);
}

export default function MethodFinder() {
  const { goals, message, hits } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/methoden">Alle Methoden</Link>
      </p>
      <h1>Methodenfinder</h1>
      <p className="lead">Wählen Sie bis zu {MAX_FINDER_GOALS} Ziele. Wir zeigen Ihnen die Methoden, die am besten dazu passen.</p>
      <Form method="get" action="/methoden/finder">
        <fieldset className={`fieldset${message ? ' field--error' : ''}`} aria-describedby={message ? 'ziel-hint ziel-error' : 'ziel-hint'}>
          <legend className="field__label">Was wollen Sie mit der Beteiligung erreichen?</legend>
          <p id="ziel-hint" className="field__hint">
            Höchstens {MAX_FINDER_GOALS} Ziele.
          </p>
          {message ? (
            <p id="ziel-error" className="field__error">
              <span className="visually-hidden">Fehler: </span>
              {message}
            </p>
          ) : null}
          <div className="choices">
            {goalIds.map((id) => (
              <div className="choice" key={id}>
                <input
                  type="checkbox"
                  id={`ziel-${id}`}
                  name="ziel"
                  value={id}
                  defaultChecked={goals.includes(id)}
                  className="choice__input"
                  aria-describedby={`ziel-${id}-hint`}
                />
                <label htmlFor={`ziel-${id}`} className="choice__label">
                  {goalInfo[id].label}
                </label>
                <p id={`ziel-${id}-hint`} className="choice__hint">
                  {goalInfo[id].hint}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button">
          Methoden finden
        </button>
      </Form>
      {goals.length && !message ? (
        <>
          <h2>Passende Methoden</h2>
          <p role="status">
            {hits.length === 0 ? 'Keine Methode passt zu diesen Zielen.' : `${hits.length} Methoden, die passendsten zuerst`}
          </p>
          <ol className="cards" aria-label="Passende Methoden">
            {hits.map((h) => (
              <MethodCard
                key={h.card.slug}
                method={h.card}
                headingLevel={3}
                extra={<p className="hint">Passt zu: {h.matched.join(', ')}</p>}
              />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
