import { createRequire } from 'node:module';
import type { ServerBuild } from '@remix-run/server-runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import handleRequest from '../../app/entry.server';
import { documentPage, isDocumentPage } from '../../app/utils/page-scripts';
import { remixBuild } from '../support/remix-build';

/*
 * ADR 0104: a document page (no React in the browser, ADR 0056/0086) is rendered in one piece and its
 * loader data is never encoded for the browser (patches/@remix-run+server-runtime+*.patch makes
 * Remix's `serverHandoffStream` lazy); a page that runs React still streams and still carries its data
 * for hydration. Rendered through Remix's request handler with single fetch, as the app is, with the
 * app's own entry. The CommonJS builds, as the server bundle loads them (`require`).
 */
const require = createRequire(import.meta.url);
const remix = require('@remix-run/react') as typeof import('@remix-run/react');
const runtime = require('@remix-run/server-runtime') as typeof import('@remix-run/server-runtime');
const singleFetch = require('@remix-run/server-runtime/dist/single-fetch.js') as { encodeViaTurboStream: (...args: unknown[]) => unknown };

afterEach(() => {
  vi.restoreAllMocks();
});

/** The root as the app's: React's scripts only when no matched route is a document page. */
function Root() {
  const documentOnly = remix.useMatches().some((match) => isDocumentPage(match.handle));
  return (
    <html lang="de-DE">
      <head>
        <title>Test</title>
      </head>
      <body>
        <remix.Outlet />
        {documentOnly ? null : <remix.Scripts />}
      </body>
    </html>
  );
}

/** The root's error page, as the app's: a document page that failed is still rendered as a document. */
function ErrorPage() {
  const error = remix.useRouteError() as { status?: number };
  return (
    <html lang="de-DE">
      <head>
        <title>Fehler</title>
      </head>
      <body>
        <h1>Fehler {error.status}</h1>
      </body>
    </html>
  );
}

function Page() {
  const data = remix.useLoaderData() as { words: string };
  return <p>{data.words}</p>;
}

function build(): ServerBuild {
  return remixBuild({
    version: 'test',
    entry: handleRequest,
    root: { default: Root, ErrorBoundary: ErrorPage, loader: () => null },
    children: {
      'routes/dokument': {
        path: 'dokument',
        module: { default: Page, loader: () => ({ words: 'Größe des Vorhabens' }), handle: documentPage },
      },
      'routes/app': { path: 'app', module: { default: Page, loader: () => ({ words: 'Übersicht der Anträge' }) } },
    },
    singleFetch: true,
  });
}

const loadContext = { cspNonce: 'n0nce' } as unknown as Parameters<ReturnType<typeof runtime.createRequestHandler>>[1];

describe('document pages rendered in one piece, without their data for the browser', () => {
  it('a document page: the whole page once, no data encoded, no place left for streamed data', async () => {
    const handler = runtime.createRequestHandler(build(), 'production');
    const encode = vi.spyOn(singleFetch, 'encodeViaTurboStream');
    const response = await handler(new Request('http://x/dokument'), loadContext);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(html.startsWith('<!DOCTYPE html><html lang="de-DE">')).toBe(true);
    expect(html.match(/<!DOCTYPE/g)).toHaveLength(1);
    expect(html).toContain('<p>Größe des Vorhabens</p>');
    expect(html.endsWith('</body></html>')).toBe(true);
    expect(html).not.toContain('streamController');
    expect(encode).not.toHaveBeenCalled();
  });

  it('a page that runs React streams and carries its loader data for hydration', async () => {
    const handler = runtime.createRequestHandler(build(), 'production');
    const encode = vi.spyOn(singleFetch, 'encodeViaTurboStream');
    const html = await (await handler(new Request('http://x/app'), loadContext)).text();
    expect(html).toContain('<p>Übersicht der Anträge</p>');
    expect(html).toMatch(/streamController\.enqueue\(.*Übersicht der Anträge/s);
    expect(encode).toHaveBeenCalledTimes(1);
  });

  it('a document page whose loader fails gets the error page in one piece, without data', async () => {
    const failing = build();
    failing.routes['routes/dokument']!.module.loader = () => {
      throw new Response('Nicht gefunden', { status: 404 });
    };
    const handler = runtime.createRequestHandler(failing, 'production');
    const encode = vi.spyOn(singleFetch, 'encodeViaTurboStream');
    const response = await handler(new Request('http://x/dokument'), loadContext);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<h1>Fehler <!-- -->404</h1>');
    expect(html).not.toContain('streamController');
    expect(encode).not.toHaveBeenCalled();
  });
});
