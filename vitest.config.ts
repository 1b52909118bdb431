import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
// A plain script shared with playwright.config.ts.
import { defaultTestPostgresUrl, postgresUnavailable } from './scripts/postgres-reachable.mjs';

const postgresUrl: string = process.env.TEST_DATABASE_URL || defaultTestPostgresUrl;

/** Whether the test PostgreSQL answers; the reason when not. */
async function postgresAvailable(): Promise<string | null> {
  if (process.env.TEST_POSTGRES === 'off') return 'TEST_POSTGRES=off';
  return (await postgresUnavailable(postgresUrl)) as string | null;
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const unavailable = await postgresAvailable();
  const shown = postgresUrl.replace(/:[^:@/]*@/, ':***@');
  // One line that says which dialects the integration tests run on (issue 16, ADR 0034).
  // The config is read more than once per run; say it once.
  if (!process.env.FOERDERLOTSE_DIALECT_LINE_SHOWN)
    console.log(
      unavailable
        ? `Integrationstests: nur SQLite – PostgreSQL unter ${shown} nicht erreichbar (${unavailable}).`
        : `Integrationstests: SQLite und PostgreSQL (${shown}, je Test ein eigenes Schema).`,
    );
  process.env.FOERDERLOTSE_DIALECT_LINE_SHOWN = '1';
  return {
    resolve: {
      alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) },
    },
    test: {
      setupFiles: ['tests/support/vitest-setup.ts'],
      // One migrated template database per run and dialect, copied per test (issue 21 Nr. 4).
      globalSetup: ['tests/support/database-templates.ts'],
      environment: 'node',
      pool: 'forks',
      // vitest's default in a run is one worker less than the cores: one worker on two cores, which
      // left a core idle while CLI spawns and PostgreSQL round trips waited (ADR 0038).
      maxWorkers: availableParallelism(),
      // A bound, not a duration (ADR 0032): CLI spawns and PostgreSQL schemas take long on a busy machine.
      testTimeout: 120_000,
      hookTimeout: 120_000,
      projects: [
        {
          extends: true as const,
          test: {
            // Unit tests keep no state outside their own modules' pure functions, so a worker reuses
            // its imported modules for the next file instead of importing them again (half the CPU
            // time of the unit tests went into imports; ADR 0087). The integration tests share them
            // too (ADR 0109): what they import statically takes its database as an argument, and the
            // app modules that open one from the environment are imported after vi.resetModules()
            // (tests/support/app-database.ts), so each test gets them fresh all the same.
            name: 'unit',
            include: ['tests/unit/**/*.test.{ts,tsx}'],
            isolate: false,
          },
        },
        {
          extends: true as const,
          test: {
            name: 'sqlite',
            include: ['tests/integration/**/*.test.ts'],
            isolate: false, // ADR 0109
            // The move from SQLite into PostgreSQL needs a PostgreSQL target, the pool of test databases
            // is PostgreSQL's: only in the project postgres.
            exclude: ['tests/integration/db-move.test.ts', 'tests/integration/postgres-pool.test.ts'],
          },
        },
        ...(unavailable
          ? []
          : [
              {
                extends: true as const,
                test: {
                  name: 'postgres',
                  include: ['tests/integration/**/*.test.ts'],
                  isolate: false, // ADR 0109
                  // SQLite's own storage faults (full disk, read-only file), its FTS5 table (ADR 0096) and its file's write lock (ADR 0097) have
                  // no PostgreSQL counterpart here.
                  exclude: [
                    'tests/integration/storage-faults.test.ts',
                    'tests/integration/content-search-sqlite.test.ts',
                    'tests/integration/sqlite-second-writer.test.ts',
                  ],
                  env: { TEST_DIALECT: 'postgres', TEST_DATABASE_URL: postgresUrl },
                },
              },
            ]),
      ],
    },
  };
});
