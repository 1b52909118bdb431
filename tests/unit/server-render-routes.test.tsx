import { createRequire } from 'node:module';
import type { ServerBuild } from '@remix-run/server-runtime';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { remixBuild } from '../support/remix-build';

/*
 * patches/@remix-run+react+*.patch and patches/react-router-dom+*.patch (ADR 0101): the server
 * renders every page from one route tree per build instead of building the tree, converting it to
 * data routes and ranking its branches again on every request. What must hold: each request still
 * renders its own route with its own data, the tree is built once however many requests come, and a
 * build with other route modules gets a tree of its own.
 *
 * The CommonJS builds, as the server bundle loads them (`require`).
 */
const require = createRequire(import.meta.url);
const remix = require('@remix-run/react') as typeof import('@remix-run/react');
const remixRoutes = require('@remix-run/react/dist/routes.js') as { createServerRoutes: (...args: unknown[]) => unknown };
const router = require('@remix-run/router') as typeof import('@remix-run/router');
const runtime = require('@remix-run/server-runtime') as typeof import('@remix-run/server-runtime');

afterEach(() => {
  vi.restoreAllMocks();
});

/** A route's page: which build, which route and which call of its loader rendered it. */
function Page() {
  const data = remix.useLoaderData() as { label: string; id: string; n: number };
  return (
    <p>
      {data.label} {data.id} {data.n}
    </p>
  );
}

/** A build of three routes (root, /a, /b): the pages say which route and which data they rendered. */
function build(label: string, assets?: ServerBuild['assets']): ServerBuild {
  let n = 0;
  const loader = (id: string) => () => ({ label, id, n: ++n });
  return remixBuild({
    version: label,
    entry: (request: Request, status: number, headers: Headers, context: import('@remix-run/server-runtime').EntryContext) => {
      const html = renderToString(<remix.RemixServer context={context} url={request.url} />);
      return new Response(html, { status, headers });
    },
    root: { default: remix.Outlet, loader: () => null },
    children: {
      'routes/a': { path: 'a', module: { default: Page, loader: loader('a') } },
      'routes/b': { path: 'b', module: { default: Page, loader: loader('b') } },
    },
    singleFetch: false,
    assets,
  });
}

const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, '');

describe('one route tree per build for server rendering', () => {
  it('renders each request from the same tree, built once, with its own route and data', async () => {
    const handler = runtime.createRequestHandler(build('eins'), 'production');
    expect(await text(await handler(new Request('http://x/a')))).toContain('<p>eins a 1</p>');
    const tree = vi.spyOn(remixRoutes, 'createServerRoutes');
    const convert = vi.spyOn(router, 'UNSAFE_convertRoutesToDataRoutes');
    expect(await text(await handler(new Request('http://x/b')))).toContain('<p>eins b 2</p>');
    expect(await text(await handler(new Request('http://x/a')))).toContain('<p>eins a 3</p>');
    expect(await text(await handler(new Request('http://x/b')))).toContain('<p>eins b 4</p>');
    expect(tree).not.toHaveBeenCalled();
    expect(convert).not.toHaveBeenCalled();
  });

  it('a build with other route modules (the same manifest) renders from a tree of its own', async () => {
    const first = build('erste');
    const second = build('zweite', first.assets);
    const one = runtime.createRequestHandler(first, 'production');
    const two = runtime.createRequestHandler(second, 'production');
    expect(await text(await one(new Request('http://x/a')))).toContain('<p>erste a 1</p>');
    const tree = vi.spyOn(remixRoutes, 'createServerRoutes');
    expect(await text(await two(new Request('http://x/a')))).toContain('<p>zweite a 1</p>');
    expect(tree).toHaveBeenCalledTimes(1);
    expect(await text(await one(new Request('http://x/b')))).toContain('<p>erste b 2</p>');
    expect(tree).toHaveBeenCalledTimes(2);
  });
});
