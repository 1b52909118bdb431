/** Bare resource route: liveness probe, and the baseline of the page benchmark. */
export function loader() {
  return new Response('ok', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
