/**
 * Catalogue filters as they arrive from a plain GET form. Unknown or malformed values are dropped,
 * never an error: a filter link someone edited by hand still shows a page.
 */
import { participationLevels, targetGroupIds, type ParticipationLevel, type TargetGroupId } from '../shared/participation';
import { methodModes, type Method, type MethodMode } from './schema';

export const groupSizeBuckets = {
  klein: { label: 'bis 25 Personen', min: 1, max: 25 },
  mittel: { label: '26 bis 100 Personen', min: 26, max: 100 },
  gross: { label: 'mehr als 100 Personen', min: 101, max: Number.MAX_SAFE_INTEGER },
} as const;
export type GroupSizeBucket = keyof typeof groupSizeBuckets;

export const durationBuckets = {
  'ein-termin': { label: 'Ein Termin oder ohne Treffen', min: 0, max: 1 },
  'zwei-drei': { label: 'Zwei bis drei Termine', min: 2, max: 3 },
  reihe: { label: 'Vier und mehr Termine', min: 4, max: Number.MAX_SAFE_INTEGER },
} as const;
export type DurationBucket = keyof typeof durationBuckets;

/** Budget ceilings offered in the form, in whole euros. */
export const budgetCeilings = [5000, 10000, 20000, 50000] as const;

export interface MethodFilters {
  level?: ParticipationLevel;
  groupSize?: GroupSizeBucket;
  duration?: DurationBucket;
  mode?: MethodMode;
  targetGroup?: TargetGroupId;
  maxEuro?: (typeof budgetCeilings)[number];
  fundableOnly: boolean;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseMethodFilters(params: URLSearchParams): MethodFilters {
  const maxEuro = Number(params.get('budget'));
  return {
    level: pick(participationLevels, params.get('stufe')),
    groupSize: pick(Object.keys(groupSizeBuckets) as GroupSizeBucket[], params.get('groesse')),
    duration: pick(Object.keys(durationBuckets) as DurationBucket[], params.get('dauer')),
    mode: pick(methodModes, params.get('form')),
    targetGroup: pick(targetGroupIds, params.get('zielgruppe')),
    maxEuro: budgetCeilings.find((c) => c === maxEuro),
    fundableOnly: params.get('foerderfaehig') === '1',
  };
}

const overlaps = (a: { min: number; max: number }, b: { min: number; max: number }) => a.min <= b.max && a.max >= b.min;

export function matchesFilters(method: Method, filters: MethodFilters): boolean {
  if (filters.level && !method.levels.includes(filters.level)) return false;
  if (filters.groupSize && !overlaps(method.groupSize, groupSizeBuckets[filters.groupSize])) return false;
  if (filters.duration && !overlaps(method.meetings, durationBuckets[filters.duration])) return false;
  if (filters.mode && !method.modes.includes(filters.mode)) return false;
  if (filters.targetGroup && !method.targetGroups.includes(filters.targetGroup)) return false;
  if (filters.maxEuro !== undefined && method.typicalCostEuro.min > filters.maxEuro) return false;
  if (filters.fundableOnly && method.fundingFit.status === 'ausgeschlossen') return false;
  return true;
}

export function hasAnyFilter(filters: MethodFilters): boolean {
  return Object.entries(filters).some(([key, value]) => (key === 'fundableOnly' ? value === true : value !== undefined));
}
