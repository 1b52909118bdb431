import type { ActionFunctionArgs } from '@remix-run/node';
import { config } from '../config.server';
import { readProtectedForm } from '../csrf.server';
import { keepSessionAlive } from '../konto/sign-in.server';
import { getAuthState } from '../session.server';

export function loader() {
  return new Response('Diese Adresse nimmt nur Formulare entgegen.', { status: 405, headers: { Allow: 'POST' } });
}

/** "Angemeldet bleiben": records activity and returns the seconds until the idle timeout. */
export async function action({ request }: ActionFunctionArgs) {
  await readProtectedForm(request);
  const auth = await getAuthState(request);
  if (auth.status !== 'signed-in') {
    throw new Response('Ihre Sitzung ist bereits abgelaufen. Bitte melden Sie sich erneut an.', { status: 401 });
  }
  await keepSessionAlive(auth.user.sessionId);
  // A Response, so the route also answers plain HTTP clients (not only Remix fetchers) with JSON.
  return Response.json({ secondsLeft: config.session.idleMinutes * 60 });
}
