import { createActor } from 'xstate';
import { runMachine } from '../../shared/actor';
import { evaluate, type EligibilityResult, type EvaluateOptions } from '../engine';
import { factsSchema } from '../facts';
import { hasBudget } from './budget';
import { applicationToFacts, totalsFor } from './facts';
import { applicationMachine, viewOf, type ApplicationSnapshot } from './machine';
import { APPLICATION_SCHEMA_VERSION, applicationDataSchema, emptyApplication, type ApplicationData } from './schema';
import { overview, type EditableStep, type StepContext } from './steps';

/** The steps that are complete ("erledigt") for the data, given the steps with pending input. */
export function completeSteps(data: ApplicationData, context: StepContext, pending: EditableStep[] = []): EditableStep[] {
  return overview(data, context, pending)
    .filter((o) => o.status === 'erledigt')
    .map((o) => o.step as EditableStep);
}

/** A wizard snapshot for data that has none yet (a new, imported or seeded application). */
export function freshSnapshot(data: ApplicationData, context: StepContext): ApplicationSnapshot {
  return runMachine(applicationMachine, { input: { data, complete: completeSteps(data, context) } }).snapshot;
}

/** What is stored of a snapshot. */
export function persistedSnapshot(snapshot: ApplicationSnapshot): unknown {
  return createActor(applicationMachine, {
    snapshot,
    input: { data: snapshot.context.data, complete: snapshot.context.complete },
  }).getPersistedSnapshot();
}

/** Runs the rules on an application's data (facts outside the schema count as unknown). */
export function evaluateData(data: ApplicationData, context: StepContext, options: EvaluateOptions): EligibilityResult {
  const facts = factsSchema.safeParse(applicationToFacts(data, context.table, context.date, { documentTypes: context.attachmentTypes }));
  return evaluate(context.date, facts.success ? facts.data : factsSchema.parse({}), options);
}

/**
 * The stored columns that follow from the rules in force (amounts depend on caps, rates and the
 * minimum wage): a rule change that takes effect re-computes exactly these.
 */
export interface RuleColumns {
  requestedGrantCents: number | null;
  totalCents: number | null;
  verdict: string;
  ruleVersion: string;
  unmetCriteria: string[];
}

export function ruleColumnsFor(data: ApplicationData, result: EligibilityResult, context: StepContext): RuleColumns {
  const totals = hasBudget(data) ? totalsFor(data, context.table, context.date) : null;
  return {
    requestedGrantCents: totals ? totals.financing.grantCents : null,
    totalCents: totals ? totals.expenditureCents : null,
    verdict: result.verdict,
    ruleVersion: result.ruleVersion.id,
    unmetCriteria: result.findings.filter((f) => f.status === 'nicht_erfuellt').map((f) => f.id),
  };
}

/** The columns the drafts list and the statistics read without opening the snapshot. */
export function metaFor(snapshot: ApplicationSnapshot, result: EligibilityResult, context: StepContext) {
  const data = snapshot.context.data;
  return {
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    route: data.project.route ?? null,
    view: viewOf(snapshot),
    ...ruleColumnsFor(data, result, context),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Removes the value at `path` (an array element is taken out, an object key deleted). */
function removeAt(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  if (!path.length) return false;
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isRecord(node) && !Array.isArray(node)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === 'number' && last < node.length) {
    node.splice(last, 1);
    return true;
  }
  if (isRecord(node) && typeof last !== 'symbol' && last in node) {
    delete node[last as string];
    return true;
  }
  return false;
}

function laterFirst(a: ReadonlyArray<PropertyKey>, b: ReadonlyArray<PropertyKey>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return String(y).localeCompare(String(x));
  }
  return b.length - a.length;
}

/**
 * The readable part of application data stored by another release (a field renamed, a value no
 * longer allowed, the schema version missing): every value the current schema accepts is kept,
 * each one it refuses is reported in `dropped` (path and stored value) so the caller can log it.
 * `readAsStored`: the schema accepted the stored data as it was (nothing to salvage).
 */
export function salvageApplicationData(stored: unknown): {
  data: ApplicationData;
  dropped: Array<{ path: string; value: unknown }>;
  readAsStored: boolean;
} {
  const direct = applicationDataSchema.safeParse(stored);
  if (direct.success) return { data: direct.data, dropped: [], readAsStored: true };
  if (!isRecord(stored))
    return {
      data: emptyApplication(),
      dropped: stored === undefined || stored === null ? [] : [{ path: '', value: stored }],
      readAsStored: false,
    };
  const candidate: Record<string, unknown> = structuredClone({ ...stored, schemaVersion: APPLICATION_SCHEMA_VERSION });
  const dropped: Array<{ path: string; value: unknown }> = [];
  // Each round removes the values the schema refuses; nested refusals surface one level at a time.
  for (let round = 0; round < 50; round++) {
    const result = applicationDataSchema.safeParse(candidate);
    if (result.success) return { data: result.data, dropped, readAsStored: false };
    let removed = false;
    // Later array items first, so taking one out does not shift the index of another.
    const paths = result.error.issues
      .flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path]))
      .sort(laterFirst);
    const gone: string[] = [];
    for (const full of paths) {
      if (gone.some((prefix) => `${full.map(String).join('.')}.`.startsWith(`${prefix}.`))) continue;
      // A value that is missing but required takes its enclosing item (a budget line, a partner) with it.
      for (let length = full.length; length > 0; length--) {
        const path = full.slice(0, length);
        const value = path.reduce<unknown>(
          (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined),
          candidate,
        );
        if (removeAt(candidate, path)) {
          const joined = path.map(String).join('.');
          dropped.push({ path: joined, value });
          gone.push(joined);
          removed = true;
          break;
        }
      }
    }
    if (!removed) break;
  }
  return { data: emptyApplication(), dropped: [{ path: '', value: stored }], readAsStored: false };
}

/**
 * The application data of a stored wizard snapshot (its JSON), salvaged value by value as the
 * wizard does when it restores the draft; null when nothing of it can be read (no JSON, or no
 * application data in it).
 */
export function readStoredApplication(json: string): ReturnType<typeof salvageApplicationData> | null {
  let stored: unknown;
  try {
    stored = (JSON.parse(json) as { context?: { data?: unknown } } | null)?.context?.data;
  } catch {
    return null;
  }
  if (!isRecord(stored)) return null;
  const salvaged = salvageApplicationData(stored);
  return salvaged.dropped.some((d) => d.path === '') ? null : salvaged;
}
