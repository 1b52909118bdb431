import { isStorageFault } from '../../db/client';
import { MAX_COST_LINES } from '../../machines/frl/application/cost-line-import';
import { diff } from '../../machines/frl/application/diff';
import type { CostLine } from '../../machines/frl/application/schema';
import type { EditableStep } from '../../machines/frl/application/steps';
import { commit, completeSteps, type LoadedApplication } from './application.server';
import type { CurrentUser } from '../session.server';
import { log } from '../utils/log.server';

export type AppendResult =
  | { ok: true; added: number; version: number }
  | { ok: false; reason: 'conflict' | 'pending' | 'too-many' | 'unavailable'; currentVersion: number };

/**
 * Appends cost lines to the plan the way a wizard save does (ADR 0078): the machine restored from
 * the stored snapshot gets one `step.save` of the budget step, the rules run again, and snapshot,
 * version + 1 and the event row are written in one transaction – only if the version is still the
 * one the person previewed. A second import confirmed at the same time finds the version moved on
 * and adds nothing.
 */
export async function appendCostLines(args: {
  user: CurrentUser;
  loaded: LoadedApplication;
  version: number;
  lines: CostLine[];
}): Promise<AppendResult> {
  const { user, loaded, version, lines } = args;
  const currentVersion = loaded.row.version;
  // Unsaved invalid input of the budget step would hide the new lines (the step shows that input).
  if (loaded.snapshot.context.pending.kosten !== undefined) return { ok: false, reason: 'pending', currentVersion };
  if (version !== currentVersion) return { ok: false, reason: 'conflict', currentVersion };
  if (loaded.data.budget.lines.length + lines.length > MAX_COST_LINES) return { ok: false, reason: 'too-many', currentVersion };
  const data = structuredClone(loaded.data);
  data.budget.lines.push(...lines);
  const pendingAfter = Object.keys(loaded.snapshot.context.pending) as EditableStep[];
  const complete = completeSteps(data, loaded.context, pendingAfter);
  try {
    const { result } = await commit(loaded, version, [{ type: 'step.save', step: 'kosten', data, raw: undefined, complete }], {
      userId: user.id,
      type: 'step.save',
      step: 'kosten',
      changes: diff(loaded.data, data),
      details: { csvImport: lines.length },
    });
    if (!result.ok) return { ok: false, reason: 'conflict', currentVersion: result.current?.version ?? currentVersion };
    return { ok: true, added: lines.length, version: result.version };
  } catch (error) {
    if (!isStorageFault(error)) throw error;
    log('error', 'storage.unavailable', { path: `/antraege/${loaded.row.id}/kosten/importieren` });
    return { ok: false, reason: 'unavailable', currentVersion };
  }
}
