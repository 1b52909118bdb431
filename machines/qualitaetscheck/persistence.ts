import { createActor, type Snapshot } from 'xstate';
import { runMachine } from '../shared/actor';
import {
  createQualityCheckMachine,
  needsContentAdoption,
  type QualityCheckEvent,
  type QualityCheckMachine,
  type QualityCheckSnapshot,
} from './machine';
import { isPerspective, type QualityCheckContent } from './schema';
import { answerSheetSchema, type AnswerSheet } from './scoring';

/**
 * Restoring, advancing and persisting a respondent's check, for one content version. Pure (no I/O):
 * the server stores what `persistable` returns and hands it back to `restore`.
 */

const machines = new Map<string, { content: QualityCheckContent; machine: QualityCheckMachine }>();

/** One machine per content version (the machine closes over its content). */
export function machineFor(content: QualityCheckContent): QualityCheckMachine {
  const cached = machines.get(content.version);
  if (cached && cached.content === content) return cached.machine;
  const machine = createQualityCheckMachine(content);
  machines.set(content.version, { content, machine });
  return machine;
}

function run(
  machine: QualityCheckMachine,
  options: { snapshot?: Snapshot<unknown>; answers?: AnswerSheet },
  events: QualityCheckEvent[] = [],
) {
  return runMachine(
    machine,
    { ...(options.snapshot ? { snapshot: options.snapshot } : {}), input: options.answers ? { answers: options.answers } : {} },
    events,
  ).snapshot;
}

/** A new check: the perspective page, optionally with answers to start from. */
export function freshCheck(content: QualityCheckContent, answers: AnswerSheet = {}): QualityCheckSnapshot {
  return run(machineFor(content), { answers });
}

/** What can be read from a stored value even when the machine cannot restore it. */
export function salvage(persisted: unknown): { answers: AnswerSheet; perspective: string | null } {
  const context = (persisted as { context?: { answers?: unknown; perspective?: unknown } } | null)?.context;
  const parsed = answerSheetSchema.safeParse(context?.answers);
  let answers: AnswerSheet = {};
  if (parsed.success) answers = parsed.data;
  else if (context?.answers && typeof context.answers === 'object') {
    // Keep every answer that is still readable; drop only the broken ones.
    for (const [id, answer] of Object.entries(context.answers as Record<string, unknown>)) {
      const one = answerSheetSchema.safeParse({ [id]: answer });
      if (one.success) answers[id] = one.data[id]!;
    }
  }
  return { answers, perspective: isPerspective(context?.perspective) ? context.perspective : null };
}

/**
 * Restores a stored check into the machine of `content`. A snapshot saved under another content
 * version is adopted (answers kept, pages re-checked); one the machine cannot read at all is
 * rebuilt around its answers and perspective, so nothing answered is lost.
 */
export function restoreCheck(persisted: unknown, content: QualityCheckContent): QualityCheckSnapshot {
  const machine = machineFor(content);
  if (persisted && typeof persisted === 'object') {
    try {
      const snapshot = run(machine, { snapshot: persisted as Snapshot<unknown> });
      const usable = snapshot.status === 'active' && typeof snapshot.context?.page === 'string' && Array.isArray(snapshot.context.visited);
      if (usable) return needsContentAdoption(snapshot, content) ? run(machine, { snapshot }, [{ type: 'content.adopt' }]) : snapshot;
    } catch {
      // rebuilt below
    }
  }
  const { answers, perspective } = salvage(persisted);
  return run(machine, { answers }, isPerspective(perspective) ? [{ type: 'perspective.choose', perspective }] : []);
}

/** Sends events in order and returns the new snapshot. */
export function advanceCheck(
  snapshot: QualityCheckSnapshot,
  content: QualityCheckContent,
  events: QualityCheckEvent[],
): QualityCheckSnapshot {
  return run(machineFor(content), { snapshot }, events);
}

/** The JSON-safe form of a snapshot, for the database. */
export function persistableCheck(snapshot: QualityCheckSnapshot, content: QualityCheckContent): unknown {
  return createActor(machineFor(content), { snapshot, input: {} }).getPersistedSnapshot();
}
