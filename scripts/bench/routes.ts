import { createRequire } from 'node:module';
import type { AgnosticRouteObject } from '@remix-run/router';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * ADR 0095 and 0098: Remix's route matching on the server, on the app's own route tree (from the
 * build). Per call of `matchRoutes` (several per request): with the ranked branches kept for the
 * route array, as the server's arrays are, and with a new array each call, which is flattened and
 * ranked again as every call was before ADR 0098 (plus keeping that array's branches, so a little
 * dearer than an unpatched call; compiled patterns are kept in both).
 */
type RouteEntry = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };

const paths = ['/', '/antraege/12/zeitplan', '/methoden', '/beispiele/jugendforum-musterstadt', '/regelwerk/pruefstand', '/gibt/es/nicht'];

function microsPerCall(match: () => void, seconds: number): number {
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    match();
    calls += paths.length;
  }
  return ((performance.now() - started) * 1000) / calls;
}

export async function benchRoutes() {
  const { matchRoutes } = createRequire(import.meta.url)('@remix-run/router') as typeof import('@remix-run/router');
  const build = (await import(pathToFileURL(resolve('build/index.js')).href)) as { routes: Record<string, RouteEntry> };
  const children = new Map<string | undefined, RouteEntry[]>();
  for (const route of Object.values(build.routes)) children.set(route.parentId, [...(children.get(route.parentId) ?? []), route]);
  // Index routes have no children (React Router refuses them), the others keep theirs.
  const tree = (parentId: string | undefined): AgnosticRouteObject[] =>
    (children.get(parentId) ?? []).map((r) =>
      r.index
        ? { id: r.id, index: true, caseSensitive: r.caseSensitive }
        : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
    );
  const routes = tree(undefined);
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const kept = microsPerCall(() => {
    for (const path of paths) matchRoutes(routes, path);
  }, seconds);
  const anew = microsPerCall(() => {
    for (const path of paths) matchRoutes([...routes], path);
  }, seconds);
  console.log(`\n## Routen finden (matchRoutes, ${Object.keys(build.routes).length} Routen des Builds)`);
  console.table([
    { Messung: 'Zweige je Routen-Array behalten (Server, ADR 0098)', 'µs je Aufruf': kept.toFixed(1) },
    { Messung: 'Baum bei jedem Aufruf neu flach gemacht und sortiert', 'µs je Aufruf': anew.toFixed(1) },
  ]);
}
