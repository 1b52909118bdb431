import { randomBytes } from 'node:crypto';
import { adminQuery as sharedAdminQuery } from './postgres-pool';

/**
 * The PostgreSQL server the tests use when it is reachable: TEST_DATABASE_URL, default the local
 * server's `test` database (trust authentication). Every test works in a schema of its own that
 * it creates and drops, so parallel runs and other people on the same server never meet.
 */
export const testPostgresUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Which dialect this vitest project runs the integration tests on (vitest.config.ts sets it). */
export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** A new empty schema in the test database; `drop` removes it with everything in it. */
export async function freshSchema(prefix = 't'): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  return { schema, drop: () => adminQuery(`drop schema if exists ${schema} cascade`) };
}

function adminQuery(text: string): Promise<void> {
  return sharedAdminQuery(testPostgresUrl, text);
}
