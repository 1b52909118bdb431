/**
 * What the catalogue page asks: filters and an optional search, in one pure function.
 * With a search, results come in order of relevance; without one, alphabetically.
 */
import { costCategories, participationLevelInfo, targetGroups } from '../frl/catalogues';
import { methods as allMethods } from './catalogue';
import { matchesFilters, parseMethodFilters, type MethodFilters } from './filters';
import { goalInfo } from './goals';
import { modeLabel, recruitmentLabel } from './labels';
import { buildSearchIndex, parseQuery, search, type ParsedQuery, type SearchDocument, type SearchIndex } from '../shared/search';
import type { Method } from './schema';

const targetLabel = new Map<string, string>(targetGroups.map((t) => [t.id, t.label]));
const categoryLabel = new Map(costCategories.map((c) => [c.id, c.label]));

/** The text of a method that search looks at, with the weight of each part. */
export function methodSearchDocument(method: Method): SearchDocument {
  return {
    id: method.slug,
    fields: [
      { text: method.name, weight: 6 },
      { text: method.summary, weight: 3 },
      { text: `${method.targetGroups.map((t) => targetLabel.get(t) ?? t).join(' ')} ${method.targetGroupsNote}`, weight: 2 },
      // A goal the method serves strongly counts more than one it serves in passing.
      ...method.goals.map((g) => ({ text: goalInfo[g.goal].label, weight: g.weight })),
      {
        text: [
          ...method.levels.map((l) => participationLevelInfo[l].label),
          ...method.recruitment.map((r) => recruitmentLabel[r]),
          ...method.modes.map((m) => modeLabel[m]),
        ].join(' '),
        weight: 1,
      },
      { text: method.description.join(' '), weight: 1 },
      {
        text: [
          ...method.pitfalls,
          ...method.costDrivers.map((c) => `${c.label} ${categoryLabel.get(c.category) ?? ''}`),
          method.fundingFit.note,
        ].join(' '),
        weight: 0.5,
      },
    ],
  };
}

const indexCache = new WeakMap<readonly Method[], SearchIndex>();
function indexFor(methods: readonly Method[]): SearchIndex {
  let index = indexCache.get(methods);
  if (!index) indexCache.set(methods, (index = buildSearchIndex(methods.map(methodSearchDocument))));
  return index;
}

export interface CatalogueQueryResult {
  filters: MethodFilters;
  query: ParsedQuery;
  text: string;
  results: Method[];
}

export function queryCatalogue(params: URLSearchParams, methods: readonly Method[] = allMethods): CatalogueQueryResult {
  const filters = parseMethodFilters(params);
  const text = params.get('q') ?? '';
  const query = parseQuery(text);
  const filtered = methods.filter((m) => matchesFilters(m, filters));
  if (query.kind === 'none') return { filters, query, text, results: filtered };
  if (query.kind !== 'words') return { filters, query, text, results: [] };
  const allowed = new Set(filtered.map((m) => m.slug));
  const bySlug = new Map(methods.map((m) => [m.slug, m]));
  const results = search(indexFor(methods), query.stems)
    .filter((hit) => allowed.has(hit.id))
    .map((hit) => bySlug.get(hit.id)!);
  return { filters, query, text, results };
}
