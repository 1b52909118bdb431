import type { ClientLoaderFunction } from '@remix-run/react';

/**
 * Public pages are documents, not app views (ADR 0056): they are served without React in the
 * browser, with the few lines of public/js/enhance.js instead (issue 21: ≤ 60 kB of JavaScript on
 * public pages, and React alone is 80 kB). A route says so with
 *
 *   export const handle = documentPage;
 *   export const clientLoader = loadAsDocument;
 *
 * The root renders no React scripts when any matched route carries `documentPage`. A route without a
 * server loader exports only the handle: with a clientLoader and no loader, Remix renders a
 * hydration fallback on the server instead of the page.
 */
export interface PageHandle {
  /** False: the page is a plain document; the root leaves React's scripts out. */
  hydrate?: boolean;
  /** Plain scripts from public/js the document page needs besides enhance.js (ADR 0086). */
  scripts?: readonly string[];
}

export const documentPage: PageHandle = { hydrate: false };

/** A document page with enhancements of its own, e.g. `documentPageWith('/js/wizard.js')`. */
export function documentPageWith(...scripts: string[]): PageHandle {
  return { hydrate: false, scripts };
}

export function isDocumentPage(handle: unknown): boolean {
  return (handle as PageHandle | undefined)?.hydrate === false;
}

/** The extra scripts the matched document pages ask for, each once, in order. */
export function pageScriptsOf(handles: readonly unknown[]): string[] {
  return [...new Set(handles.flatMap((handle) => (handle as PageHandle | undefined)?.scripts ?? []))];
}

/**
 * When a page that runs React links to a document page, the browser loads it as a document (so
 * its enhancements run) instead of React rendering it in place. Runs only on such client-side
 * navigations, never on a document load.
 */
export const loadAsDocument: ClientLoaderFunction = ({ request }) => {
  window.location.assign(request.url);
  return new Promise(() => {});
};
