/**
 * Dated parameters of the rules after the Bescheid (ANBest-K, ANBest-P, VVK, VwV zu § 44 SäHO, FRL).
 * Same shape as the eligibility parameters: integers (cents, basis points, months, days, years),
 * each value with the date it takes effect and its clause; `assumption` marks what no source settles.
 */
export interface DatedValue {
  from: string;
  value: number;
  reference: string;
  assumption?: string;
  note?: string;
}

export interface ImplementationParameter {
  id: ImplementationParameterId;
  label: string;
  unit: 'cents' | 'basisPoints' | 'months' | 'days' | 'years' | 'flag';
  values: DatedValue[];
}

export const implementationParameterIds = [
  'payout.regular.first',
  'payout.regular.second',
  'payout.regular.final',
  'payout.regular.split.threshold',
  'payout.regular.split.share',
  'payout.regular.completenessCheckMonths',
  'payout.regular.finalLatestMonths',
  'payout.kommune.advanceAllowed',
  'payout.minimumPartial.kommune',
  'payout.minimumPartial.other',
  'advance.needWindowMonths',
  'change.reductionThreshold',
  'notice.reductionShare',
  'notice.reductionAmount',
  'start.latestMonths',
  'proof.kommune.months',
  'proof.other.months',
  'proof.interimAfterYears',
  'records.keepYears',
  'inventory.threshold',
  'procurement.grantThreshold',
  'procurement.orderThreshold',
  'repayment.minimum.other',
  'interest.minimum.kommune',
  'interest.minimum.other',
  'interest.pointsAboveBase',
  'interest.baseRate',
  'bescheid.appealMonths',
  'bescheid.postalDays',
] as const;
export type ImplementationParameterId = (typeof implementationParameterIds)[number];

const frl = '2022-01-21';
const always = '2000-01-01';

function one(
  id: ImplementationParameterId,
  label: string,
  unit: ImplementationParameter['unit'],
  value: number,
  reference: string,
  extra: Partial<DatedValue> = {},
  from = frl,
): ImplementationParameter {
  return { id, label, unit, values: [{ from, value, reference, ...extra }] };
}

