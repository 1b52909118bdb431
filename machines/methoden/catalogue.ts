/**
 * The methods catalogue, version 2026-1: 21 fundable formats of the wizard plus the statutory
 * instruments the directive excludes (so that people learn why). Content is data; the schema in
 * `schema.ts` checks it in the tests, and a later editorial version replaces these arrays.
 */
import { deliberationMethods } from './content/deliberation';
import { structureMethods } from './content/structures';
import { workshopMethods } from './content/workshops';
import type { Method } from './schema';

export const METHODS_CONTENT_VERSION = '2026-1';

export const methods: readonly Method[] = [...deliberationMethods, ...workshopMethods, ...structureMethods].sort((a, b) =>
  a.name.localeCompare(b.name, 'de'),
);

const bySlug = new Map(methods.map((m) => [m.slug, m]));
export function methodBySlug(slug: string): Method | undefined {
  return bySlug.get(slug);
}

/** The method that stands for a wizard format, for links from an application back to the catalogue. */
export function methodForFormat(formatId: string): Method | undefined {
  return methods.find((m) => m.formatId === formatId);
}
