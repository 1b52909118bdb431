/**
 * Server side of the public methods catalogue: what the pages need, as plain JSON-safe objects.
 * The search (and its stemmer) stays on the server; the browser gets rendered results only.
 */
import type { ApplicationData } from '../../machines/frl/application/schema';
import { costCategories } from '../../machines/frl/catalogues';
import { participationLevelInfo, targetGroups } from '../../machines/shared/participation';
import { methodBySlug as programMethodBySlug } from '../../machines/methoden/catalogue';
import { parseFinderGoals, rankByGoals } from '../../machines/methoden/finder';
import { goalInfo } from '../../machines/methoden/goals';
import { fundingFitLabel, modeLabel } from '../../machines/methoden/labels';
import { exampleSearchDocument, methodSearchDocument, queryCatalogue } from '../../machines/methoden/query';
import type { Method } from '../../machines/methoden/schema';
import { formatEuroWhole, formatNumber } from '../../machines/shared/format';
import { budgetRanges, examplesWithMethod, similarExamples, type GoodExample } from '../../machines/methoden/examples';
import { listPublishedExamples, submissionsStamp } from '../../db/repositories/example-submissions';
import { listApplications } from '../../db/repositories/applications';
import { isEditable, type AdviceStatus } from '../../machines/frl/advice/machine';
import { getDb } from '../db.server';
import { paginate } from '../utils/pagination';
import { catalogue, type Catalogue } from './redaktion.server';
import { parseQuery, type SearchDocument } from '../../machines/shared/search';
import { refreshSearchDocuments, searchContent } from '../../db/repositories/content-search';
import { routeInfo, fundingRoutes, type FundingRoute } from '../../machines/frl/routes';
import { landkreisLabel, organisationKindInfo } from '../../machines/shared/organisation';

const targetLabel = new Map<string, string>(targetGroups.map((t) => [t.id, t.label]));

export function rangeText({ min, max }: { min: number; max: number }, unit: string): string {
  if (min === max) return `${formatNumber(min)} ${unit}`;
  return `${formatNumber(min)} bis ${formatNumber(max)} ${unit}`;
}

export function costRangeText({ min, max }: { min: number; max: number }): string {
  return `${formatEuroWhole(min * 100)} bis ${formatEuroWhole(max * 100)}`;
}

/**
 * A card per method object, made once: a catalogue's methods stay the same objects until the
 * catalogue changes, and a search page shows twenty cards on every request. Cards are read only.
 */
const methodCards = new WeakMap<Method, MethodCard>();

/** The few facts a result card shows. */
export function methodCard(method: Method): MethodCard {
  let card = methodCards.get(method);
  if (!card) methodCards.set(method, (card = cardOfMethod(method)));
  return card;
}

function cardOfMethod(method: Method) {
  return {
    slug: method.slug,
    name: method.name,
    summary: method.summary,
    level: participationLevelInfo[method.level].label,
    modes: method.modes.map((m) => modeLabel[m]).join(', '),
    groupSize: rangeText(method.groupSize, 'Personen'),
    meetings: method.meetings.max === 0 ? 'ohne Treffen' : rangeText(method.meetings, method.meetings.max === 1 ? 'Termin' : 'Termine'),
    cost: costRangeText(method.typicalCostEuro),
    funding: method.fundingFit.status,
    fundingLabel: fundingFitLabel[method.fundingFit.status],
    targetGroups: method.targetGroups.map((t) => targetLabel.get(t) ?? t),
  };
}
export type MethodCard = Readonly<ReturnType<typeof cardOfMethod>>;

/** Results per page of the catalogue and the examples. */
export const RESULTS_PER_PAGE = 20;

/** More hits than any catalogue has: the filters and the pager work on the whole ranked list. */
const MAX_SEARCH_HITS = 100_000;

/**
 * The ranked ids of the latest searches, per kind, content stamp and stems (ADR 0077): the same
 * words on the same content give the same order, so paging, changing a filter and the popular
 * words of the day ask the index once. A new stamp is a new key; old keys age out.
 */
const RECENT_SEARCHES = 200;
const recentSearches = new Map<string, readonly string[]>();

/**
 * Ids of one kind's public documents that match the search words, best first: the database's
 * full-text index (ADR 0071), first brought up to the content state `stamp` (ADR 0077).
 */
