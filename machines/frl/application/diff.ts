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
