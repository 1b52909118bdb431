import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { diff } from '../../machines/frl/application/diff';
import type { EditableStep } from '../../machines/frl/application/steps';
import { isEditable, statusOf } from '../../machines/frl/advice/machine';
import { restoreAdvice } from '../beratung/advice.server';
import { newRowId } from '../antrag/step.server';
import { commit, completeSteps, requireOwnApplication } from '../antrag/application.server';
import { readProtectedForm } from '../csrf.server';
import { findMethod, withMethodAdopted } from '../methoden/methoden.server';
import { requireApplicant } from '../session.server';

/** Only a form posts here; a visitor who opens the address lands in the catalogue. */
export async function loader() {
  return redirect('/methoden');
}

/**
 * "Methode übernehmen": adds the method as a format of a draft the user's organisation owns and
 * returns to the draft's Vorhaben step. Adding is idempotent (a format already chosen is not added
 * twice), so after a concurrent save the addition is simply applied again to the newer version.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const slug = String(form.get('methode') ?? '');
  const method = await findMethod(slug);
  if (!method) throw new Response('Diese Methode gibt es nicht.', { status: 404 });
  const back = (reason: string) => redirect(`/methoden/${method.slug}?uebernahme=${reason}#uebernehmen`);
  if (!method.formatId) return back('ausgeschlossen');
  if (!/^\d{1,12}$/.test(String(form.get('antrag') ?? ''))) return back('kein-antrag');

  // Each retry follows a save by someone else; ten covers a burst of clicks and autosaves.
  for (let attempt = 0; attempt < 10; attempt++) {
    const loaded = await requireOwnApplication(user, String(form.get('antrag')));
    if (!isEditable(statusOf(restoreAdvice(loaded.row)))) return back('gesperrt');
    const pendingSteps = Object.keys(loaded.snapshot.context.pending) as EditableStep[];
    // Unsaved, invalid input on the Vorhaben step would be overwritten: the user saves it first.
    if (pendingSteps.includes('vorhaben')) return back('vorhaben-offen');
    const { data, added } = withMethodAdopted(loaded.data, method, newRowId);
    if (!added) return redirect(`/antraege/${loaded.row.id}/vorhaben?methode=vorhanden#formate`);
    const complete = completeSteps(data, loaded.context, pendingSteps);
    const { result } = await commit(loaded, loaded.row.version, [{ type: 'step.save', step: 'vorhaben', data, complete }], {
      userId: user.id,
      type: 'method.adopted',
      step: 'vorhaben',
      changes: diff(loaded.data, data),
      details: { method: method.slug },
    });
    if (result.ok) return redirect(`/antraege/${loaded.row.id}/vorhaben?methode=uebernommen#formate`);
  }
  return back('konflikt');
}
