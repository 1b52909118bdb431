import type { ActionFunctionArgs } from '@remix-run/node';
import { liveSums } from '../antrag/budget-live.server';
import { requireOpenableStep, requireOwnApplication } from '../antrag/application.server';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';

export function loader() {
  return new Response('Diese Adresse nimmt nur Formulare entgegen.', { status: 405, headers: { Allow: 'POST' } });
}

/**
 * The Kosten step's sums for the form as typed (ADR 0086): public/js/wizard.js posts the whole form
 * while the user types and puts the answer in place. Nothing is saved; the answer is JSON.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const loaded = await requireOwnApplication(user, params.id);
  requireOpenableStep(loaded, 'kosten');
  return Response.json(liveSums(loaded, form), { headers: { 'Cache-Control': 'no-store' } });
}
