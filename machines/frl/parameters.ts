import type { FundingRoute } from './routes';

/**
 * Dated parameters (OpenFisca style): every value has the date it takes effect and its legal
 * reference. Values are integers: cents for money, basis points for rates (9000 = 90 %), months or
 * years for durations. A value applies from its date until the next value's date.
 */
export interface DatedValue {
  from: string;
  value: number;
  reference: string;
  /** Set when no source settles the value; shown as "Annahme" in the UI. */
  assumption?: string;
  note?: string;
  /** Number of the Regelwerk publication that added the value; absent for values shipped in code. */
  publication?: number;
}

export interface ParameterDefinition {
  id: ParameterId;
  label: string;
  unit: 'cents' | 'basisPoints' | 'months' | 'calendarYears' | 'centsPerHour';
  values: DatedValue[];
}

export const parameterIds = [
  'grant.minimum',
  'grant.cap.A1.1',
  'grant.cap.A1.2',
  'grant.cap.A1.3',
  'grant.cap.B',
  'grant.maxRate',
  'duration.A1.1',
  'duration.A1.2',
  'duration.A1.3',
  'duration.B',
  'earlyStart.threshold.kommune',
  'earlyStart.threshold.other',
  'inKind.maxShareOfOwnContribution',
  'minimumWage',
] as const;
export type ParameterId = (typeof parameterIds)[number];

const directive2022 = '2022-01-21';

export const shippedParameters: Record<ParameterId, ParameterDefinition> = {
  'grant.minimum': {
    id: 'grant.minimum',
    label: 'Mindestzuwendung',
    unit: 'cents',
    values: [
      {
        from: directive2022,
        value: 500_000,
        reference: 'FRL Teil 2 A V Nr. 2, Teil 2 B V Nr. 2',
        note: 'weicht von VVK Nr. 1.1 (10.000 €) ab',
      },
    ],
  },
  'grant.cap.A1.1': {
    id: 'grant.cap.A1.1',
    label: 'Höchstbetrag Einzelvorhaben (gesamt)',
    unit: 'cents',
    values: [{ from: directive2022, value: 1_000_000, reference: 'FRL Teil 2 A V Nr. 2.1' }],
  },
  'grant.cap.A1.2': {
    id: 'grant.cap.A1.2',
    label: 'Höchstbetrag Modellkommune je Jahr',
    unit: 'cents',
    values: [{ from: directive2022, value: 3_500_000, reference: 'FRL Teil 2 A V Nr. 2.2' }],
  },
  'grant.cap.A1.3': {
    id: 'grant.cap.A1.3',
    label: 'Höchstbetrag Bürgerkommune je Jahr',
    unit: 'cents',
    values: [{ from: directive2022, value: 8_000_000, reference: 'FRL Teil 2 A V Nr. 2.3' }],
  },
  'grant.cap.B': {
    id: 'grant.cap.B',
    label: 'Höchstbetrag Zivilgesellschaft je Jahr',
    unit: 'cents',
    values: [{ from: directive2022, value: 8_000_000, reference: 'FRL Teil 2 B V Nr. 2' }],
  },
  'grant.maxRate': {
    id: 'grant.maxRate',
    label: 'Höchstfördersatz der zuwendungsfähigen Ausgaben',
    unit: 'basisPoints',
    values: [{ from: directive2022, value: 9000, reference: 'FRL Teil 2 A V Nr. 5, Teil 2 B V Nr. 4' }],
  },
  'duration.A1.1': {
    id: 'duration.A1.1',
    label: 'Regellaufzeit Einzelvorhaben',
    unit: 'months',
    values: [{ from: directive2022, value: 12, reference: 'FRL Teil 2 A V Nr. 4' }],
  },
  'duration.A1.2': {
    id: 'duration.A1.2',
    label: 'Höchstlaufzeit Modellkommune',
    unit: 'calendarYears',
    values: [{ from: directive2022, value: 3, reference: 'FRL Teil 2 A V Nr. 4' }],
  },
  'duration.A1.3': {
    id: 'duration.A1.3',
    label: 'Höchstlaufzeit Bürgerkommune',
    unit: 'calendarYears',
    values: [{ from: directive2022, value: 3, reference: 'FRL Teil 2 A V Nr. 4' }],
  },
  'duration.B': {
    id: 'duration.B',
    label: 'Höchstlaufzeit Zivilgesellschaft',
    unit: 'calendarYears',
    values: [{ from: directive2022, value: 2, reference: 'FRL Teil 2 B V Nr. 3' }],
  },
  'earlyStart.threshold.kommune': {
    id: 'earlyStart.threshold.kommune',
    label: 'Vorhabensbeginn ab Antragstellung zulässig unter (Kommunen)',
    unit: 'cents',
    values: [{ from: directive2022, value: 100_000_000, reference: 'VVK Nr. 1.3' }],
  },
  'earlyStart.threshold.other': {
    id: 'earlyStart.threshold.other',
    label: 'Vorhabensbeginn ab Antragstellung zulässig unter (übrige Träger)',
    unit: 'cents',
    values: [{ from: directive2022, value: 10_000_000, reference: 'VwV zu § 44 SäHO Nr. 1.4' }],
  },
  'inKind.maxShareOfOwnContribution': {
    id: 'inKind.maxShareOfOwnContribution',
    label: 'Höchstanteil unbarer Leistungen am Eigenanteil (Teil 2 B)',
    unit: 'basisPoints',
    values: [{ from: directive2022, value: 5000, reference: 'FRL Teil 2 B V Nr. 5' }],
  },
  minimumWage: {
    id: 'minimumWage',
    label: 'Gesetzlicher Mindestlohn je Stunde (Bewertung ehrenamtlicher Stunden)',
    unit: 'centsPerHour',
    values: [
      { from: '2022-01-01', value: 982, reference: '§ 1 Abs. 2 MiLoG i. V. m. Dritte Mindestlohnanpassungsverordnung' },
      { from: '2022-07-01', value: 1045, reference: 'Dritte Mindestlohnanpassungsverordnung' },
      { from: '2022-10-01', value: 1200, reference: 'Mindestlohnerhöhungsgesetz vom 28.06.2022' },
      { from: '2024-01-01', value: 1241, reference: 'Vierte Mindestlohnanpassungsverordnung' },
      { from: '2025-01-01', value: 1282, reference: 'Vierte Mindestlohnanpassungsverordnung' },
      { from: '2026-01-01', value: 1390, reference: 'Fünfte Mindestlohnanpassungsverordnung' },
      { from: '2027-01-01', value: 1460, reference: 'Fünfte Mindestlohnanpassungsverordnung' },
    ],
  },
};