async function rankedIds(kind: 'methode' | 'beispiel', text: string | null, stamp: string, documents: () => readonly SearchDocument[]) {
  const query = parseQuery(text);
  if (query.kind !== 'words') return [];
  const key = `${kind}\u0000${stamp}\u0000${query.stems.join(' ')}`;
  const known = recentSearches.get(key);
  if (known) {
    // Most recently used last: the oldest entry is the first to go.
    recentSearches.delete(key);
    recentSearches.set(key, known);
    return known;
  }
  const db = await getDb();
  await refreshSearchDocuments(db, kind, stamp, documents);
  const ids = (await searchContent(db, kind, query.stems, MAX_SEARCH_HITS)).map((hit) => hit.id);
  recentSearches.set(key, ids);
  if (recentSearches.size > RECENT_SEARCHES) recentSearches.delete(recentSearches.keys().next().value!);
  return ids;
}

export async function searchMethods(url: URL) {
  const params = url.searchParams;
  const { methods, stamp } = await catalogue();
  const ranked = await rankedIds('methode', params.get('q'), stamp, () => methods.map(methodSearchDocument));
  const result = queryCatalogue(params, methods, ranked);
  const { items, pager } = paginate(result.results, url, RESULTS_PER_PAGE);
  return {
    text: result.text.slice(0, 1000),
    filters: result.filters,
    queryMessage: result.query.kind === 'tooLong' || result.query.kind === 'noWords' ? result.query.message : null,
    searched: result.query.kind === 'words',
    results: items.map(methodCard),
    pager,
    total: methods.length,
    /** The draft a visitor came from (wizard link), carried to the method pages for "übernehmen". */
    draftId: /^\d{1,12}$/.test(params.get('antrag') ?? '') ? params.get('antrag') : null,
  };
}

export async function findMethod(slug: string): Promise<Method | undefined> {
  return (await catalogue()).methodBySlug(slug);
}

/** Methods serving the same goals, for "Ähnliche Methoden" on a method page. */
export async function similarMethods(method: Method, count = 3) {
  const { methods } = await catalogue();
  return rankByGoals(
    methods.filter((m) => m.slug !== method.slug),
    method.goals.map((g) => g.goal),
  )
    .slice(0, count)
    .map((hit) => methodCard(hit.method));
}

