/**
 * What belongs to the request being handled, without passing it down: its id (on every log
 * line) and answers computed once per request. server.mjs runs each request inside
 * `withRequestId`, and the context follows every await of the request's code (AsyncLocalStorage).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
  once: Map<string, unknown>;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (the rest of a request's handling) in a context of its own, named `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId, once: new Map() }, fn);
}

/** The id of the request being handled, if any (housekeeping and start-up have none). */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/**
 * `compute()` once per request and `key`; later calls in the same request get the first call's
 * answer (a promise stays shared, a rejected one too). Outside a request it simply computes.
 * The key must name everything the answer depends on that can differ within a request.
 */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const once = requestContext.getStore()?.once;
  if (!once) return compute();
  if (once.has(key)) return once.get(key) as T;
  const value = compute();
  once.set(key, value);
  return value;
}
