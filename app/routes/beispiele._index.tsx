import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { MAX_QUERY_LENGTH } from '../../machines/shared/search';
import { ExampleCard } from '../components/methoden/example-card';
import { FilterSelect } from '../components/filter-select';
import { searchExamples } from '../methoden/methoden.server';
import { Pagination } from '../components/pagination';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Gute Beispiele – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return searchExamples(new URL(request.url));
}

export default function Examples() {
  const { text, queryMessage, methode, foerderweg, methodOptions, routeOptions, results, pager } = useLoaderData<typeof loader>();
  const filtered = text.trim() !== '' || methode !== '' || foerderweg !== '';
  return (
    <>
      <h1>Gute Beispiele</h1>
      <p className="lead">
        Vorhaben, die zeigen, wie Methoden der Bürgerbeteiligung in der Praxis wirken: was gut lief und was die Beteiligten anders machen
        würden.
      </p>
      <div className="notice notice--warning">
        <p>
          Einträge mit dem Hinweis <strong>„Erfundenes Demo-Beispiel“</strong> hat der Förderlotse geschrieben; Orte und Vorhaben gibt es so
          nicht. Alle anderen Einträge stammen von geförderten Vorhaben, die sich nach ihrem Verwendungsnachweis selbst vorgeschlagen haben,
          und sind von der Redaktion (EBBS-Beratung oder Ministerium) freigegeben.
        </p>
      </div>
      <Form method="get" action="/beispiele" className="filter-form" role="search" aria-label="Beispiele suchen und filtern">
        <div className={`field search-field${queryMessage ? ' field--error' : ''}`}>
          <label htmlFor="q" className="field__label">
            Suchbegriff
          </label>
          {queryMessage ? (
            <p id="q-error" className="field__error">
              <span className="visually-hidden">Fehler: </span>
              {queryMessage}
            </p>
          ) : null}
          <input
            type="search"
            id="q"
            name="q"
            defaultValue={text}
            maxLength={MAX_QUERY_LENGTH * 5}
            className="input input--full"
            aria-describedby={queryMessage ? 'q-error' : undefined}
            aria-invalid={queryMessage ? true : undefined}
          />
        </div>
        <FilterSelect id="methode" label="Methode" value={methode} options={[{ value: '', label: 'alle' }, ...methodOptions]} />
        <FilterSelect id="foerderweg" label="Förderweg" value={foerderweg} options={[{ value: '', label: 'alle' }, ...routeOptions]} />
        <button type="submit" className="button">
          Suchen
        </button>
        {filtered ? <Link to="/beispiele">Alle Filter zurücksetzen</Link> : null}
      </Form>
      <p role="status">
        {queryMessage
          ? 'Keine Suche ausgeführt.'
          : pager.total === 0
            ? 'Kein Beispiel passt zu Ihrer Suche.'
            : `${pager.total === 1 ? '1 Beispiel' : `${pager.total.toLocaleString('de-DE')} Beispiele`}${pager.pages > 1 ? ` (Seite ${pager.page} von ${pager.pages})` : ''}`}
      </p>
      <ul className="cards" aria-label="Gefundene Beispiele">
        {results.map((e) => (
          <ExampleCard key={e.slug} example={e} />
        ))}
      </ul>
      <Pagination pager={pager} label="Seiten der gefundenen Beispiele" />
      <p>
        <Link to="/methoden">Zum Methodenkatalog</Link>
      </p>
    </>
  );
}
