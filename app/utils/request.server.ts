/** The client address as seen by the server (express sets x-forwarded-for only behind a trusted proxy). */
export function clientIp(request: Request): string | null {
  return request.headers.get('x-client-ip') ?? null;
}

export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return fallback;
  }
  return target;
}
