import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { config } from './config.server';

/**
 * CSRF protection by a signed double-submit token: a random value lives in an httpOnly cookie and
 * is repeated in a hidden field of every form. A request from another site can neither read the
 * cookie nor guess the value. server.mjs additionally refuses cross-origin POSTs by their Origin.
 */
export const csrfCookie = createCookie('fl_csrf', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: config.secureCookies,
  secrets: config.secrets,
});

export const csrfFieldName = 'csrf';

async function readToken(request: Request): Promise<string | null> {
  try {
    const value: unknown = await csrfCookie.parse(request.headers.get('Cookie'));
    return typeof value === 'string' && value.length === 43 ? value : null;
  } catch {
    return null;
  }
}

/** The token for this browser, and a Set-Cookie header when a new one had to be made. */
export async function csrfTokenFor(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing = await readToken(request);
  if (existing) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString('base64url');
  return { token, setCookie: await csrfCookie.serialize(token) };
}

export class CsrfError extends Response {
  constructor() {
    super(
      'Das Formular konnte nicht sicher zugeordnet werden. Bitte laden Sie die Seite neu und senden Sie es noch einmal.',
      { status: 403 },
    );
  }
}

/** Throws a 403 response unless the submitted token matches the cookie. */
export async function assertCsrf(request: Request, form: FormData): Promise<void> {
  const expected = await readToken(request);
  const submitted = form.get(csrfFieldName);
  if (!expected || typeof submitted !== 'string' || submitted.length !== expected.length) throw new CsrfError();
  if (!timingSafeEqual(Buffer.from(submitted), Buffer.from(expected))) throw new CsrfError();
}

/** Reads a urlencoded or multipart body (without files) and checks its CSRF token. */
export async function readProtectedForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response('Die Anfrage konnte nicht gelesen werden.', { status: 400 });
  }
  await assertCsrf(request, form);
  return form;
}
