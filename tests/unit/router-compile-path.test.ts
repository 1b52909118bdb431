import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

/*
 * patches/@remix-run+router+*.patch (ADR 0095) keeps the route patterns React Router's matching
 * compiles. Both builds are patched: the CommonJS one the server loads and the ES module one the
 * browser bundle is built from. What must hold: a pattern is compiled once (its warning for a
 * pattern like "/x*" comes once, where the unpatched router warns on every match), and the flags
 * are part of what is kept, so a case-sensitive or open-ended pattern never gets another's matcher.
 */
type Router = typeof import('@remix-run/router');
/** Each build: its name, a slug for patterns no other test uses, and how to load it. */
const builds: Array<[string, string, () => Promise<Router>]> = [
  ['CommonJS (server)', 'cjs', async () => createRequire(import.meta.url)('@remix-run/router') as Router],
  ['ES module (browser bundle)', 'esm', async () => (await import('@remix-run/router/dist/router.js')) as unknown as Router],
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(builds)('route patterns compiled once, %s', (_name, slug, load) => {
  it('compiles a pattern once: its warning comes at the first match only', async () => {
    const { matchPath } = await load();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // A pattern of this test and build alone, so no earlier match has compiled it.
    const pattern = `/warn-once-${slug}*`;
    for (const rest of ['a', 'b', 'c']) expect(matchPath(pattern, `/warn-once-${slug}/${rest}`)).not.toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('keeps case-sensitive and case-insensitive patterns apart, in either order', async () => {
    const { matchPath } = await load();
    expect(matchPath({ path: '/Methoden/:slug' }, '/methoden/world-cafe')?.params).toEqual({ slug: 'world-cafe' });
    expect(matchPath({ path: '/Methoden/:slug', caseSensitive: true }, '/methoden/world-cafe')).toBeNull();
    expect(matchPath({ path: '/Beispiele/:slug', caseSensitive: true }, '/beispiele/x')).toBeNull();
    expect(matchPath({ path: '/Beispiele/:slug' }, '/beispiele/x')?.params).toEqual({ slug: 'x' });
  });

  it('keeps patterns that match to the end apart from those that match a prefix', async () => {
    const { matchPath } = await load();
    expect(matchPath({ path: '/antraege/:id', end: false }, '/antraege/7/kosten')?.pathnameBase).toBe('/antraege/7');
    expect(matchPath({ path: '/antraege/:id', end: true }, '/antraege/7/kosten')).toBeNull();
    expect(matchPath({ path: '/antraege/:id' }, '/antraege/7/kosten')).toBeNull();
    expect(matchPath({ path: '/antraege/:id', end: false }, '/antraege/8')?.params).toEqual({ id: '8' });
  });

  it('matches a nested route tree the same on every call, also after the cache started over', async () => {
    const { matchPath, matchRoutes } = await load();
    const routes = [
      {
        id: 'root',
        path: '/',
        children: [
          { id: 'start', index: true },
          { id: 'antrag', path: 'antraege/:id', children: [{ id: 'schritt', path: ':schritt' }] },
          { id: 'rest', path: '*' },
        ],
      },
    ];
    const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id);
    const expected = {
      '/': ['root', 'start'],
      '/antraege/3': ['root', 'antrag'],
      '/antraege/3/kosten': ['root', 'antrag', 'schritt'],
      '/gibt/es/nicht': ['root', 'rest'],
    };
    for (const [path, chain] of Object.entries(expected)) expect(ids(path), path).toEqual(chain);
    // More distinct patterns than the cache keeps (1 000): it starts over, matching stays the same.
    for (let i = 0; i < 1_200; i++) expect(matchPath(`/viele/${i}/:x`, `/viele/${i}/y`)?.params).toEqual({ x: 'y' });
    for (const [path, chain] of Object.entries(expected)) expect(ids(path), path).toEqual(chain);
  });
});

/*
 * ADR 0098: the CommonJS build (the server's) also keeps the ranked branches of a route tree per
 * route array, instead of flattening and ranking the whole tree on every match. The browser's build
 * is left as it is (route discovery adds routes to its tree while it runs).
 */
describe('route trees flattened once per route array, CommonJS (server)', () => {
  const router = () => createRequire(import.meta.url)('@remix-run/router') as Router;

  /** A tree whose root counts how often its children are read: once per flattening. */
  function countedTree() {
    let reads = 0;
    const children = [
      { id: 'start', index: true },
      { id: 'antrag', path: 'antraege/:id', children: [{ id: 'schritt', path: ':schritt' }] },
      { id: 'methode', path: 'methoden/:slug' },
      { id: 'rest', path: '*' },
    ];
    const root = {
      id: 'root',
      path: '/',
      get children() {
        reads += 1;
        return children;
      },
    };
    return { routes: [root], reads: () => reads };
  }

  it('flattens a tree at its first match only, and matches every path as before', () => {
    const { matchRoutes } = router();
    const { routes, reads } = countedTree();
    const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id);
    expect(ids('/antraege/3/kosten')).toEqual(['root', 'antrag', 'schritt']);
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      expect(ids('/')).toEqual(['root', 'start']);
      expect(ids('/antraege/3')).toEqual(['root', 'antrag']);
      expect(matchRoutes(routes, '/methoden/world-cafe')?.at(-1)?.params).toEqual({ slug: 'world-cafe' });
      expect(ids('/gibt/es/nicht')).toEqual(['root', 'rest']);
    }
    expect(reads()).toBe(afterFirst);
    // Another array with the same routes is another tree: flattened on its own.
    expect(matchRoutes([...routes], '/')?.map((m) => m.route.id)).toEqual(['root', 'start']);
    expect(reads()).toBeGreaterThan(afterFirst);
  });

  it('sees routes a browser router adds to its tree in place while it navigates (route discovery)', async () => {
    const { createRouter, createMemoryHistory } = router();
    const discovering = createRouter({
      routes: [{ id: 'root', path: '/', children: [{ id: 'start', index: true }] }],
      history: createMemoryHistory(),
      // Called when a path matches nothing yet; adds the route to the very array it matched against.
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path === '/neu') patch('root', [{ id: 'neu', path: 'neu' }]);
      },
    });
    discovering.initialize();
    await discovering.navigate('/neu');
    expect(discovering.state.errors).toBeNull();
    expect(discovering.state.matches.map((m) => m.route.id)).toEqual(['root', 'neu']);
    discovering.dispose();
  });

  /*
   * ADR 0102: the matches of a path are kept with the tree's branches too, and every call gets copies.
   * The ES module build keeps nothing (ADR 0098), so it is the reference the kept answers must equal.
   */
  const reference = async () => (await import('@remix-run/router/dist/router.js')) as unknown as Router;
  const tree = () => [
    {
      id: 'root',
      path: '/',
      children: [
        { id: 'start', index: true },
        { id: 'antrag', path: 'antraege/:id', children: [{ id: 'schritt', path: ':schritt' }] },
        { id: 'datei', path: 'dateien/*' },
        { id: 'optional', path: 'karte/:ort?' },
        { id: 'Gross', path: 'Gross', caseSensitive: true },
        { id: 'rest', path: '*' },
      ],
    },
  ];
  const paths = [
    '/',
    '/antraege/3',
    '/antraege/3/kosten',
    '/dateien/a/b%20c.pdf',
    '/karte',
    '/karte/Zittau',
    '/Gross',
    '/gross',
    '/gibt/es/nicht',
    '/antraege/%C3%A4',
  ];

  it('a path matched again gives what the unkept router gives, every time', async () => {
    const { matchRoutes } = router();
    const plain = (await reference()).matchRoutes;
    const routes = tree();
    const expected = tree();
    for (let round = 0; round < 3; round++)
      for (const path of paths) expect(matchRoutes(routes, path), `${path}, round ${round}`).toEqual(plain(expected, path));
  });

  it('each call gets matches of its own: changing them changes nothing for the next call', () => {
    const { matchRoutes } = router();
    const routes = tree();
    const first = matchRoutes(routes, '/antraege/3/kosten')!;
    // As React Router makes them: the matches of one path share one params object.
    expect(first[0]!.params).toBe(first[2]!.params);
    (first[2]!.params as Record<string, string>).id = 'verändert';
    first[1]!.pathname = '/anders';
    first.pop();
    const second = matchRoutes(routes, '/antraege/3/kosten')!;
    expect(second.map((m) => [m.route.id, m.pathname, m.params])).toEqual([
      ['root', '/', { id: '3', schritt: 'kosten' }],
      ['antrag', '/antraege/3', { id: '3', schritt: 'kosten' }],
      ['schritt', '/antraege/3/kosten', { id: '3', schritt: 'kosten' }],
    ]);
    expect(second[0]!.params).toBe(second[2]!.params);
    expect(second[0]!.params).not.toBe(first[0]!.params);
  });

  it('more paths than are kept (1 000 per tree): the oldest go, every answer stays right', () => {
    const { matchRoutes } = router();
    const routes = tree();
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 1_200; i++)
        expect(matchRoutes(routes, `/antraege/${i}/kosten`)?.at(-1)?.params).toEqual({ id: String(i), schritt: 'kosten' });
  });
});
