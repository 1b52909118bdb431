import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { participationLevelInfo, participationLevels, targetGroups } from '../../machines/shared/participation';
import { budgetCeilings, durationBuckets, groupSizeBuckets, hasAnyFilter } from '../../machines/methoden/filters';
import { modeLabel } from '../../machines/methoden/labels';
import { methodModes } from '../../machines/methoden/schema';
import { MAX_QUERY_LENGTH } from '../../machines/shared/search';
import { formatEuroWhole } from '../../machines/shared/format';
import { FilterSelect } from '../components/filter-select';
import { MethodCard } from '../components/methoden/method-card';
import { searchMethods } from '../methoden/methoden.server';
import { Pagination } from '../components/pagination';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Methoden der Bürgerbeteiligung – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return searchMethods(new URL(request.url));
}

const all = { value: '', label: 'alle' };

export default function MethodsCatalogue() {
  const { text, filters, queryMessage, searched, results, pager, total, draftId } = useLoaderData<typeof loader>();
  const filtered = hasAnyFilter(filters) || text.trim() !== '';
  return (
    <>
      <h1>Methoden der Bürgerbeteiligung</h1>
      <p className="lead">
        {total} Methoden mit Ablauf, Aufwand, typischen Kosten und ihrer Förderfähigkeit nach der FRL Bürgerbeteiligung. Sie brauchen dafür
        kein Konto.
      </p>
      <p>
        Sie wissen, was Sie erreichen wollen, aber nicht wie? Der <Link to="/methoden/finder">Methodenfinder</Link> schlägt Ihnen Methoden
        zu bis zu vier Zielen vor. Wie Methoden in der Praxis wirken, zeigen die <Link to="/beispiele">guten Beispiele</Link>.
      </p>
      <Form method="get" action="/methoden" className="filter-form" role="search" aria-label="Methoden suchen und filtern">
        <div className={`field search-field${queryMessage ? ' field--error' : ''}`}>
          <label htmlFor="q" className="field__label">
            Suchbegriff
          </label>
          <p id="q-hint" className="field__hint">
            Zum Beispiel „Jugendliche“, „Konflikt“ oder „Losverfahren“
          </p>
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
            aria-describedby={queryMessage ? 'q-hint q-error' : 'q-hint'}
            aria-invalid={queryMessage ? true : undefined}
          />
        </div>
        <FilterSelect
          id="stufe"
          label="Beteiligungsstufe"
          value={filters.level ?? ''}
          options={[all, ...participationLevels.map((l) => ({ value: l, label: participationLevelInfo[l].label }))]}
        />
        <FilterSelect
          id="zielgruppe"
          label="Zielgruppe"
          value={filters.targetGroup ?? ''}
          options={[all, ...targetGroups.map((t) => ({ value: t.id, label: t.label }))]}
        />
        <FilterSelect
          id="groesse"
          label="Gruppengröße"
          value={filters.groupSize ?? ''}
          options={[all, ...Object.entries(groupSizeBuckets).map(([value, b]) => ({ value, label: b.label }))]}
        />
        <FilterSelect
          id="dauer"
          label="Anzahl der Treffen"
          value={filters.duration ?? ''}
          options={[all, ...Object.entries(durationBuckets).map(([value, b]) => ({ value, label: b.label }))]}
        />
        <FilterSelect
          id="form"
          label="Vor Ort oder digital"
          value={filters.mode ?? ''}
          options={[all, ...methodModes.map((m) => ({ value: m, label: modeLabel[m] }))]}
        />
        <FilterSelect
          id="budget"
          label="Typische Kosten ab"
          value={filters.maxEuro ? String(filters.maxEuro) : ''}
          options={[
            { value: '', label: 'beliebig' },
            ...budgetCeilings.map((c) => ({ value: String(c), label: `höchstens ${formatEuroWhole(c * 100)}` })),
          ]}
        />
        <div className="field">
          <div className="choice">
            <input
              type="checkbox"
              id="foerderfaehig"
              name="foerderfaehig"
              value="1"
              defaultChecked={filters.fundableOnly}
              className="choice__input"
            />
            <label htmlFor="foerderfaehig" className="choice__label">
              Nur förderfähige Methoden
            </label>
          </div>
        </div>
        {draftId ? <input type="hidden" name="antrag" value={draftId} /> : null}
        <button type="submit" className="button">
          Suchen
        </button>
        {filtered ? <Link to="/methoden">Alle Filter zurücksetzen</Link> : null}
      </Form>
      <p role="status">
        {queryMessage
          ? 'Keine Suche ausgeführt.'
          : pager.total === 0
            ? 'Keine Methode passt zu Ihrer Suche. Lockern Sie einen Filter oder versuchen Sie ein anderes Wort.'
            : `${pager.total === 1 ? '1 Methode' : `${pager.total.toLocaleString('de-DE')} Methoden`}${searched ? ', die passendsten zuerst' : ''}${pager.pages > 1 ? ` (Seite ${pager.page} von ${pager.pages})` : ''}`}
      </p>
      <ul className="cards" aria-label="Gefundene Methoden">
        {results.map((m) => (
          <MethodCard key={m.slug} method={m} query={draftId ? `?antrag=${draftId}` : ''} />
        ))}
      </ul>
      <Pagination pager={pager} label="Seiten der gefundenen Methoden" />
      <h2>Weitere Methodensammlungen</h2>
      <p>
        Die Texte hier sind eigene Beschreibungen des Förderlotsen. Ausführlichere Sammlungen anderer Herausgeber finden Sie zum Beispiel
        bei{' '}
        <a href="https://participedia.net/" rel="external">
          Participedia
        </a>{' '}
        (englischsprachig) und im{' '}
        <a href="https://www.buergergesellschaft.de/" rel="external">
          Wegweiser Bürgergesellschaft der Stiftung Mitarbeit
        </a>
        .
      </p>
    </>
  );
}
