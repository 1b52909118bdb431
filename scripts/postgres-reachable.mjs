// Whether a PostgreSQL server answers at a URL: used by vitest.config.ts and playwright.config.ts
// to decide whether the PostgreSQL variants of the tests are registered (ADR 0034).
//   node scripts/postgres-reachable.mjs URL   → exit 0, or exit 1 with the reason on stdout
import pg from 'pg';

export const defaultTestPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test';

/** null when reachable, else why not. */
export async function postgresUnavailable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || String(error.code) : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const reason = await postgresUnavailable(process.argv[2] || defaultTestPostgresUrl);
  if (reason) process.stdout.write(reason);
  process.exit(reason ? 1 : 0);
}