/** The finder page: chosen goals from the GET form, ranked methods or a German message. */
export async function findByGoals(params: URLSearchParams) {
  const { methods } = await catalogue();
  const chosen = parseFinderGoals(params.getAll('ziel'));
  const hits = chosen.ok ? rankByGoals(methods, chosen.goals).slice(0, 8) : [];
  return {
    goals: chosen.goals,
    message: chosen.ok ? null : chosen.message,
    hits: hits.map((h) => ({ card: methodCard(h.method), matched: h.matchedGoals.map((g) => goalInfo[g].label) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Into the application: a method becomes a format of the draft, its cost drivers become
// suggestions on the Kosten step that the applicant confirms one by one (amounts stay theirs).

/**
 * The draft with the method added as a format at the method's usual level; unchanged (`added:
 * false`) when the format is already there, so a second click or a repeated POST adds nothing.
 */
export function withMethodAdopted(data: ApplicationData, method: Method, newId: () => string): { data: ApplicationData; added: boolean } {
  if (!method.formatId) return { data, added: false };
  if (data.project.formats.some((f) => f.format === method.formatId)) return { data, added: false };
  const format = { id: newId(), format: method.formatId, level: method.level };
  return { data: { ...data, project: { ...data.project, formats: [...data.project.formats, format] } }, added: true };
}

export interface CostSuggestion {
  /** `slug.index`, posted as `suggest:lines:<key>` by the button that takes it over. */
  key: string;
  methodName: string;
  methodSlug: string;
  label: string;
  categoryLabel: string;
  why: string;
}

const categoryName = new Map(costCategories.map((c) => [c.id, c.label]));

/** Cost drivers of the draft's methods that have no budget line with the same description yet. */
export function costSuggestions(data: ApplicationData, { methodForFormat }: Pick<Catalogue, 'methodForFormat'>): CostSuggestion[] {
  const described = new Set(data.budget.lines.map((l) => (l.description ?? '').trim().toLowerCase()));
  const seen = new Set<string>();
  const suggestions: CostSuggestion[] = [];
  for (const choice of data.project.formats) {
    const method = methodForFormat(choice.format);
    if (!method || seen.has(method.slug)) continue;
    seen.add(method.slug);
    method.costDrivers.forEach((driver, index) => {
      if (described.has(driver.label.toLowerCase())) return;
      suggestions.push({
        key: `${method.slug}.${index}`,
        methodName: method.name,
        methodSlug: method.slug,
        label: driver.label,
        categoryLabel: categoryName.get(driver.category) ?? driver.category,
        why: driver.why,
      });
    });
  }
  return suggestions;
}

/** Row defaults for a suggested cost line (`slug.index`), or null for an unknown key. */
export function suggestedLineDefaults(key: string, { methodBySlug }: Pick<Catalogue, 'methodBySlug'>): Record<string, string> | null {
  const match = /^([a-z0-9-]{1,80})\.(\d{1,2})$/.exec(key);
  if (!match) return null;
  const driver = methodBySlug(match[1]!)?.costDrivers[Number(match[2])];
  if (!driver) return null;
  return { category: driver.category, kind: driver.kind, description: driver.label };
}

/** The note on the Vorhaben step after "Methode übernehmen" (query `methode=`). */
export function methodNotice(value: string | null): string | null {
  if (value === 'uebernommen')
    return 'Die Methode wurde als Beteiligungsformat übernommen. Beschreiben Sie unten, wie Sie sie einsetzen; ihre typischen Kosten finden Sie als Vorschläge im Schritt Kosten.';
  if (value === 'vorhanden') return 'Diese Methode ist bereits als Beteiligungsformat gewählt.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Good examples: the entries editors approved (ADR 0069), then the demo entries.

/** Published examples first (newest project first), then the fictional demo entries. */
export async function allExamples(cat?: Catalogue): Promise<GoodExample[]> {
  return (await publicExamples(cat ?? (await catalogue()))).list;
}

// The public list, kept while neither the catalogue nor the grantees' offers change; its stamp names
// that state (the search documents follow it, ADR 0077).
let examplesCache: { cat: Catalogue; stamp: string; value: Promise<{ list: GoodExample[]; stamp: string }> } | null = null;

async function publicExamples(cat: Catalogue): Promise<{ list: GoodExample[]; stamp: string }> {
  const db = await getDb();
  const stamp = await submissionsStamp(db);
  if (examplesCache?.cat !== cat || examplesCache.stamp !== stamp) {
    const value = (async () => {
      const offered = await listPublishedExamples(db);
      const byYear = (a: GoodExample, b: GoodExample) => b.year - a.year || a.title.localeCompare(b.title, 'de');
      const real = [...offered, ...cat.examples.filter((e) => !e.fictional)];
      const list = [...real.sort(byYear), ...cat.examples.filter((e) => e.fictional).sort(byYear)];
      return { list, stamp: `${cat.stamp}/${stamp}` };
    })();
    examplesCache = { cat, stamp, value };
    value.catch(() => {
      if (examplesCache?.value === value) examplesCache = null;
    });
  }
  return examplesCache.value;
}

/** Example cards per catalogue lookup and example object, made once (as the method cards above). */
const exampleCards = new WeakMap<Catalogue['methodBySlug'], WeakMap<GoodExample, ExampleCard>>();

/** A result card; method names from the given catalogue (the release's own names where none is given). */
export function exampleCard(
  example: GoodExample,
  { methodBySlug }: Pick<Catalogue, 'methodBySlug'> = { methodBySlug: programMethodBySlug },
): ExampleCard {
  let cards = exampleCards.get(methodBySlug);
  if (!cards) exampleCards.set(methodBySlug, (cards = new WeakMap()));
  let card = cards.get(example);
  if (!card) cards.set(example, (card = cardOfExample(example, methodBySlug)));
  return card;
}

function cardOfExample(example: GoodExample, methodBySlug: Catalogue['methodBySlug']) {
  return {
    slug: example.slug,
    title: example.title,
    fictional: example.fictional,
    summary: example.summary,
    place: `${example.place}, ${landkreisLabel[example.landkreis]}`,
    organisation: organisationKindInfo[example.organisationKind].label,
    route: routeInfo[example.fundingRoute].label,
    year: example.year,
    budget: budgetRanges[example.budgetRange].label,
    people: formatNumber(example.peopleReached),
    methods: example.methodSlugs.map((slug) => ({ slug, name: methodBySlug(slug)?.name ?? slug })),
  };
}
export type ExampleCard = Readonly<ReturnType<typeof cardOfExample>>;

/** The examples page: search and filters from a GET form, a page of results; unknown filter values are ignored. */
export async function searchExamples(url: URL) {
  const cat = await catalogue();
  const { list, stamp } = await publicExamples(cat);
  const ranked = await rankedIds('beispiel', url.searchParams.get('q'), stamp, () =>
    list.map((e) => exampleSearchDocument(e, cat.methodBySlug)),
  );
  const { matches, ...rest } = matchExamples(list, url.searchParams, cat, ranked);
  const { items, pager } = paginate(matches, url, RESULTS_PER_PAGE);
  return { ...rest, results: items.map((e) => exampleCard(e, cat)), pager };
}

// Per published list (kept per content state, see publicExamples): examples by slug, and the
// method choices of a catalogue for that list; a search page asks for them on every request.
const examplesBySlug = new WeakMap<readonly GoodExample[], ReadonlyMap<string, GoodExample>>();
const methodChoices = new WeakMap<readonly GoodExample[], WeakMap<readonly Method[], Array<{ value: string; label: string }>>>();

function bySlugOf(examples: readonly GoodExample[]): ReadonlyMap<string, GoodExample> {
  let index = examplesBySlug.get(examples);
  if (!index) examplesBySlug.set(examples, (index = new Map(examples.map((e) => [e.slug, e]))));
  return index;
}

/** The methods at least one of the examples used: a choice that can only find nothing is no choice. */
function methodChoicesOf(methods: readonly Method[], examples: readonly GoodExample[]) {
  let perCatalogue = methodChoices.get(examples);
  if (!perCatalogue) methodChoices.set(examples, (perCatalogue = new WeakMap()));
  let choices = perCatalogue.get(methods);
  if (!choices) {
    const used = new Set(examples.flatMap((e) => e.methodSlugs));
    choices = methods.filter((m) => m.formatId && used.has(m.slug)).map((m) => ({ value: m.slug, label: m.name }));
    perCatalogue.set(methods, choices);
  }
  return choices;
}

/** The chosen method stays choosable when no example uses it (a link from its method page). */
function withChosen(choices: Array<{ value: string; label: string }>, chosen: Method | undefined) {
  if (!chosen || choices.some((o) => o.value === chosen.slug)) return choices;
  return [...choices, { value: chosen.slug, label: chosen.name }];
}

/** Filters the examples; with search words, keeps the order of `ranked` (slugs, best first). */
export function matchExamples(
  examples: readonly GoodExample[],
  params: URLSearchParams,
  cat: Pick<Catalogue, 'methods' | 'methodBySlug'>,
  ranked: readonly string[] = [],
) {
  const { methods, methodBySlug } = cat;
  const text = params.get('q') ?? '';
  const query = parseQuery(text);
  const methode = params.get('methode');
  const route = fundingRoutes.find((r) => r === params.get('foerderweg')) as FundingRoute | undefined;
  const method = methode ? methodBySlug(methode) : undefined;
  let list: readonly GoodExample[] = method ? examplesWithMethod(method.slug, examples) : examples;
  if (route) list = list.filter((e) => e.fundingRoute === route);
  if (query.kind === 'words') {
    // The ranked slugs in their order, limited to the filtered examples (all of them without filters).
    const allowed = method || route ? new Set(list.map((e) => e.slug)) : null;
    const index = bySlugOf(examples);
    const found: GoodExample[] = [];
    for (const slug of ranked) {
      const example = index.get(slug);
      if (example && (!allowed || allowed.has(slug))) found.push(example);
    }
    list = found;
  } else if (query.kind !== 'none') list = [];
  return {
    text: text.slice(0, 1000),
    queryMessage: query.kind === 'tooLong' || query.kind === 'noWords' ? query.message : null,
    methode: method?.slug ?? '',
    foerderweg: route ?? '',
    methodOptions: withChosen(methodChoicesOf(methods, examples), method),
    routeOptions: fundingRoutes.map((r) => ({ value: r, label: routeInfo[r].label })),
    matches: list,
  };
}

export async function findExample(slug: string) {
  const cat = await catalogue();
  const examples = await allExamples(cat);
  const example = examples.find((e) => e.slug === slug);
  if (!example) return undefined;
  return {
    ...exampleCard(example, cat),
    whatWorked: example.whatWorked,
    doDifferently: example.doDifferently,
    contact: example.contact,
    images: example.images ?? [],
    /** An editorial entry (editors change it at /redaktion); grantees' offers are decided at /beispiele/redaktion. */
    editorial: cat.examples.some((e) => e.slug === slug),
    similar: similarExamples(example, examples).map((e) => exampleCard(e, cat)),
  };
}

export async function examplesForMethod(methodSlug: string) {
  const cat = await catalogue();
  return examplesWithMethod(methodSlug, await allExamples(cat))
    .slice(0, 3)
    .map((e) => exampleCard(e, cat));
}

/** The organisation's drafts a method can still be adopted into (the method page's choice). */
export async function adoptableDrafts(organisationId: number): Promise<Array<{ id: number; title: string }>> {
  return (await listApplications(await getDb(), organisationId, { deleted: false }))
    .filter((a) => isEditable(a.status as AdviceStatus))
    .map((a) => ({ id: a.id, title: a.title || `Antrag ${a.id}` }));
}
