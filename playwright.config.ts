import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;

/**
 * The `http-pg` project runs a representative part of the request-level specs against two app
 * instances on PostgreSQL behind an alternating proxy (scripts/e2e-server.ts, ADR 0034). It is
 * configured only when the test PostgreSQL answers; the reason is logged once when it does not.
 */
const postgresUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const pgPort = Number(process.env.E2E_PG_PORT ?? port + 1);
function postgresForE2e(): boolean {
  // Playwright loads this file in every worker; the first load decides and passes it on.
  if (process.env.FOERDERLOTSE_E2E_PG) return process.env.FOERDERLOTSE_E2E_PG === 'yes';
  let reason: string | null = null;
  if (process.env.TEST_POSTGRES === 'off') reason = 'TEST_POSTGRES=off';
  else {
    const probe = spawnSync(process.execPath, ['scripts/postgres-reachable.mjs', postgresUrl], { encoding: 'utf8', timeout: 10_000 });
    if (probe.status !== 0) reason = probe.stdout || probe.stderr || 'keine Antwort';
  }
  console.log(
    reason
      ? `HTTP-Tests: nur SQLite – PostgreSQL unter ${postgresUrl} nicht erreichbar (${reason.trim()}).`
      : `HTTP-Tests: SQLite, und ein Teil als Projekt http-pg auf PostgreSQL mit zwei Instanzen hinter einem Proxy (Port ${pgPort}).`,
  );
  process.env.FOERDERLOTSE_E2E_PG = reason ? 'no' : 'yes';
  return !reason;
}
const onPostgres = postgresForE2e();
/**
 * The specs of http-pg: every route × role, security, the budget save, robustness, concurrency across
 * instances, PostgreSQL going away under load.
 */
const httpOnPostgres = [
  'http/authz-matrix.spec.ts',
  'http/security.spec.ts',
  'http/budget.spec.ts',
  'http/robustness.spec.ts',
  'http/veranstaltungen-concurrency.spec.ts',
  'http/sachbericht-beratung.spec.ts',
  'http/beispiel-vorschlag.spec.ts',
  'http/offene-daten.spec.ts',
  'http/redaktion.spec.ts',
  'http/netzwerk-suche.spec.ts',
  'http/verwaltung-concurrency.spec.ts',
  'http/instances.spec.ts',
  'http/postgres-faults.spec.ts',
];
/** Specs that need PostgreSQL itself (two instances; a proxy to cut): never on SQLite. */
const postgresOnly = ['http/instances.spec.ts', 'http/postgres-faults.spec.ts'];

/**
 * What the `js` project runs (ADR 0038). Without JavaScript (`nojs`) every browser flow runs; with
 * JavaScript only what JavaScript changes: the enhancement files (*.js-only.spec.ts), the files
 * whose pages validate on the client, hydrate a different view or scan with axe (listed below),
 * and single tests tagged `@js` (a smoke path through sign-in, Förder-Check, wizard and uploads).
 */
const withJavaScriptToo = [
  'beratung',
  'belege-import',
  'mobile',
  'qualitaetscheck',
  'redaktion',
  'regelwerk',
  'veranstaltungen',
  'verwaltung',
  'verwendungsnachweis',
];
const javaScriptScope = [/\.js-only\.spec\.ts /, /@js\b/, new RegExp(`e2e/(${withJavaScriptToo.join('|')})\\.spec\\.ts `)];

/**
 * Debian's headless shell of Chromium (package chromium-headless-shell, the same Blink as
 * /usr/bin/chromium without the browser's UI layer): about a third less CPU per test than the full
 * browser in headless mode (ADR 0089). The full browser where the shell is not installed.
 */
const headlessShell = '/usr/bin/chromium-headless-shell';
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : '/usr/bin/chromium'),
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * How Playwright ends a test server: SIGTERM, so scripts/e2e-server.ts removes its database folder
 * (and on PostgreSQL drops its schema) before it exits. Playwright's default, SIGKILL, left both
 * behind after every run.
 */
const stopGently = { signal: 'SIGTERM', timeout: 15_000 } as const;

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'http/**/*.spec.ts'],
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Upper bounds for waits on conditions, not durations: a test passes as soon as the condition
  // holds. Generous, so a machine busy with other work slows the suite down but never fails it
  // (issue 14 point 9); axe scans add their own budget (tests/support/fixtures.ts).
  // Measured: a run with the machine eight times oversubscribed (other builds and test runs
  // beside it) took multi-step tests past 30 s and single waits past 10 s; they passed on their own.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    launchOptions: chromium,
    // A failed test keeps its trace (actions, network, console, sources) and Playwright's
    // error-context.md with the page's accessibility tree at the failure. The screencast cost about
    // a quarter of the browser tests' CPU (ADR 0089), the DOM snapshot per action another sixth
    // (ADR 0090): both are left out.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: true },
  },
  projects: [
    { name: 'http', testMatch: 'http/**/*.spec.ts', testIgnore: postgresOnly },
    ...(onPostgres ? [{ name: 'http-pg', testMatch: httpOnPostgres, use: { baseURL: `http://127.0.0.1:${pgPort}` } }] : []),
    // With JavaScript: the enhancements and the flows JavaScript changes (javaScriptScope above).
    { name: 'js', testMatch: 'e2e/**/*.spec.ts', grep: javaScriptScope, use: { javaScriptEnabled: true } },
    // Every browser flow without JavaScript. Files named *.js-only.spec.ts test enhancements that
    // only exist with JavaScript.
    { name: 'nojs', testMatch: 'e2e/**/*.spec.ts', testIgnore: '**/*.js-only.spec.ts', use: { javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: 'npx tsx scripts/e2e-server.ts',
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 180_000,
      gracefulShutdown: stopGently,
      env: { E2E_PORT: String(port) },
    },
    ...(onPostgres
      ? [
          {
            command: 'npx tsx scripts/e2e-server.ts',
            url: `http://127.0.0.1:${pgPort}/healthz`,
            reuseExistingServer: false,
            timeout: 180_000,
            gracefulShutdown: stopGently,
            env: { E2E_PORT: String(pgPort), E2E_DATABASE_URL: postgresUrl },
          },
        ]
      : []),
  ],
});
