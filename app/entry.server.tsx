import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { loadTemplate } from '../forms/antrag';
import { isStorageFault, NewerDatabaseError } from '../db/client';
import { config } from './config.server';
import { getDb } from './db.server';
import { startHousekeeping } from './housekeeping.server';
import { log } from './utils/log.server';
import { withoutNulBytes } from './utils/nul-bytes.server';
import { NonceProvider } from './utils/nonce';
import { isDocumentPage } from './utils/page-scripts';

export { answerStorageFaults } from './utils/storage-faults.server';
export { withRequestId } from './utils/request-context.server';

const ABORT_DELAY = 5_000;

/** Called by server.mjs before it listens: migrations run, and a broken setup stops the start. */
export async function startup(): Promise<void> {
  try {
    await getDb();
  } catch (error) {
    if (error instanceof NewerDatabaseError) throw new Error(`${config.database}: ${error.message}`, { cause: error });
    if (isStorageFault(error) && config.database.startsWith('postgres')) {
      throw new Error(
        `Die PostgreSQL-Datenbank ${config.database} ist nicht erreichbar oder nimmt nichts an (${(error as Error).message || String((error as { code?: string }).code)}). ` +
          'Prüfen Sie DATABASE_URL (Rechner, Port, Datenbankname, Benutzer) und ob der Datenbankserver läuft.',
        { cause: error },
      );
    }
    const code = (error as { code?: unknown }).code;
    if (config.database.startsWith('postgres') && typeof code === 'string' && /^(3D000|28000|28P01|3F000|42501)$/.test(code)) {
      // Database or schema missing, login refused, no rights: the server answers, the settings are wrong.
      throw new Error(
        `Die PostgreSQL-Datenbank ${config.database} lässt sich nicht verwenden (${(error as Error).message}). ` +
          'Prüfen Sie DATABASE_URL (Datenbankname, Benutzer, Passwort), DATABASE_SCHEMA und die Rechte des Benutzers.',
        { cause: error },
      );
    }
    if (isStorageFault(error)) {
      throw new Error(
        `Die Datenbank ${config.database} kann nicht geöffnet oder beschrieben werden (${(error as Error).message}). ` +
          'Prüfen Sie den freien Speicherplatz und die Schreibrechte für die Datei und ihren Ordner.',
        { cause: error },
      );
    }
    if (config.database.startsWith('postgres') && /^Migration /.test((error as Error).message)) {
      throw new Error(
        `${(error as Error).message}. Die Migrationen laufen auf PostgreSQL in einer Transaktion; es wurde nichts davon übernommen. ` +
          'Beheben Sie die Ursache und starten Sie erneut.',
        { cause: error },
      );
    }
    throw error;
  }
  // A missing PDF template is a broken installation: say so now, not at the first download.
  loadTemplate();
  startHousekeeping();
}

/**
 * Called by server.mjs after the last request in flight was answered: closes the database (the
 * PostgreSQL pool hands its connections back; SQLite checkpoints its WAL).
 */
export async function shutdown(): Promise<void> {
  const db = await getDb().catch(() => null);
  await db?.destroy();
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const url = new URL(request.url);
  log('error', 'request.failed', {
    method: request.method,
    path: url.pathname,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const app = (
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>
  );
  if (isDocumentOnly(remixContext)) {
    // A document page (ADR 0056, 0086) renders no React scripts and so carries no loader data for
    // the browser: its data is not encoded (with the patch of @remix-run/server-runtime it never is;
    // without it the encoded stream is dropped), and nothing on the page waits, so it is rendered in
    // one piece (ADR 0104). A render error thrown here reaches Remix's render of the error boundary.
    remixContext.serverHandoffStream = undefined;
    responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
    return new Response(`<!DOCTYPE html>${renderToString(app)}`, { headers: responseHeaders, status: responseStatusCode });
  }
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true;
        // React writes into it; it passes the HTML on without the NUL bytes React 18 leaves.
        const body = withoutNulBytes();
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) {
          log('error', 'render.failed', { message: error instanceof Error ? error.message : String(error) });
        }
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Whether a matched route is a document page, which the root renders without React's scripts. */
function isDocumentOnly(remixContext: EntryContext): boolean {
  return remixContext.staticHandlerContext.matches.some((match) => isDocumentPage(remixContext.routeModules[match.route.id]?.handle));
}
