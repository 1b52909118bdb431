/** A signed-in session against a running app, for scripts that drive it over HTTP. */
export interface Session {
  cookie: string;
  csrf: string;
}

const csrfPattern = /name="csrf" value="([^"]+)"/;

export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function signIn(baseUrl: string, email: string, password = 'Demo-Passwort-2026'): Promise<Session> {
  const page = await fetch(`${baseUrl}/anmelden`);
  const csrfCookie = cookiesOf(page);
  const csrf = csrfPattern.exec(await page.text())?.[1];
  if (!csrf) throw new Error('no CSRF field on /anmelden');
  const response = await fetch(`${baseUrl}/anmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrf }),
  });
  await response.text();
  if (response.status !== 302) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return { cookie: `${csrfCookie}; ${cookiesOf(response)}`, csrf };
}

/** The version a step form carries (the optimistic lock of the draft). */
export function versionIn(html: string): number | null {
  const match = /name="version"[^>]*value="(\d+)"/.exec(html);
  return match ? Number(match[1]) : null;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
