import { createActor, type Snapshot } from 'xstate';
import { runMachine } from '../../machines/shared/actor';
import {
  createEligibilityCheck,
  findEligibilityCheck,
  latestEligibilityCheckOfUser,
  saveEligibilityCheck,
} from '../../db/repositories/eligibility-checks';
import type { CheckAnswers } from '../../machines/frl/foerdercheck/answers';
import { foerderCheckMachine, type CheckSnapshot } from '../../machines/frl/foerdercheck/machine';
import { getDb } from '../db.server';
import { getUser } from '../session.server';
import { browserIdCookie, readBrowserId } from '../utils/cookies.server';

/** Remembers the browser's Förder-Check (no sign-in needed); 30 days. */
export const checkCookie = browserIdCookie('fl_check');

export interface LoadedCheck {
  id: string;
  snapshot: CheckSnapshot;
}

/**
 * Restores the questionnaire from its persisted snapshot. A snapshot the current machine cannot
 * read (after an update) is rebuilt from its answers, so nothing typed is lost.
 */
export function restore(persisted: unknown): CheckSnapshot {
  try {
    const { snapshot } = runMachine(foerderCheckMachine, { snapshot: persisted as Snapshot<unknown>, input: {} });
    if (snapshot.status === 'active') return snapshot;
  } catch {
    // fall through to the rebuild below
  }
  const answers = (persisted as { context?: { answers?: CheckAnswers } } | null)?.context?.answers ?? {};
  return fresh(answers);
}

export function fresh(answers: CheckAnswers = {}): CheckSnapshot {
  return runMachine(foerderCheckMachine, { input: { answers } }).snapshot;
}

export function persistable(snapshot: CheckSnapshot): unknown {
  const actor = createActor(foerderCheckMachine, { snapshot, input: {} });
  const persisted = actor.getPersistedSnapshot();
  return persisted;
}

const readCheckId = (request: Request) => readBrowserId(checkCookie, request);

/** The browser's check (by cookie), else the signed-in user's latest, else null. */
export async function loadCheck(request: Request): Promise<LoadedCheck | null> {
  const db = await getDb();
  const id = await readCheckId(request);
  const row = id ? await findEligibilityCheck(db, id) : undefined;
  const user = row ? null : await getUser(request);
  const found = row ?? (user ? await latestEligibilityCheckOfUser(db, user.id) : undefined);
  if (!found) return null;
  return { id: found.id, snapshot: restore(found.snapshot) };
}

export async function startCheck(request: Request, answers: CheckAnswers = {}): Promise<{ id: string; setCookie: string }> {
  const user = await getUser(request);
  const snapshot = fresh(answers);
  const row = await createEligibilityCheck(await getDb(), persistable(snapshot), user?.id ?? null);
  return { id: row.id, setCookie: await checkCookie.serialize(row.id) };
}

export async function saveCheck(request: Request, check: LoadedCheck): Promise<void> {
  const user = await getUser(request);
  await saveEligibilityCheck(await getDb(), check.id, persistable(check.snapshot), user?.id ?? null);
}
