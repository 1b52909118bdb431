/**
 * What the catalogue page asks: filters and an optional search, in one pure function.
 * With a search, results come in the order of relevance the database's full-text index gave
 * (ADR 0077: the caller searches, this function filters); without one, alphabetically.
 */
import { costCategories } from '../frl/public';
import { participationLevelInfo, targetGroups } from '../shared/participation';
import { matchesFilters, parseMethodFilters, type MethodFilters } from './filters';
import { goalInfo } from './goals';
import { modeLabel, recruitmentLabel } from './labels';
import { parseQuery, type ParsedQuery, type SearchDocument } from '../shared/search';
import { landkreisLabel } from '../shared/organisation';
import type { GoodExample } from './examples';
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

/** The text of a good example that search looks at; method names from the given lookup. */
export function exampleSearchDocument(example: GoodExample, methodBySlug: (slug: string) => Method | undefined): SearchDocument {
  return {
    id: example.slug,
    fields: [
      { text: example.title, weight: 6 },
      { text: example.summary, weight: 3 },
      { text: example.methodSlugs.map((s) => methodBySlug(s)?.name ?? '').join(' '), weight: 2 },
      { text: `${example.place} ${landkreisLabel[example.landkreis]}`, weight: 2 },
      { text: [...example.whatWorked, ...example.doDifferently].join(' '), weight: 1 },
    ],
  };
}

export interface CatalogueQueryResult {
  filters: MethodFilters;
  query: ParsedQuery;
  text: string;
  results: Method[];
}

/** The methods of one catalogue by slug, made once per catalogue (a search asks on every request). */
const bySlugOf = new WeakMap<readonly Method[], ReadonlyMap<string, Method>>();

function methodIndex(methods: readonly Method[]): ReadonlyMap<string, Method> {
  let index = bySlugOf.get(methods);
  if (!index) bySlugOf.set(methods, (index = new Map(methods.map((m) => [m.slug, m]))));
  return index;
}

/**
 * Filters the methods; with search words, keeps the order of `ranked` (the slugs the full-text
 * search found, best first) among the methods the filters let through. With words, only the hits
 * are checked against the filters, not the whole catalogue.
 */
export function queryCatalogue(params: URLSearchParams, methods: readonly Method[], ranked: readonly string[] = []): CatalogueQueryResult {
  const filters = parseMethodFilters(params);
  const text = params.get('q') ?? '';
  const query = parseQuery(text);
  if (query.kind === 'none') return { filters, query, text, results: methods.filter((m) => matchesFilters(m, filters)) };
  if (query.kind !== 'words') return { filters, query, text, results: [] };
  const index = methodIndex(methods);
  const results: Method[] = [];
  for (const slug of ranked) {
    const method = index.get(slug);
    if (method && matchesFilters(method, filters)) results.push(method);
  }
  return { filters, query, text, results };
}
