import { describe, expect, it } from 'vitest';
import { acquireTimeoutFromEnv, poolSizeFromEnv } from '../../db/postgres';

/** The pool settings an instance reads from its environment (docs/operations.md). */
describe('PostgreSQL pool settings from the environment', () => {
  it('waits 5 s for a connection unless DATABASE_ACQUIRE_TIMEOUT_MS says otherwise', () => {
    expect(acquireTimeoutFromEnv({})).toBe(5_000);
    expect(acquireTimeoutFromEnv({ DATABASE_ACQUIRE_TIMEOUT_MS: '60000' })).toBe(60_000);
    // Anything that is not a positive whole number keeps the default.
    for (const value of ['', '0', '-1', '2.5', 'viel']) expect(acquireTimeoutFromEnv({ DATABASE_ACQUIRE_TIMEOUT_MS: value })).toBe(5_000);
  });

  it('opens 10 connections per instance unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(poolSizeFromEnv({})).toBe(10);
    expect(poolSizeFromEnv({ DATABASE_POOL_SIZE: '4' })).toBe(4);
    expect(poolSizeFromEnv({ DATABASE_POOL_SIZE: 'x' })).toBe(10);
  });
});
