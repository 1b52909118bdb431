import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { takePendingSubmission } from '../../db/repositories/applications';
import { requireOpenableStep, requireOwnApplication } from '../application.server';
import { saveStep } from '../antrag-step.server';
import { getDb } from '../db.server';
import { requireApplicant } from '../session.server';
import { toFormData } from '../utils/form-data';

/**
 * After signing in again: saves the input that was posted while the session had expired, then
 * shows the step. Only the user who typed it can apply it. A version conflict shows the usual
 * conflict view with the kept input.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const pending = await takePendingSubmission(await getDb(), params.token ?? '', user.id);
  if (!pending) throw redirect('/antraege');
  const match = /^\/antraege\/(\d+)\/([a-z]+)$/.exec(pending.path);
  if (!match) throw redirect('/antraege');
  const loaded = await requireOwnApplication(user, match[1]);
  const step = requireOpenableStep(loaded, match[2]);
  if (step === 'pruefen' || step === 'anlagen') throw redirect(`/antraege/${loaded.row.id}/${step}`);
  const form = toFormData((pending.form.entries as Array<[string, string]>) ?? []);
  form.set('version', String(pending.form.version ?? ''));
  form.set('intent', 'speichern');
  const response = await saveStep({ user, loaded, step, form });
  if (response instanceof Response) return redirect(`/antraege/${loaded.row.id}?hinweis=wiederhergestellt`);
  // A conflict or invalid input: show the step with the kept input marked.
  return redirect(`/antraege/${loaded.row.id}/${step}`);
}
