import type { ServerBuild } from '@remix-run/server-runtime';

type RouteModule = Record<string, unknown>;

/**
 * A Remix server build of a root route and its children, for rendering through Remix's own request
 * handler in unit tests. The manifest says what each module has (loader, error boundary); `assets`
 * replaces the manifest (a second build with the same one).
 */
export function remixBuild(input: {
  version: string;
  entry: RouteModule['default'];
  root: RouteModule;
  children: Record<string, { path: string; module: RouteModule }>;
  singleFetch: boolean;
  assets?: ServerBuild['assets'];
}): ServerBuild {
  const all = { root: { path: '', module: input.root }, ...input.children };
  const routes = Object.fromEntries(
    Object.entries(all).map(([id, route]) => [
      id,
      { id, path: route.path, module: route.module, ...(id === 'root' ? {} : { parentId: 'root' }) },
    ]),
  );
  const manifest = Object.fromEntries(
    Object.entries(all).map(([id, route]) => [
      id,
      {
        id,
        path: route.path,
        ...(id === 'root' ? {} : { parentId: 'root' }),
        module: `/${id}.js`,
        imports: [],
        hasLoader: typeof route.module.loader === 'function',
        hasAction: false,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: 'ErrorBoundary' in route.module,
      },
    ]),
  );
  return {
    mode: 'production',
    entry: { module: { default: input.entry } },
    routes,
    assets: input.assets ?? { entry: { imports: [], module: '/entry.js' }, url: '/manifest.js', version: input.version, routes: manifest },
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    future: { v3_singleFetch: input.singleFetch },
    isSpaMode: false,
  } as unknown as ServerBuild;
}
