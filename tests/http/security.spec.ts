import { expect, test } from '@playwright/test';
import { clientFor, csrfFrom } from '../support/http';

test('pages carry the security headers', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-powered-by']).toBeUndefined();
  // Every script carries the nonce of its response: on a document page (the start page, only the
  // enhancement script) and on a page that runs React (with Remix's inline scripts).
  for (const path of ['/', '/anmelden']) {
    const page = await request.get(path);
    const nonce = /'nonce-([^']+)'/.exec(page.headers()['content-security-policy'] ?? '')![1];
    const html = await page.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  const reactPage = await (await request.get('/anmelden')).text();
  expect(reactPage.match(/<script(?![^>]*\bsrc=)[^>]*>/g)?.length ?? 0).toBeGreaterThan(0);
});

test('session and CSRF cookies are httpOnly and SameSite=Lax', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'kommune');
  const cookies = (await client.api.storageState()).cookies;
  for (const name of ['fl_session', 'fl_csrf']) {
    const cookie = cookies.find((c) => c.name === name);
    expect(cookie, name).toBeDefined();
    expect(cookie!.httpOnly, name).toBe(true);
    expect(cookie!.sameSite, name).toBe('Lax');
  }
  await client.dispose();
});

test('a form posted from another origin is refused with a German 403', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'anonymous');
  const response = await client.post('/anmelden', { email: 'a@b.de', password: 'x' }, { headers: { Origin: 'https://boese.example' } });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('von einer fremden Webseite');
  const sameSite = await client.post('/anmelden', {}, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
  expect(sameSite.status()).toBe(403);
  await client.dispose();
});

test('an oversized body gets a clean German 413', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'anonymous');
  const response = await client.post('/barrierefreiheit', { message: 'x'.repeat(6 * 1024 * 1024) });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('zu umfangreich');
  await client.dispose();
});

test('a very long text gets a message at the field, not an error page', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'anonymous');
  const response = await client.post('/barrierefreiheit', { message: '😀'.repeat(100_000) });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('auf höchstens 5.000 Zeichen (eingegeben: 100.000)');
  await client.dispose();
});

test('a malformed or tampered session cookie counts as signed out, never as a 500', async ({ baseURL, playwright }) => {
  for (const value of ['%%%kaputt', 'eyJhYmMiOiAxfQ.c2lnbmF0dXJl', 'x'.repeat(5000)]) {
    const api = await playwright.request.newContext({
      baseURL,
      maxRedirects: 0,
      extraHTTPHeaders: { Cookie: `fl_session=${value}; fl_csrf=${value}` },
    });
    const page = await api.get('/antraege');
    expect(page.status(), value).toBe(302);
    expect(page.headers().location).toContain('/anmelden');
    const home = await api.get('/');
    expect(home.status()).toBe(200);
    await api.dispose();
  }
});

test('a revoked session is treated as signed out', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'verein');
  expect((await client.get('/organisation')).status()).toBe(200);
  const page = await client.get('/konto');
  const csrf = csrfFrom(await page.text());
  const current = /name="sessionId" value="([^"]+)"/.exec(await (await client.get('/konto')).text())![1]!;
  const revoke = await client.post('/konto', { intent: 'revoke-session', sessionId: current }, { csrf });
  expect(revoke.status()).toBe(302);
  const after = await client.get('/organisation');
  expect(after.status()).toBe(302);
  expect(after.headers().location).toContain('/anmelden');
  await client.dispose();
});

test('a failed sign-in never sends the password back', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'anonymous');
  const response = await client.post('/anmelden', { email: 'kommune@demo.example', password: 'Geheim-und-falsch-123' });
  expect(response.status()).toBe(400);
  const body = await response.text();
  expect(body).toContain('E-Mail-Adresse oder Passwort stimmen nicht.');
  expect(body).toContain('kommune@demo.example');
  expect(body).not.toContain('Geheim-und-falsch-123');
  await client.dispose();
});

test('failed sign-ins are throttled per address with a German message', async ({ baseURL }) => {
  const client = await clientFor(baseURL!, 'anonymous');
  const email = `gesperrt-${Date.now()}@test.example`;
  for (let i = 0; i < 5; i += 1) {
    const response = await client.post('/anmelden', { email, password: 'falsch-falsch-falsch' });
    expect(response.status()).toBe(400);
  }
  const blocked = await client.post('/anmelden', { email, password: 'falsch-falsch-falsch' });
  expect(blocked.status()).toBe(429);
  expect(await blocked.text()).toContain('Zu viele fehlgeschlagene Anmeldeversuche');
  await client.dispose();
});
