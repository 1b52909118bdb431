/**
 * Field-by-field changes between two versions of an application, for the event log and for
 * "what changed since my last review". Rows of lists are matched by their `id`, so a moved or
 * edited budget line is one change, not a cascade.
 */
export interface FieldChange {
  /** "project.title", "budget.lines[id=l7].amountCents" */
  path: string;
  before: unknown;
  after: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasIds(list: unknown[]): list is Array<{ id: string }> {
  return list.every((item) => isObject(item) && typeof item.id === 'string');
}

export function diff(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after) && hasIds(before) && hasIds(after)) {
    const changes: FieldChange[] = [];
    const beforeById = new Map(before.map((row) => [row.id, row]));
    const afterById = new Map(after.map((row) => [row.id, row]));
    for (const row of before) {
      const rowPath = `${path}[id=${row.id}]`;
      if (!afterById.has(row.id)) changes.push({ path: rowPath, before: row, after: undefined });
      else changes.push(...diff(row, afterById.get(row.id), rowPath));
    }
    for (const row of after) if (!beforeById.has(row.id)) changes.push({ path: `${path}[id=${row.id}]`, before: undefined, after: row });
    return changes;
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ path, before, after }];
  }
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].sort().flatMap((key) => diff(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return [{ path, before, after }];
}

export type { Json };

export interface RecordedChange {
  at: string;
  by: string | null;
  changes: ReadonlyArray<{ path: string; before?: unknown; after?: unknown }>;
}

export interface NetChange {
  path: string;
  before: unknown;
  after: unknown;
  /** When and by whom the path was last changed. */
  at: string;
  by: string | null;
  /** How many saves touched the path. */
  saves: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const rowPath = (path: string) => /^(.*\[id=[^\]]+\])(?:\.(.+))?$/.exec(path);

/**
 * The net effect of several saves, path by path: the value before the first save against the
 * value after the last one. Edits that were undone disappear; a row added (or removed) in the
 * period is one change showing the whole row as it is now (or as it was at the start).
 */
export function netChanges(events: readonly RecordedChange[]): NetChange[] {
  const byPath = new Map<string, NetChange>();
  for (const event of events) {
    for (const change of event.changes) {
      const known = byPath.get(change.path);
      if (known) byPath.set(change.path, { ...known, after: change.after, at: event.at, by: event.by, saves: known.saves + 1 });
      else byPath.set(change.path, { path: change.path, before: change.before, after: change.after, at: event.at, by: event.by, saves: 1 });
    }
  }
  const rows = [...byPath.values()].filter((c) => rowPath(c.path) && !rowPath(c.path)![2]);
  for (const row of rows) {
    const fields = [...byPath.values()].filter((c) => c.path.startsWith(`${row.path}.`));
    if (row.before === undefined && row.after !== undefined) {
      // Added in the period: later edits of its fields are part of the row as it is now.
      let after = row.after as Record<string, unknown>;
      let last = row;
      for (const f of fields) {
        after = { ...after, [f.path.slice(row.path.length + 1)]: f.after };
        if (f.at > last.at) last = f;
        byPath.delete(f.path);
      }
      byPath.set(row.path, { ...row, after, at: last.at, by: last.by });
    } else if (row.after === undefined && row.before !== undefined) {
      // Removed: show it as it was at the start of the period, before any edit.
      let before = row.before as Record<string, unknown>;
      for (const f of fields) {
        before = { ...before, [f.path.slice(row.path.length + 1)]: f.before };
        byPath.delete(f.path);
      }
      byPath.set(row.path, { ...row, before });
    }
  }
  return [...byPath.values()].filter((c) => !same(c.before, c.after));
}
