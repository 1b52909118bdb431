import { z } from 'zod';
import { formatEuro, formatPercentBasisPoints } from '../shared/format';

/**
 * The Zuwendungsbescheid as the grantee records it (VwV zu § 44 SäHO Nr. 4.2 lists what it must
 * contain): JSON-safe, money in integer cents, rates in basis points, dates as ISO strings. The
 * approved plan's lines are the budget lines receipts are booked on. Also the JSON import format.
 */

export const BESCHEID_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Datum im Format JJJJ-MM-TT erwartet.' });
const cents = z.number().int().nonnegative().max(10_000_000_00);

export const financingTypes = ['anteilfinanzierung', 'fehlbedarfsfinanzierung', 'festbetragsfinanzierung'] as const;
export type FinancingType = (typeof financingTypes)[number];
export const financingTypeLabel: Record<FinancingType, string> = {
  anteilfinanzierung: 'Anteilfinanzierung',
  fehlbedarfsfinanzierung: 'Fehlbedarfsfinanzierung',
  festbetragsfinanzierung: 'Festbetragsfinanzierung',
};

export const approvedLineSchema = z.strictObject({
  id: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  approvedCents: cents,
});
export type ApprovedLine = z.output<typeof approvedLineSchema>;

export const bescheidSchema = z.strictObject({
  schemaVersion: z.literal(BESCHEID_SCHEMA_VERSION),
  /** Teil 2 A (Kommunen: ANBest-K, VVK) or Teil 2 B (Zivilgesellschaft: ANBest-P, VwV zu § 44). */
  programmePart: z.enum(['A', 'B']),
  fileNumber: z.string().min(1).max(60),
  issuedOn: isoDate,
  /** Zugang (the start of the one-year start window, ANBest-K Nr. 1.4 / ANBest-P Nr. 1.5). */
  receivedOn: isoDate,
  /** A declared waiver of appeal makes the Bescheid final on that day. */
  appealWaivedOn: isoDate.nullable(),
  periodStart: isoDate,
  periodEnd: isoDate,
  financingType: z.enum(financingTypes),
  grantCents: cents,
  rateBp: z.number().int().min(1).max(10_000),
  vatDeductible: z.boolean(),
  /** Vorauszahlungsverfahren (VwV zu § 44 SäHO Nr. 7.5; for Teil 2 B on request, FRL Teil 2 B VI). */
  advancePayments: z.boolean(),
  lines: z.array(approvedLineSchema).min(1).max(100),
  financing: z.strictObject({
    ownCashCents: cents,
    inKindCents: cents,
    thirdPartyCents: cents,
    otherPublicCents: cents,
  }),
  conditions: z.string().max(5000),
});
export type Bescheid = z.output<typeof bescheidSchema>;

export interface BescheidProblem {
  field: string;
  message: string;
}

export const approvedTotalCents = (b: Pick<Bescheid, 'lines'>) => b.lines.reduce((s, l) => s + l.approvedCents, 0);
export const financingTotalCents = (b: Pick<Bescheid, 'financing' | 'grantCents'>) =>
  b.grantCents + b.financing.ownCashCents + b.financing.inKindCents + b.financing.thirdPartyCents + b.financing.otherPublicCents;

/** The largest grant the rate allows on the approved expenditure, rounded down to the cent. */
export const grantByRateCents = (expenditureCents: number, rateBp: number) => Math.floor((expenditureCents * rateBp) / 10_000);

/**
 * Consistency of a recorded Bescheid, each problem at its field with the clause. A Bescheid that
 * fails here is not saved: the plan it would bind receipts to does not add up.
 */
export function bescheidProblems(b: Bescheid, maxRateBp = 9000): BescheidProblem[] {
  const problems: BescheidProblem[] = [];
  if (b.periodEnd < b.periodStart) {
    problems.push({
      field: 'periodEnd',
      message: 'Das Ende des Bewilligungszeitraums liegt vor seinem Beginn (VwV zu § 44 SäHO Nr. 4.2.5).',
    });
  }
  if (b.receivedOn < b.issuedOn) {
    problems.push({ field: 'receivedOn', message: 'Der Bescheid kann nicht vor seinem Datum zugegangen sein.' });
  }
  if (b.appealWaivedOn && b.appealWaivedOn < b.receivedOn) {
    problems.push({ field: 'appealWaivedOn', message: 'Ein Rechtsbehelfsverzicht ist erst nach Zugang des Bescheides möglich.' });
  }
  const ids = new Set<string>();
  b.lines.forEach((line, i) => {
    if (ids.has(line.id)) problems.push({ field: `lines[${i}].id`, message: `Die Kennung „${line.id}“ kommt zweimal vor.` });
    ids.add(line.id);
  });
  const expenditure = approvedTotalCents(b);
  const financing = financingTotalCents(b);
  if (expenditure !== financing) {
    problems.push({
      field: 'financing',
      message: `Der Finanzierungsplan ist nicht ausgeglichen: Ausgaben ${formatEuro(expenditure)}, Finanzierung ${formatEuro(financing)} (Differenz ${formatEuro(Math.abs(expenditure - financing))}; ANBest-K/ANBest-P Nr. 1.2, VwV zu § 44 SäHO Nr. 3).`,
    });
  }
  if (b.rateBp > maxRateBp) {
    problems.push({
      field: 'rateBp',
      message: `Der Fördersatz darf ${formatPercentBasisPoints(maxRateBp)} nicht überschreiten (FRL Teil 2 A V Nr. 5, Teil 2 B V Nr. 4).`,
    });
  }
  if (b.financingType === 'anteilfinanzierung' && b.grantCents > grantByRateCents(expenditure, b.rateBp)) {
    problems.push({
      field: 'grantCents',
      message: `Die Zuwendung übersteigt ${formatPercentBasisPoints(b.rateBp)} der bewilligten Ausgaben (höchstens ${formatEuro(grantByRateCents(expenditure, b.rateBp))}; VwV zu § 44 SäHO Nr. 4.2.2).`,
    });
  }
  return problems;
}
