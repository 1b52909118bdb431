import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { dropPendingSubmission, findPendingSubmission } from '../../db/repositories/applications';
import { requireOpenableStep, requireOwnApplication } from '../antrag/application.server';
import { saveStep, type Conflict } from '../antrag/step.server';
import { ConflictView } from '../components/antrag/conflict';
import { getDb } from '../db.server';
import { requireApplicant } from '../session.server';
import { toFormData } from '../utils/form-data';

export const meta: MetaFunction = () => [{ title: 'Eingaben wiederherstellen – Förderlotse Bürgerbeteiligung' }];

/**
 * After signing in again: saves the input that was posted while the session had expired, then
 * shows the draft. Only the user who typed it can apply it. The kept input is deleted only once it
 * is saved; when a colleague saved in between, the usual conflict view shows it beside the stored
 * values (and this address shows it again until the user has decided).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const db = await getDb();
  const token = params.token ?? '';
  const pending = await findPendingSubmission(db, token, user.id);
  if (!pending) throw redirect('/antraege');
  const match = /^\/antraege\/(\d+)\/([a-z]+)$/.exec(pending.path);
  if (!match) {
    await dropPendingSubmission(db, token, user.id);
    throw redirect('/antraege');
  }
  const loaded = await requireOwnApplication(user, match[1]);
  const step = requireOpenableStep(loaded, match[2]);
  if (step === 'pruefen' || step === 'anlagen') throw redirect(`/antraege/${loaded.row.id}/${step}`);
  const form = toFormData((pending.form.entries as Array<[string, string]>) ?? []);
  form.set('version', String(pending.form.version ?? ''));
  form.set('intent', 'speichern');
  const response = await saveStep({ user, loaded, step, form });
  if (response instanceof Response || !('data' in response)) {
    await dropPendingSubmission(db, token, user.id);
    return redirect(`/antraege/${loaded.row.id}?hinweis=wiederhergestellt`);
  }
  const conflict = (response.data as { conflict: Conflict | null }).conflict;
  if (!conflict) {
    // Not expected for a plain save (invalid input is kept as pending input); never drop it silently.
    return redirect(`/antraege/${loaded.row.id}/${step}`);
  }
  return { conflict, id: loaded.row.id, step };
}

export default function RestoreConflict() {
  const { conflict, id, step } = useLoaderData<typeof loader>();
  return <ConflictView conflict={conflict} id={id} step={step} />;
}