export type ParameterTable = Record<ParameterId, ParameterDefinition>;

export const capParameterOf: Record<FundingRoute, ParameterId> = {
  'A1.1': 'grant.cap.A1.1',
  'A1.2': 'grant.cap.A1.2',
  'A1.3': 'grant.cap.A1.3',
  B: 'grant.cap.B',
};
export const durationParameterOf: Record<FundingRoute, ParameterId> = {
  'A1.1': 'duration.A1.1',
  'A1.2': 'duration.A1.2',
  'A1.3': 'duration.A1.3',
  B: 'duration.B',
};

/** The value in force on `date` (ISO), or undefined before the first value. */
export function valueOn(definition: ParameterDefinition, date: string): DatedValue | undefined {
  let current: DatedValue | undefined;
  for (const value of [...definition.values].sort((a, b) => a.from.localeCompare(b.from))) {
    if (value.from <= date) current = value;
  }
  return current;
}

/** All parameter values in force on `date`; throws when one has no value yet (a data error). */
export function resolveParameters(table: ParameterTable, date: string): Record<ParameterId, DatedValue> {
  let byDate = resolvedCache.get(table);
  if (!byDate) {
    byDate = new Map();
    resolvedCache.set(table, byDate);
  }
  const cached = byDate.get(date);
  if (cached) return cached;
  const resolved = resolveUncached(table, date);
  if (byDate.size > 1000) byDate.clear();
  byDate.set(date, resolved);
  return resolved;
}

/** Resolved tables are reused per table object and date (tables are treated as immutable). */
const resolvedCache = new WeakMap<ParameterTable, Map<string, Record<ParameterId, DatedValue>>>();

function resolveUncached(table: ParameterTable, date: string): Record<ParameterId, DatedValue> {
  const resolved = {} as Record<ParameterId, DatedValue>;
  for (const id of parameterIds) {
    const value = valueOn(table[id], date);
    if (!value) throw new Error(`Parameter ${id} hat am ${date} keinen Wert.`);
    resolved[id] = value;
  }
  return resolved;
}

/** Hours are valued at the minimum wage in force when the work is done (FRL Teil 2 B V Nr. 5). */
export function minimumWageOn(table: ParameterTable, date: string): DatedValue | undefined {
  return valueOn(table.minimumWage, date);
}

/** Merges additional dated values (e.g. published by ministry staff) into the shipped table. */
export function withAdditionalValues(table: ParameterTable, additions: Array<{ parameterId: ParameterId } & DatedValue>): ParameterTable {
  const merged = structuredClone(table);
  for (const { parameterId, ...value } of additions) {
    const values = merged[parameterId].values.filter((v) => v.from !== value.from);
    values.push(value);
    values.sort((a, b) => a.from.localeCompare(b.from));
    merged[parameterId].values = values;
  }
  return merged;
}
