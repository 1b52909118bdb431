import type { ServerBuild } from '@remix-run/node';
import { isDatabaseUnreachable, isStorageFault } from '../../db/client';
import { log } from './log.server';
import { storageFaultDocument } from './storage-fault-document.server';
import type { StorageUnavailable } from './storage-unavailable';

/*
 * When the storage cannot take a write (disk full, database read-only, I/O error, PostgreSQL away), a request is
 * answered 503 with what the user sent, so nothing typed is lost and one click sends it again
 * once the fault is fixed. Nothing was written: every write is one transaction.
 */

/**
 * The 503 a storage fault becomes. `form` is what the request sent: a copy of a plain form's body
 * (read now, after the action failed), or for an upload only the fact that files were lost.
 */
async function unavailable(
  request: Request,
  error: unknown,
  resource: boolean,
  form?: { copy: Request | null; hadFiles: boolean },
): Promise<Response> {
  const url = new URL(request.url);
  log('error', 'storage.unavailable', {
    method: request.method,
    path: url.pathname,
    code: typeof error === 'object' && error && 'code' in error ? String(error.code) : null,
    message: error instanceof Error ? error.message : String(error),
  });
  const entries: Array<[string, string]> = [];
  try {
    for (const [name, value] of form?.copy ? await form.copy.formData() : []) if (typeof value === 'string') entries.push([name, value]);
  } catch {
    // A body that cannot be read was refused before it could reach the storage.
  }
  const body: StorageUnavailable = {
    storageUnavailable: true,
    action: form ? url.pathname + url.search : null,
    entries,
    hadFiles: form?.hadFiles ?? false,
    unreachable: isDatabaseUnreachable(error),
  };
  // A resource route has no page frame to show it in: it answers the page as a document of its own.
  if (resource) {
    return new Response(storageFaultDocument(body), {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60', 'Cache-Control': 'no-store' },
    });
  }
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '60' },
  });
}

type DataFunction = (args: { request: Request }) => unknown;

function guardLoader(loader: DataFunction, resource: boolean): DataFunction {
  return async (args) => {
    try {
      return await loader(args);
    } catch (error) {
      if (!isStorageFault(error)) throw error;
      throw await unavailable(args.request, error, resource);
    }
  };
}

function guardAction(action: DataFunction, resource: boolean): DataFunction {
  return async (args) => {
    const type = args.request.headers.get('content-type') ?? '';
    // Plain forms are copied before the action reads them; uploads (up to 10 MB) are not.
    const copy = type.startsWith('application/x-www-form-urlencoded') ? args.request.clone() : null;
    try {
      return await action(args);
    } catch (error) {
      if (!isStorageFault(error)) throw error;
      throw await unavailable(args.request, error, resource, { copy, hadFiles: type.startsWith('multipart/form-data') });
    }
  };
}

/**
 * Wraps every loader and action of the build (server.mjs applies it), so a storage fault anywhere
 * becomes the 503 page of the root error boundary instead of a 500 — also in routes added later.
 */
export function answerStorageFaults(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action, default: page } = route.module as { loader?: DataFunction; action?: DataFunction; default?: unknown };
      const resource = page === undefined;
      const module = {
        ...route.module,
        ...(loader ? { loader: guardLoader(loader, resource) } : {}),
        ...(action ? { action: guardAction(action, resource) } : {}),
      };
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes } as ServerBuild;
}
