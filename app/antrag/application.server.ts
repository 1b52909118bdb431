import { redirect } from '@remix-run/node';
import type { Snapshot } from 'xstate';
import { runMachine } from '../../machines/shared/actor';
import {
  attachmentTypesOf,
  decodeSnapshot,
  findApplication,
  saveApplication,
  type EventInput,
  type SaveResult,
} from '../../db/repositories/applications';
import type { DB } from '../../db/client';
import type { ApplicationRow } from '../../db/schema';
import {
  applicationMachine,
  viewOf,
  type ApplicationEvent,
  type ApplicationSnapshot,
  type View,
} from '../../machines/frl/application/machine';
import { emptyApplication, type ApplicationData } from '../../machines/frl/application/schema';
import {
  completeSteps,
  evaluateData,
  freshSnapshot,
  metaFor,
  persistedSnapshot as persisted,
  salvageApplicationData,
} from '../../machines/frl/application/snapshot';
import { hasContent, stepIds, type EditableStep, type StepContext } from '../../machines/frl/application/steps';

export { completeSteps, freshSnapshot, metaFor, persisted };
import type { EligibilityResult } from '../../machines/frl/engine';
import { routeInfo } from '../../machines/frl/routes';
import { getDb } from '../db.server';
import { rulesOptions, todayInSaxony, type RulesInForce } from '../rules.server';
import type { CurrentUser } from '../session.server';
import { log } from '../utils/log.server';

export interface LoadedApplication {
  row: ApplicationRow;
  snapshot: ApplicationSnapshot;
  data: ApplicationData;
  view: View;
  context: StepContext;
  /** The rules `context.table` comes from: a save re-checks the draft under the same rules. */
  rules: RulesInForce;
}

/**
 * Restores the wizard. A snapshot the current machine cannot restore is rebuilt around its stored
 * data; values the current schema refuses (written by another release) are left out of the draft
 * and written to the log with their stored value, so an operator can still recover them.
 */
export function restoreSnapshot(row: Pick<ApplicationRow, 'snapshot'>, context: StepContext): ApplicationSnapshot {
  const persistedValue = decodeSnapshot(row);
  const storedData = (persistedValue as { context?: { data?: unknown } } | null)?.context?.data;
  const salvaged = salvageApplicationData(storedData);
  if (salvaged.dropped.length) {
    log('warn', 'application.snapshot_values_unreadable', { dropped: salvaged.dropped.slice(0, 50) });
  }
  try {
    const { snapshot } = runMachine(applicationMachine, {
      snapshot: persistedValue as Snapshot<unknown>,
      input: { data: emptyApplication(), complete: [] },
    });
    // The machine's state is kept only with data the current schema reads as it is.
    if (snapshot.status === 'active' && salvaged.readAsStored) return snapshot;
  } catch {
    // rebuilt below
  }
  return freshSnapshot(salvaged.data, context);
}

export function transition(snapshot: ApplicationSnapshot, events: ApplicationEvent[]): ApplicationSnapshot {
  return runMachine(applicationMachine, { snapshot, input: { data: snapshot.context.data, complete: snapshot.context.complete } }, events)
    .snapshot;
}

export async function stepContextFor(db: DB, applicationId: number | null, rules?: RulesInForce): Promise<StepContext> {
  const { parameters } = rules ?? (await rulesOptions());
  return {
    table: parameters,
    date: todayInSaxony(),
    attachmentTypes: applicationId === null ? [] : await attachmentTypesOf(db, applicationId),
  };
}

/**
 * Results of the rule engine per application version (data, attachments and date decide the
 * result, and a version never changes its data): a save's result serves the page that follows.
 */
const resultCache = new WeakMap<object, Map<string, EligibilityResult>>();

export async function evaluateApplicationCached(
  key: string,
  data: ApplicationData,
  context: StepContext,
  rules?: RulesInForce,
): Promise<EligibilityResult> {
  // Keyed by the rule table too: publishing new parameter values gives a new table.
  let byKey = resultCache.get(context.table);
  if (!byKey) {
    byKey = new Map();
    resultCache.set(context.table, byKey);
  }
  const cacheKey = `${key}|${context.date}|${context.attachmentTypes.join(',')}`;
  const hit = byKey.get(cacheKey);
  if (hit) return hit;
  const result = await evaluateApplication(data, context, rules);
  if (byKey.size > 500) byKey.delete(byKey.keys().next().value!);
  byKey.set(cacheKey, result);
  return result;
}

/** `rules` are those `context.table` was taken from, when the caller has them (else read now). */
export async function evaluateApplication(data: ApplicationData, context: StepContext, rules?: RulesInForce): Promise<EligibilityResult> {
  return evaluateData(data, context, rules ?? (await rulesOptions()));
}

