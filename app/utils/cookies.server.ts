import { createCookie, type Cookie } from '@remix-run/node';
import { config } from '../config.server';

/**
 * A signed, httpOnly cookie that remembers the id of something a browser started without signing
 * in (the Förder-Check, the QualitätsCheck), for 30 days.
 */
export function browserIdCookie(name: string): Cookie {
  return createCookie(name, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
    secrets: config.secrets,
    maxAge: 30 * 24 * 3600,
  });
}

/** The id the cookie holds, or null when it is missing, tampered with or implausible. */
export async function readBrowserId(cookie: Cookie, request: Request): Promise<string | null> {
  try {
    const value: unknown = await cookie.parse(request.headers.get('Cookie'));
    return typeof value === 'string' && value.length > 0 && value.length < 100 ? value : null;
  } catch {
    return null;
  }
}
