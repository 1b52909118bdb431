import type { ActionFunctionArgs } from '@remix-run/node';
import { isEditable, statusOf } from '../../machines/frl/advice/machine';
import { requireOpenableStep, requireOwnApplication } from '../antrag/application.server';
import { saveStep } from '../antrag/step.server';
import { restoreAdvice } from '../beratung/advice.server';
import { readProtectedForm } from '../csrf.server';
import { getAuthState, requireApplicant } from '../session.server';

export function loader() {
  return new Response('Diese Adresse nimmt nur Formulare entgegen.', { status: 405, headers: { Allow: 'POST' } });
}

/**
 * Autosave of a wizard step (ADR 0086): public/js/wizard.js posts the step's form here while the
 * user types. The save is the step's own (saveStep with the intent "autosave"); the answer is JSON:
 * the new version, a conflict, or why nothing was stored. A session that has ended (401) or a
 * locked draft (409) is answered without saving: the script then sends the form the ordinary way,
 * where the step keeps the input for after sign-in or shows it for copying.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await getAuthState(request);
  if (auth.status === 'expired') return Response.json({ expired: true }, { status: 401 });
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const loaded = await requireOwnApplication(user, params.id);
  const step = requireOpenableStep(loaded, params.schritt);
  if (step === 'anlagen' || step === 'pruefen') throw new Response('Nicht gefunden', { status: 404 });
  if (!isEditable(statusOf(restoreAdvice(loaded.row)))) return Response.json({ locked: true }, { status: 409 });
  const saved = await saveStep({ user, loaded, step, form, intentOverride: 'autosave' });
  // The step's save answers with data() for its page; a resource route answers with a Response.
  if (saved instanceof Response) return saved;
  const { data, init } = saved as { data: unknown; init: ResponseInit | null };
  return Response.json(data, init ?? undefined);
}