export const implementationParameters: Record<ImplementationParameterId, ImplementationParameter> = {
  'payout.regular.first': one(
    'payout.regular.first',
    'Erste Rate nach Bestandskraft und Anzeige des Vorhabensbeginns',
    'basisPoints',
    4000,
    'VVK Nr. 7.1 i. V. m. FRL Teil 2 A VI Nr. 1; VwV zu § 44 SäHO Nr. 7.1',
  ),
  'payout.regular.second': one(
    'payout.regular.second',
    'Zweite Rate nach Vorlage des vollständigen Verwendungsnachweises',
    'basisPoints',
    5000,
    'VVK Nr. 7.1; VwV zu § 44 SäHO Nr. 7.1',
  ),
  'payout.regular.final': one(
    'payout.regular.final',
    'Schlussrate nach Prüfung des Verwendungsnachweises',
    'basisPoints',
    1000,
    'VVK Nr. 7.1; VwV zu § 44 SäHO Nr. 7.1',
  ),
  'payout.regular.split.threshold': one(
    'payout.regular.split.threshold',
    'Gesamtzuwendung, ab der die zweite Rate geteilt werden soll (über)',
    'cents',
    15_000_000,
    'VVK Nr. 7.2; VwV zu § 44 SäHO Nr. 7.2',
  ),
  'payout.regular.split.share': one(
    'payout.regular.split.share',
    'Zwischenrate bei geteilter zweiter Rate',
    'basisPoints',
    2500,
    'VVK Nr. 7.2; VwV zu § 44 SäHO Nr. 7.2',
  ),
  'payout.regular.completenessCheckMonths': one(
    'payout.regular.completenessCheckMonths',
    'Frist der SAB für die Vollständigkeitsprüfung des Verwendungsnachweises',
    'months',
    1,
    'VVK Nr. 7.1; VwV zu § 44 SäHO Nr. 7.1',
  ),
  'payout.regular.finalLatestMonths': one(
    'payout.regular.finalLatestMonths',
    'Schlussrate spätestens nach Vorlage des vollständigen Verwendungsnachweises',
    'months',
    6,
    'VVK Nr. 7.1; VwV zu § 44 SäHO Nr. 7.1',
  ),
  'payout.kommune.advanceAllowed': {
    id: 'payout.kommune.advanceAllowed',
    label: 'Vorauszahlungen auf Auszahlungsantrag für Kommunen zugelassen (1 = ja)',
    unit: 'flag',
    values: [
      { from: frl, value: 1, reference: 'FRL Teil 2 A VI Nr. 3', note: 'bis zum Ablauf des Haushaltsjahres 2024' },
      { from: '2025-01-01', value: 0, reference: 'FRL Teil 2 A VI Nr. 3', note: 'ab 2025 gilt wieder das Regelverfahren nach VVK Nr. 7.1' },
    ],
  },
  'payout.minimumPartial.kommune': one(
    'payout.minimumPartial.kommune',
    'Untergrenze für Teil- und Vorauszahlungen (Kommunen)',
    'cents',
    100_000,
    'FRL Teil 2 A VI Nr. 2',
    { note: 'weicht von VVK Nr. 7.5 (10.000 €) ab' },
  ),
  'payout.minimumPartial.other': one(
    'payout.minimumPartial.other',
    'Untergrenze für Teil- und Vorauszahlungen (übrige Träger)',
    'cents',
    100_000,
    'VwV zu § 44 SäHO Nr. 7.7',
  ),
  'advance.needWindowMonths': one(
    'advance.needWindowMonths',
    'Mittelabruf nur für Zahlungen, die innerhalb dieser Frist nach der Auszahlung fällig werden',
    'months',
    6,
    'ANBest-P Nr. 1.4 Satz 1; VwV zu § 44 SäHO Nr. 7.5',
  ),
  'change.reductionThreshold': one(
    'change.reductionThreshold',
    'Ermäßigung der Zuwendung nur bei Änderungen um mehr als',
    'cents',
    50_000,
    'ANBest-K Nr. 2.2; ANBest-P Nr. 2.2',
  ),
  'notice.reductionShare': one(
    'notice.reductionShare',
    'Anzeigepflicht bei Ermäßigung der zuwendungsfähigen Ausgaben um mehr als (Anteil)',
    'basisPoints',
    750,
    'ANBest-K Nr. 5.1; ANBest-P Nr. 5.1',
  ),
  'notice.reductionAmount': one(
    'notice.reductionAmount',
    'Anzeigepflicht bei Ermäßigung der zuwendungsfähigen Ausgaben um mehr als (Betrag)',
    'cents',
    1_000_000,
    'ANBest-K Nr. 5.1; ANBest-P Nr. 5.1',
  ),
  'start.latestMonths': one(
    'start.latestMonths',
    'Beginn spätestens nach Zugang des Zuwendungsbescheides, sonst Widerruf möglich',
    'months',
    12,
    'ANBest-K Nr. 1.4; ANBest-P Nr. 1.5',
  ),
  'proof.kommune.months': one(
    'proof.kommune.months',
    'Verwendungsnachweis nach Erfüllung des Zwecks, spätestens nach Ende des Bewilligungszeitraums',
    'months',
    12,
    'ANBest-K Nr. 6.1',
  ),
  'proof.other.months': one(
    'proof.other.months',
    'Verwendungsnachweis (übrige Träger) nach Erfüllung des Zwecks, spätestens mit Ablauf des so vielten Folgemonats',
    'months',
    6,
    'ANBest-P Nr. 6.1',
  ),
  'proof.interimAfterYears': one(
    'proof.interimAfterYears',
    'Zwischennachweis kann bei Vorhaben von mehr als so vielen Jahren gefordert werden',
    'years',
    3,
    'VwV zu § 44 SäHO Nr. 5.3.4',
  ),
  'records.keepYears': one(
    'records.keepYears',
    'Aufbewahrung der Belege nach Vorlage des Verwendungsnachweises',
    'years',
    5,
    'ANBest-P Nr. 6.8',
    {
      assumption: 'Die ANBest-K nennt keine Frist; wir zeigen dieselbe Frist auch Kommunen als Empfehlung.',
    },
  ),
  'inventory.threshold': one(
    'inventory.threshold',
    'Gegenstände sind zu inventarisieren ab einem Anschaffungswert über',
    'cents',
    80_000,
    'ANBest-P Nr. 4.2',
  ),
  'procurement.grantThreshold': one(
    'procurement.grantThreshold',
    'Drei Angebote einholen ab einer Zuwendung von',
    'cents',
    10_000_000,
    'ANBest-P Nr. 3',
  ),
  'procurement.orderThreshold': one(
    'procurement.orderThreshold',
    'Drei Angebote bei Aufträgen über (ohne Umsatzsteuer)',
    'cents',
    500_000,
    'ANBest-P Nr. 3',
  ),
  'repayment.minimum.other': one(
    'repayment.minimum.other',
    'Rückforderung soll unterbleiben bei Beträgen unter',
    'cents',
    50_000,
    'VwV zu § 44 SäHO Nr. 8.8',
  ),
  'interest.minimum.kommune': one(
    'interest.minimum.kommune',
    'Zinsen nur, wenn der Gesamtzinsanspruch (Kommunen) mehr beträgt als',
    'cents',
    25_000,
    'VVK Nr. 8.8',
  ),
  'interest.minimum.other': one(
    'interest.minimum.other',
    'Zinsen nur, wenn der Gesamtzinsanspruch (übrige Träger) mehr beträgt als',
    'cents',
    5_000,
    'VwV zu § 44 SäHO Nr. 8.9',
  ),
  'interest.pointsAboveBase': one(
    'interest.pointsAboveBase',
    'Zinssatz über dem Basiszinssatz',
    'basisPoints',
    500,
    '§ 49a Abs. 3 VwVfG (über ANBest-K Nr. 8.4, ANBest-P Nr. 8.4/8.5)',
    {
      assumption:
        '§ 49a VwVfG liegt nicht in den hinterlegten Quellen; fünf Prozentpunkte über dem Basiszinssatz nach dem Gesetzeswortlaut, bitte prüfen.',
    },
    always,
  ),
  'interest.baseRate': {
    id: 'interest.baseRate',
    label: 'Basiszinssatz (§ 247 BGB)',
    unit: 'basisPoints',
    values: [
      {
        from: '2023-01-01',
        value: 162,
        reference: '§ 247 BGB, Bekanntmachung der Deutschen Bundesbank',
        assumption: 'Nicht in den hinterlegten Quellen; halbjährlich zu pflegen.',
      },
      {
        from: '2023-07-01',
        value: 312,
        reference: '§ 247 BGB, Bekanntmachung der Deutschen Bundesbank',
        assumption: 'Nicht in den hinterlegten Quellen; halbjährlich zu pflegen.',
      },
      {
        from: '2024-01-01',
        value: 362,
        reference: '§ 247 BGB, Bekanntmachung der Deutschen Bundesbank',
        assumption: 'Nicht in den hinterlegten Quellen; halbjährlich zu pflegen.',
      },
      {
        from: '2024-07-01',
        value: 337,
        reference: '§ 247 BGB, Bekanntmachung der Deutschen Bundesbank',
        assumption: 'Nicht in den hinterlegten Quellen; halbjährlich zu pflegen.',
      },
      {
        from: '2025-01-01',
        value: 227,
        reference: '§ 247 BGB, Bekanntmachung der Deutschen Bundesbank',
        assumption: 'Nicht in den hinterlegten Quellen; halbjährlich zu pflegen.',
      },
      {
        from: '2025-07-01',
        value: 127,
        reference: '§ 247 BGB, Bekanntmachung der Deutschen Bundesbank',
        assumption: 'Nicht in den hinterlegten Quellen; seither unverändert angenommen, bitte pflegen.',
      },
    ],
  },
  'bescheid.appealMonths': one(
    'bescheid.appealMonths',
    'Rechtsbehelfsfrist: der Bescheid wird so viele Monate nach Bekanntgabe bestandskräftig',
    'months',
    1,
    '§ 70 VwGO, § 74 VwGO (Rechtsbehelfsbelehrung nach VwV zu § 44 SäHO Nr. 4.2.11)',
    {
      assumption:
        'Die hinterlegten Quellen nennen die Frist nicht; ein Monat nach Bekanntgabe ohne Rechtsbehelf, früher bei erklärtem Rechtsbehelfsverzicht.',
    },
    always,
  ),
  'bescheid.postalDays': {
    id: 'bescheid.postalDays',
    label: 'Bekanntgabe eines Briefs: so viele Tage nach Aufgabe zur Post (wenn kein Zugangsdatum bekannt ist)',
    unit: 'days',
    values: [
      {
        from: always,
        value: 3,
        reference: '§ 41 Abs. 2 VwVfG',
        assumption: 'Nicht in den hinterlegten Quellen; nur verwendet, wenn der Zugang nicht erfasst ist.',
      },
      {
        from: '2025-01-01',
        value: 4,
        reference: '§ 41 Abs. 2 VwVfG i. d. F. ab 01.01.2025',
        assumption: 'Nicht in den hinterlegten Quellen; nur verwendet, wenn der Zugang nicht erfasst ist.',
      },
    ],
  },
};

export type ImplementationParameterTable = Record<ImplementationParameterId, ImplementationParameter>;

/** The value in force on `date` (ISO). Throws before the first value (a data error, never user input). */
export function valueOn(table: ImplementationParameterTable, id: ImplementationParameterId, date: string): DatedValue {
  let current: DatedValue | undefined;
  for (const value of [...table[id].values].sort((a, b) => a.from.localeCompare(b.from))) {
    if (value.from <= date) current = value;
  }
  if (!current) throw new Error(`Parameter ${id} hat am ${date} keinen Wert.`);
  return current;
}

export const paramOn = (table: ImplementationParameterTable, id: ImplementationParameterId, date: string): number =>
  valueOn(table, id, date).value;
