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
    super('Das Formular konnte nicht sicher zugeordnet werden. Bitte laden Sie die Seite neu und senden Sie es noch einmal.', {
      status: 403,
    });
  }
}

/** Throws a 403 response unless the submitted token matches the cookie. */
export async function assertCsrf(request: Request, form: FormData): Promise<void> {
  const expected = await readToken(request);
  const submitted = form.get(csrfFieldName);
  if (!expected || typeof submitted !== 'string' || submitted.length !== expected.length) throw new CsrfError();
  if (!timingSafeEqual(Buffer.from(submitted), Buffer.from(expected))) throw new CsrfError();
}

/**
 * The largest list any form of ours has (cost lines of a plan, machines/frl/application/schema.ts)
 * and the most fields such a form sends. A form that comes back with errors is rendered with what
 * was sent, so a body naming `parts[99999]` would otherwise make the page render 100 000 rows,
 * which takes the form library minutes of CPU (it is quadratic in the number of fields read): one
 * request would stall the server for everyone.
 */
export const MAX_LIST_ROWS = 2000;
export const MAX_FORM_FIELDS = 40_000;

/** Throws a German 400 when the body names a list row or holds more fields than any form of ours. */
export function assertFormSize(form: FormData): void {
  let fields = 0;
  for (const name of form.keys()) {
    fields += 1;
    for (const match of name.matchAll(/\[(\d+)\]/g)) {
      if (Number(match[1]) >= MAX_LIST_ROWS) {
        throw new Response(
          `Die Anfrage enthält eine Liste mit mehr als ${MAX_LIST_ROWS.toLocaleString('de-DE')} Einträgen. So viele Zeilen nimmt kein Formular an; bitte gehen Sie zurück und kürzen Sie die Liste.`,
          { status: 400 },
        );
      }
    }
  }
  if (fields > MAX_FORM_FIELDS)
    throw new Response(
      'Die Anfrage enthält mehr Felder, als ein Formular haben kann. Bitte gehen Sie zurück und versuchen Sie es noch einmal.',
      { status: 400 },
    );
}

/** Reads a urlencoded or multipart body (without files), checks its size and its CSRF token. */
export async function readProtectedForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response('Die Anfrage konnte nicht gelesen werden.', { status: 400 });
  }
  await assertCsrf(request, form);
  assertFormSize(form);
  return withLineFeeds(form);
}

/**
 * The form with every line break as the browser shows it in a text area (LF): a browser sends
 * each one as CR LF. A text that comes back into a field (a form with errors) must be the text the
 * field holds; with CR LF React rewrites the field's default on every render, which moves the caret
 * of an untouched text area to its start (ADR 0103). Stored texts get LF as well, as the schemas'
 * `cleanMultiline` already gave them.
 */
export function withLineFeeds(form: FormData): FormData {
  if (![...form.values()].some((value) => typeof value === 'string' && value.includes('\r'))) return form;
  const copy = new FormData();
  for (const [name, value] of form.entries()) copy.append(name, typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value);
  return copy;
}
