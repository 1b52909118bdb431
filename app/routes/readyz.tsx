import { sql } from 'kysely';
import { getDb } from '../db.server';
import { log } from '../utils/log.server';

/**
 * Readiness probe for a load balancer: 200 while this instance reaches its database, 503 when not
 * (the proxy then sends requests to another instance). /healthz only says the process answers.
 */
export async function loader() {
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  try {
    await sql`select 1`.execute(await getDb());
    return new Response('ok', { headers });
  } catch (error) {
    log('warn', 'readiness.database_unreachable', { message: error instanceof Error ? error.message : String(error) });
    return new Response('Datenbank nicht erreichbar', { status: 503, headers });
  }
}