/** Loads an application of the user's organisation, or throws 404 (also for other organisations). */
export async function requireOwnApplication(
  user: CurrentUser & { organisation_id: number },
  idParam: string | undefined,
): Promise<LoadedApplication> {
  const row = await findApplicationRow(idParam);
  if (!row || row.organisation_id !== user.organisation_id) throw new Response('Nicht gefunden', { status: 404 });
  return loadApplication(row);
}

export async function findApplicationRow(idParam: string | undefined): Promise<ApplicationRow | undefined> {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return findApplication(await getDb(), id);
}

/**
 * Drafts as restored, by stored version (ADR 0088): every write of a snapshot raises the version,
 * so a step's page and the save sent from it restore that version once. The key adds the time and
 * length of the stored text (a restored backup can bring a version number back with other
 * content); an entry serves only the step context it was refreshed under. The data is frozen:
 * code that changes a restored draft in place fails at once instead of changing what the next
 * request reads.
 */
const restoredDrafts = new Map<string, { context: StepContext; snapshot: ApplicationSnapshot }>();
const RESTORED_DRAFTS_KEPT = 200;

function sameContext(a: StepContext, b: StepContext): boolean {
  return a.table === b.table && a.date === b.date && a.attachmentTypes.join('\n') === b.attachmentTypes.join('\n');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Restores the wizard of a stored application (the caller has checked access). */
export async function loadApplication(row: ApplicationRow): Promise<LoadedApplication> {
  const db = await getDb();
  const rules = await rulesOptions();
  const context = await stepContextFor(db, row.id, rules);
  const key = `${row.id}:${row.version}:${row.updated_at}:${row.snapshot.length}`;
  const kept = restoredDrafts.get(key);
  let snapshot: ApplicationSnapshot;
  if (kept && sameContext(kept.context, context)) {
    snapshot = kept.snapshot;
    restoredDrafts.delete(key);
    restoredDrafts.set(key, kept);
  } else {
    const restored = restoreSnapshot(row, context);
    // Completeness depends on things outside the snapshot (attachments, rule parameters): refresh it.
    const pendingSteps = Object.keys(restored.context.pending) as EditableStep[];
    snapshot = transition(restored, [
      { type: 'data.refresh', data: restored.context.data, complete: completeSteps(restored.context.data, context, pendingSteps) },
    ]);
    deepFreeze(snapshot.context);
    restoredDrafts.delete(key);
    restoredDrafts.set(key, { context, snapshot });
    if (restoredDrafts.size > RESTORED_DRAFTS_KEPT) restoredDrafts.delete(restoredDrafts.keys().next().value!);
  }
  return { row, snapshot, data: snapshot.context.data, view: viewOf(snapshot), context, rules };
}

/**
 * Sends the events, re-runs the rules, and saves snapshot, version + 1 and an event row in one
 * transaction – or reports a conflict when someone saved in between.
 */
export async function commit(
  loaded: LoadedApplication,
  expectedVersion: number,
  events: ApplicationEvent[],
  log: EventInput,
): Promise<{ result: SaveResult; snapshot: ApplicationSnapshot }> {
  const snapshot = transition(loaded.snapshot, events);
  const eligibility = await evaluateApplicationCached(
    `${loaded.row.id}:${expectedVersion + 1}`,
    snapshot.context.data,
    loaded.context,
    loaded.rules,
  );
  const db = await getDb();
  const result = await db.transaction().execute((trx) =>
    saveApplication(trx, {
      id: loaded.row.id,
      expectedVersion,
      snapshot: persisted(snapshot),
      meta: metaFor(snapshot, eligibility, loaded.context),
      event: log,
    }),
  );
  return { result, snapshot };
}

export function routeLabel(route: string | null): string {
  return route && route in routeInfo ? routeInfo[route as keyof typeof routeInfo].shortLabel : '–';
}

export function requireOpenableStep(loaded: LoadedApplication, step: string | undefined): (typeof stepIds)[number] {
  if (!step || !(stepIds as readonly string[]).includes(step)) throw new Response('Nicht gefunden', { status: 404 });
  const typed = step as (typeof stepIds)[number];
  const probe = transition(loaded.snapshot, [{ type: 'step.open', step: typed }]);
  if (viewOf(probe) === typed) return typed;
  // A step with content stays open even if an earlier step became incomplete again (see overview()).
  const pending = (loaded.snapshot.context.pending as Record<string, unknown>)[typed] !== undefined;
  if (typed !== 'pruefen' && hasContent(typed, loaded.data, loaded.context, pending)) return typed;
  throw redirect(`/antraege/${loaded.row.id}?gesperrt=${typed}`);
}
