import type { ApplicationRow } from '../db/schema';
import { advisorMayRead, type AdviceSnapshot } from '../machines/frl/advice/machine';
import { actorOf, restoreAdvice } from './beratung/advice.server';
import { findApplicationRow, loadApplication, type LoadedApplication } from './antrag/application.server';
import { requireRole, type CurrentUser } from './session.server';

export type Reader = 'member' | 'advisor';

export interface ApplicationAccess {
  user: CurrentUser;
  as: Reader;
  loaded: LoadedApplication;
  advice: AdviceSnapshot;
}

const notFound = () => new Response('Nicht gefunden', { status: 404 });

/** Who may read this draft: members of the organisation, and advisors it was shared with. */
export function readerOf(user: CurrentUser, row: ApplicationRow, advice: AdviceSnapshot): Reader | null {
  if (user.role === 'applicant' && user.organisation_id === row.organisation_id) return 'member';
  if (user.role === 'advisor' && advisorMayRead(actorOf(user, row), advice)) return 'advisor';
  return null;
}

/**
 * Loads a draft for reading by its organisation or its advisors. Ministry and admin accounts are
 * refused as a role (403, they see aggregated figures only: ADR 0010); everyone else gets 404 for
 * drafts they may not read, so ids reveal nothing.
 */
export async function requireReadableApplication(
  request: Request,
  idParam: string | undefined,
  allowed: readonly Reader[] = ['member', 'advisor'],
): Promise<ApplicationAccess> {
  const user = await requireRole(
    request,
    allowed.map((reader) => (reader === 'member' ? 'applicant' : 'advisor')),
  );
  const row = await findApplicationRow(idParam);
  if (!row) throw notFound();
  const advice = restoreAdvice(row);
  const as = readerOf(user, row, advice);
  if (!as || !allowed.includes(as)) throw notFound();
  return { user, as, loaded: await loadApplication(row), advice };
}
