import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createDatabase, migrateToLatest } from '../../db/client';
import { seedDemoData } from '../../db/seed';
import { cookiesOf } from '../../scripts/support/client';
import { startAppServer, type AppServer } from '../../scripts/support/server';

// Structured logs with a request id (issue 16 item 7, docs/operations.md): JSON lines, one id per
// request, on every line the request causes and in the X-Request-Id response header.

let dir = '';
let file = '';
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foerderlotse-request-id-'));
  file = join(dir, 'app.sqlite');
  const db = createDatabase(file);
  await migrateToLatest(db);
  await seedDemoData(db);
  await db.destroy();
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serverWithLogs(env: Record<string, string>): Promise<{ server: AppServer; lines: () => Array<Record<string, unknown>> }> {
  let out = '';
  const server = await startAppServer({ file, env: { LOG_LEVEL: '', ...env }, onStdout: (text) => (out += text) });
  const lines = () =>
    out
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { server, lines };
}

/** A failed sign-in: the action logs `login.failed` from inside the app. */
async function failedSignIn(base: string, requestId: string): Promise<Response> {
  const page = await fetch(`${base}/anmelden`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const response = await fetch(`${base}/anmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiesOf(page), 'X-Request-Id': requestId },
    body: new URLSearchParams({ email: 'kommune@demo.example', password: 'falsch-falsch', csrf }),
  });
  await response.text();
  return response;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('behind a trusted proxy its X-Request-Id is kept, returned and written on every log line of the request', async () => {
  const { server, lines } = await serverWithLogs({ TRUST_PROXY: 'true' });
  try {
    const response = await failedSignIn(server.baseUrl, 'proxy-4711.a');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('proxy-4711.a');
    await expect
      .poll(() =>
        lines()
          .filter((l) => l.requestId === 'proxy-4711.a')
          .map((l) => l.event),
      )
      .toEqual(['login.failed', 'request.completed']);
    const completed = lines().find((l) => l.requestId === 'proxy-4711.a' && l.event === 'request.completed')!;
    expect(completed).toMatchObject({ level: 'info', method: 'POST', path: '/anmelden', status: 400 });
    expect(typeof completed.ms).toBe('number');

    // An id a proxy could not have made (spaces, control characters, too long) is replaced.
    for (const odd of ['zwei Wörter', 'a'.repeat(129)]) {
      const answer = await fetch(`${server.baseUrl}/`, { headers: { 'X-Request-Id': odd } });
      await answer.text();
      expect(answer.headers.get('x-request-id')).toMatch(uuid);
    }
  } finally {
    await server.stop();
  }
});

test('without TRUST_PROXY a client cannot choose the id: each request gets its own, in the header and the log', async () => {
  const { server, lines } = await serverWithLogs({});
  try {
    const response = await failedSignIn(server.baseUrl, 'vom-client-gewaehlt');
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(uuid);
    const other = await fetch(`${server.baseUrl}/`);
    await other.text();
    expect(other.headers.get('x-request-id')).toMatch(uuid);
    expect(other.headers.get('x-request-id')).not.toBe(id);
    await expect
      .poll(() =>
        lines()
          .filter((l) => l.requestId === id)
          .map((l) => l.event),
      )
      .toEqual(['login.failed', 'request.completed']);
    expect(lines().some((l) => l.requestId === 'vom-client-gewaehlt')).toBe(false);
  } finally {
    await server.stop();
  }
});
