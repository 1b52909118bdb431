/**
 * Structured one-line logs (JSON lines). Never pass secrets (passwords, cookies, tokens); callers
 * log ids and counts, and `redact` strips the obvious ones defensively.
 *
 * Every line written while a request is handled carries that request's id (`requestId`, see
 * request-context.server.ts), so a line from deep in a repository needs no request passed down.
 */
import { currentRequestId } from './request-context.server';

type Level = 'info' | 'warn' | 'error';

const secretKeys = /pass|token|secret|cookie|csrf|authorization/i;

function redact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, secretKeys.test(k) ? '[redacted]' : v]));
}

export function log(level: Level, event: string, details: Record<string, unknown> = {}): void {
  if (process.env.LOG_LEVEL === 'silent') return;
  const requestId = currentRequestId();
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...(requestId ? { requestId } : {}), ...redact(details) });
  // Errors go to stderr, the rest to stdout; neither ever reaches a user.
  if (level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
