/**
 * Structured one-line logs. Never pass secrets (passwords, cookies, tokens); callers log ids and
 * counts, and `redact` strips the obvious ones defensively.
 */
type Level = 'info' | 'warn' | 'error';

const secretKeys = /pass|token|secret|cookie|csrf|authorization/i;

function redact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, secretKeys.test(k) ? '[redacted]' : v]));
}

export function log(level: Level, event: string, details: Record<string, unknown> = {}): void {
  if (process.env.LOG_LEVEL === 'silent') return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...redact(details) });
  // Errors go to stderr, the rest to stdout; neither ever reaches a user.
  if (level === 'error') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}
