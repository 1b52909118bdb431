import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { demoPassword } from '../../db/seed';
import { demoEmail, type DemoRole } from './fixtures';

export type Audience = 'anonymous' | DemoRole;

/** Reads the CSRF token from a rendered page (the hidden field every form carries). */
export function csrfFrom(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}

export interface Client {
  api: APIRequestContext;
  csrf: string;
  get(path: string): Promise<APIResponse>;
  /** A form POST; a list sends the field once per value (checkbox groups). */
  post(
    path: string,
    form: Record<string, string | string[]>,
    options?: { csrf?: string | null; headers?: Record<string, string> },
  ): Promise<APIResponse>;
  dispose(): Promise<void>;
}

/** An HTTP client for one audience: anonymous, or signed in as a demo account (or any credentials). */
export async function clientFor(baseURL: string, who: Audience | { email: string; password: string }): Promise<Client> {
  const api = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  const loginPage = await api.get('/anmelden');
  let csrf = csrfFrom(await loginPage.text());
  if (who !== 'anonymous') {
    const credentials = typeof who === 'string' ? { email: demoEmail(who), password: demoPassword } : who;
    const response = await api.post('/anmelden', { form: { ...credentials, csrf } });
    if (response.status() !== 302) throw new Error(`sign-in failed for ${credentials.email}: ${response.status()}`);
    csrf = csrfFrom(await (await api.get('/konto')).text());
  }
  return {
    api,
    csrf,
    get: (path) => api.get(path),
    post: (path, form, options = {}) => {
      const token = options.csrf === undefined ? csrf : options.csrf;
      const fields = token === null ? form : { ...form, csrf: token };
      if (Object.values(fields).some(Array.isArray)) {
        const body = new URLSearchParams();
        for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
        return api.post(path, {
          data: body.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
        });
      }
      return api.post(path, { form: fields as Record<string, string>, headers: options.headers });
    },
    dispose: () => api.dispose(),
  };
}

export function isSignInRedirect(response: APIResponse): boolean {
  return response.status() === 302 && (response.headers().location ?? '').startsWith('/anmelden');
}
