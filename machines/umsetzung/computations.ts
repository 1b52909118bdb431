import { addDays, addMonths, daysBetween, endOfMonthAfter, maxDate, minDate, nextWorkingDay } from './calendar';
import { approvedTotalCents, financingTotalCents, type Bescheid } from './bescheid';
import { paramOn, type ImplementationParameterTable } from './parameters';
import { chronological, countedCents, receiptTotals, type Receipt, type ReceiptTotals } from './receipts';

/**
 * What follows from a Bescheid and the grantee's records: dates, instalments, the amount of a
 * Mittelabruf, the effect of a change. Pure functions of JSON-safe facts; the rule catalogue
 * (./rules.ts) judges them, the UI and the PDFs show them.
 */

export interface Payout {
  receivedOn: string;
  cents: number;
}

export interface PlannedPayment {
  dueOn: string;
  lineId: string;
  cents: number;
  purpose?: string;
}

export interface MittelabrufRequest {
  requestedOn: string;
  /** When the money is expected on the account; defaults to the request date. */
  expectedPayoutOn: string | null;
  plannedPayments: PlannedPayment[];
  /** The amount the grantee asks for; null: take the computed amount. */
  requestedCents: number | null;
}

/** The dates a grantee records along the way (stored with the implementation). */
export const milestoneKeys = ['startedOn', 'startReportedOn', 'purposeFulfilledOn', 'proofSubmittedOn', 'proofCheckedOn'] as const;
export type MilestoneKey = (typeof milestoneKeys)[number];

export interface ImplementationFacts {
  bescheid: Bescheid;
  /** The day the facts are judged on. */
  today: string;
  startedOn: string | null;
  startReportedOn: string | null;
  purposeFulfilledOn: string | null;
  /** The day the complete Verwendungsnachweis reached the SAB (including documents asked for later). */
  proofSubmittedOn: string | null;
  proofCheckedOn: string | null;
  receipts: Receipt[];
  payouts: Payout[];
  /** Expected eligible expenditure at the end, when it differs from the plan; null: as planned. */
  forecastExpenditureCents: number | null;
  /** Financing that joined after the Bescheid (other grants, third parties). */
  additionalFinancingCents: number;
  mittelabruf: MittelabrufRequest | null;
}

const pct = (cents: number, bp: number) => Math.floor((cents * bp) / 10_000);

// ---- dates -----------------------------------------------------------------------------------

/** The day the Bescheid becomes final: the day after the appeal period, or the day of a waiver. */
export function bescheidFinalOn(b: Bescheid, table: ImplementationParameterTable): string {
  if (b.appealWaivedOn) return b.appealWaivedOn;
  const months = paramOn(table, 'bescheid.appealMonths', b.receivedOn);
  return addDays(nextWorkingDay(addMonths(b.receivedOn, months)), 1);
}

export const latestStartOn = (b: Bescheid, table: ImplementationParameterTable) =>
  addMonths(b.receivedOn, paramOn(table, 'start.latestMonths', b.receivedOn));

/** ANBest-K Nr. 6.1 (one year) or ANBest-P Nr. 6.1 (six months, at the latest the end of the sixth month after the period). */
export function proofDueOn(b: Bescheid, purposeFulfilledOn: string | null, table: ImplementationParameterTable): string {
  if (b.programmePart === 'A') {
    const months = paramOn(table, 'proof.kommune.months', b.periodEnd);
    const latest = addMonths(b.periodEnd, months);
    return purposeFulfilledOn ? minDate(addMonths(purposeFulfilledOn, months), latest) : latest;
  }
  const months = paramOn(table, 'proof.other.months', b.periodEnd);
  const latest = endOfMonthAfter(b.periodEnd, months);
  return purposeFulfilledOn ? minDate(addMonths(purposeFulfilledOn, months), latest) : latest;
}

export const recordsKeptUntil = (proofSubmittedOn: string, table: ImplementationParameterTable) =>
  addMonths(proofSubmittedOn, 12 * paramOn(table, 'records.keepYears', proofSubmittedOn));

// ---- regular payout procedure (VVK Nr. 7.1/7.2; VwV zu § 44 SäHO Nr. 7.1/7.2) ----------------

export interface Instalment {
  key: 'first' | 'intermediate' | 'second' | 'final';
  label: string;
  shareBp: number;
  cents: number;
  /** When it becomes due; null while its condition is not met. */
  dueOn: string | null;
  /** For the final instalment: the latest day. */
  latestOn: string | null;
  condition: string;
  clause: string;
}

export function regularInstalments(
  f: Pick<ImplementationFacts, 'bescheid' | 'startReportedOn' | 'proofSubmittedOn' | 'proofCheckedOn'>,
  table: ImplementationParameterTable,
): Instalment[] {
  const b = f.bescheid;
  const on = b.issuedOn;
  const clause = b.programmePart === 'A' ? 'VVK Nr. 7.1 i. V. m. FRL Teil 2 A VI Nr. 1' : 'VwV zu § 44 SäHO Nr. 7.1';
  const splitClause = b.programmePart === 'A' ? 'VVK Nr. 7.2' : 'VwV zu § 44 SäHO Nr. 7.2';
  const firstBp = paramOn(table, 'payout.regular.first', on);
  const secondBp = paramOn(table, 'payout.regular.second', on);
  const finalBp = paramOn(table, 'payout.regular.final', on);
  // "mehr als ein Jahr": the period reaches the day one year after its start.
  const split = b.grantCents > paramOn(table, 'payout.regular.split.threshold', on) && b.periodEnd >= addMonths(b.periodStart, 12);
  const intermediateBp = split ? paramOn(table, 'payout.regular.split.share', on) : 0;
  const finalOn = bescheidFinalOn(b, table);
  const firstDue = f.startReportedOn ? maxDate(finalOn, f.startReportedOn) : null;
  const checkMonths = paramOn(table, 'payout.regular.completenessCheckMonths', on);
  const latestMonths = paramOn(table, 'payout.regular.finalLatestMonths', on);
  const first = pct(b.grantCents, firstBp);
  const intermediate = pct(b.grantCents, intermediateBp);
  const second = pct(b.grantCents, secondBp - intermediateBp);
  const list: Instalment[] = [
    {
      key: 'first',
      label: 'Erste Rate',
      shareBp: firstBp,
      cents: first,
      dueOn: firstDue,
      latestOn: null,
      condition: 'Bestandskraft des Bescheides und Anzeige des Vorhabensbeginns',
      clause,
    },
  ];
  if (split) {
    list.push({
      key: 'intermediate',
      label: 'Zwischenrate',
      shareBp: intermediateBp,
      cents: intermediate,
      dueOn: null,
      latestOn: null,
      condition: 'zwischen Anzeige des Vorhabensbeginns und Vorlage des Verwendungsnachweises',
      clause: splitClause,
    });
  }
  list.push({
    key: 'second',
    label: 'Zweite Rate',
    shareBp: secondBp - intermediateBp,
    cents: second,
    dueOn: f.proofSubmittedOn ? addMonths(f.proofSubmittedOn, checkMonths) : null,
    latestOn: null,
    condition: `Vorlage des vollständigen Verwendungsnachweises; die SAB prüft die Vollständigkeit binnen ${checkMonths} Monat (Frist beginnt bei Nachreichung neu)`,
    clause,
  });
  list.push({
    key: 'final',
    label: 'Schlussrate',
    shareBp: finalBp,
    // The remainder, so the instalments add up to the grant to the cent.
    cents: b.grantCents - first - intermediate - second,
    dueOn: f.proofCheckedOn ?? null,
    latestOn: f.proofSubmittedOn ? addMonths(f.proofSubmittedOn, latestMonths) : null,
    condition: 'Abschluss der Prüfung des Verwendungsnachweises',
    clause,
  });
  return list;
}

export const minimumPartialCents = (b: Bescheid, table: ImplementationParameterTable, on: string) =>
  paramOn(table, b.programmePart === 'A' ? 'payout.minimumPartial.kommune' : 'payout.minimumPartial.other', on);

/** Whether payouts are requested as needed (Vorauszahlungsverfahren) on `on`. */
export function advanceProcedureOn(b: Bescheid, table: ImplementationParameterTable, on: string): boolean {
  if (!b.advancePayments) return false;
  return b.programmePart === 'B' || paramOn(table, 'payout.kommune.advanceAllowed', on) === 1;
}

// ---- Mittelabruf (ANBest-P Nr. 1.4; VwV zu § 44 SäHO Nr. 7.5, 7.7) -------------------------------

export interface MittelabrufComputation {
  payoutOn: string;
  windowEndOn: string;
  /** Paid receipts, open invoices and planned payments due by the window's end. */
  needCents: number;
  /** Planned payments left out because they fall due after the window. */
  excluded: PlannedPayment[];
  /** Payments on lines the Bescheid does not know (refused). */
  unknownLines: PlannedPayment[];
  /** The grant's part of the need (rate for Anteilfinanzierung). */
  grantShareCents: number;
  paidOutCents: number;
  remainingGrantCents: number;
  /** What may be requested now: share of the need minus payouts, within the remaining grant. */
  allowedCents: number;
  requestedCents: number;
  minimumCents: number;
}

function grantShareOf(b: Bescheid, needCents: number): number {
  const total = approvedTotalCents(b);
  if (b.financingType === 'anteilfinanzierung') return pct(needCents, b.rateBp);
  if (b.financingType === 'festbetragsfinanzierung') return total === 0 ? 0 : Math.floor((needCents * b.grantCents) / total);
  // Fehlbedarfsfinanzierung: only once the grantee's own and other funds are used up (ANBest-P Nr. 1.4.2).
  return Math.max(0, needCents - (financingTotalCents(b) - b.grantCents));
}

export function computeMittelabruf(
  f: ImplementationFacts,
  request: MittelabrufRequest,
  table: ImplementationParameterTable,
): MittelabrufComputation {
  const b = f.bescheid;
  const payoutOn = request.expectedPayoutOn ?? request.requestedOn;
  const windowEndOn = addMonths(payoutOn, paramOn(table, 'advance.needWindowMonths', request.requestedOn));
  const approved = new Set(b.lines.map((l) => l.id));
  let need = 0;
  for (const r of f.receipts) {
    if (!approved.has(r.lineId)) continue;
    if (r.paidOn || r.invoicedOn <= windowEndOn) need += countedCents(r, b.vatDeductible);
  }
  const excluded: PlannedPayment[] = [];
  const unknownLines: PlannedPayment[] = [];
  for (const p of request.plannedPayments) {
    if (!approved.has(p.lineId)) unknownLines.push(p);
    else if (p.dueOn > windowEndOn) excluded.push(p);
    else need += p.cents;
  }
  const grantShareCents = Math.min(grantShareOf(b, need), b.grantCents);
  const paidOutCents = f.payouts.reduce((s, p) => s + p.cents, 0);
  const remainingGrantCents = Math.max(0, b.grantCents - paidOutCents);
  const allowedCents = Math.min(Math.max(0, grantShareCents - paidOutCents), remainingGrantCents);
  return {
    payoutOn,
    windowEndOn,
    needCents: need,
    excluded,
    unknownLines,
    grantShareCents,
    paidOutCents,
    remainingGrantCents,
    allowedCents,
    requestedCents: request.requestedCents ?? allowedCents,
    minimumCents: minimumPartialCents(b, table, request.requestedOn),
  };
}

// ---- use of advance payments within six months (ANBest-P Nr. 5.4, 8.3.1, 8.5; VwV Nr. 8.2.5, 8.7) -

export interface PayoutUse {
  payout: Payout;
  /** The day the last cent of this payout was used; null while part of it is unused. */
  usedUpOn: string | null;
  usedCents: number;
  deadlineOn: string;
  /** Cents not used by the deadline, and for how many days each stayed unused (for interest). */
  lateParts: Array<{ cents: number; days: number; usedOn: string | null }>;
}

/**
 * Payouts are used first in, first out by the grant's share of each paid receipt, in payment order.
 * A part used after six months bears interest from the payout day to the day before its use
 * (VwV zu § 44 SäHO Nr. 8.7): `days` counts exactly those days.
 */
export function payoutUse(f: ImplementationFacts, table: ImplementationParameterTable): PayoutUse[] {
  const b = f.bescheid;
  const uses: PayoutUse[] = [...f.payouts]
    .sort((a, c) => a.receivedOn.localeCompare(c.receivedOn))
    .map((payout) => ({
      payout,
      usedUpOn: null,
      usedCents: 0,
      deadlineOn: addMonths(payout.receivedOn, paramOn(table, 'advance.needWindowMonths', payout.receivedOn)),
      lateParts: [],
    }));
  const paid = chronological(f.receipts.filter((r) => r.paidOn && b.lines.some((l) => l.id === r.lineId)));
  let index = 0;
  for (const r of paid) {
    let share = grantShareOf(b, countedCents(r, b.vatDeductible));
    while (share > 0 && index < uses.length) {
      const use = uses[index]!;
      // A payment made before the money came (pre-financed) uses the payout on the day it arrives.
      const usedOn = maxDate(r.paidOn!, use.payout.receivedOn);
      const take = Math.min(share, use.payout.cents - use.usedCents);
      use.usedCents += take;
      share -= take;
      if (usedOn > use.deadlineOn) use.lateParts.push({ cents: take, days: daysBetween(use.payout.receivedOn, usedOn), usedOn });
      if (use.usedCents === use.payout.cents) {
        use.usedUpOn = usedOn;
        index += 1;
      }
    }
  }
  for (const use of uses) {
    const unused = use.payout.cents - use.usedCents;
    if (unused > 0 && f.today > use.deadlineOn)
      use.lateParts.push({ cents: unused, days: daysBetween(use.payout.receivedOn, f.today), usedOn: null });
  }
  return uses;
}

/**
 * Interest under § 49a Abs. 3 VwVfG at the rate in force on the payout day, actual days / 365
 * (assumption: the Zins-A method is not in the sources), rounded down to the cent.
 */
export function interestCents(cents: number, days: number, fromDate: string, table: ImplementationParameterTable): number {
  const rateBp = Math.max(0, paramOn(table, 'interest.baseRate', fromDate) + paramOn(table, 'interest.pointsAboveBase', fromDate));
  return Math.floor((cents * rateBp * days) / (10_000 * 365));
}

export const interestMinimumCents = (b: Bescheid, table: ImplementationParameterTable, on: string) =>
  paramOn(table, b.programmePart === 'A' ? 'interest.minimum.kommune' : 'interest.minimum.other', on);

export function lateUseInterest(f: ImplementationFacts, table: ImplementationParameterTable): { cents: number; charged: boolean } {
  let cents = 0;
  for (const use of payoutUse(f, table))
    for (const part of use.lateParts) cents += interestCents(part.cents, part.days, use.payout.receivedOn, table);
  return { cents, charged: cents > interestMinimumCents(f.bescheid, table, f.today) };
}

// ---- changes after the Bescheid (ANBest-K/ANBest-P Nr. 2, 5.1; VVK Nr. 8.7; VwV Nr. 8.8) ----------

export interface ChangeEffect {
  approvedCents: number;
  expectedCents: number;
  reductionCents: number;
  additionalFinancingCents: number;
  /** Nr. 2.2: only changes over the threshold reduce the grant. */
  overThreshold: boolean;
  newGrantCents: number;
  paidOutCents: number;
  repaymentCents: number;
  /** The amount below which a repayment is not claimed (VVK Nr. 8.7 table; VwV Nr. 8.8). */
  repaymentLimitCents: number;
  repaymentWaived: boolean;
}

/** VVK Nr. 8.7: reclaiming is omitted up to a limit that depends on the grant. */
export function kommuneRepaymentLimitCents(grantCents: number): number {
  const euro = 100;
  if (grantCents <= 5_000 * euro) return pct(grantCents, 1000);
  if (grantCents <= 20_000 * euro) return Math.min(pct(grantCents, 500), 500 * euro);
  if (grantCents <= 50_000 * euro) return Math.min(pct(grantCents, 300), 1_000 * euro);
  if (grantCents <= 125_000 * euro) return Math.min(pct(grantCents, 200), 1_500 * euro);
  return 2_500 * euro;
}

export function changeEffect(f: ImplementationFacts, table: ImplementationParameterTable): ChangeEffect {
  const b = f.bescheid;
  const approvedCents = approvedTotalCents(b);
  const expectedCents = f.forecastExpenditureCents ?? approvedCents;
  const reductionCents = Math.max(0, approvedCents - expectedCents);
  const threshold = paramOn(table, 'change.reductionThreshold', b.issuedOn);
  const overThreshold = reductionCents > threshold || f.additionalFinancingCents > threshold;
  let newGrantCents = b.grantCents;
  if (overThreshold) {
    const base = Math.max(0, expectedCents - f.additionalFinancingCents);
    if (b.financingType === 'anteilfinanzierung') newGrantCents = Math.min(b.grantCents, pct(base, b.rateBp));
    else if (b.financingType === 'fehlbedarfsfinanzierung')
      newGrantCents = Math.min(b.grantCents, Math.max(0, base - (financingTotalCents(b) - b.grantCents)));
    else newGrantCents = Math.min(b.grantCents, expectedCents);
  }
  const paidOutCents = f.payouts.reduce((s, p) => s + p.cents, 0);
  const repaymentCents = Math.max(0, paidOutCents - newGrantCents);
  const repaymentLimitCents =
    b.programmePart === 'A' ? kommuneRepaymentLimitCents(b.grantCents) : paramOn(table, 'repayment.minimum.other', f.today);
  // VVK Nr. 8.7: "entspricht oder unterschreitet"; VwV Nr. 8.8: "weniger als".
  const repaymentWaived =
    repaymentCents > 0 && (b.programmePart === 'A' ? repaymentCents <= repaymentLimitCents : repaymentCents < repaymentLimitCents);
  return {
    approvedCents,
    expectedCents,
    reductionCents,
    additionalFinancingCents: f.additionalFinancingCents,
    overThreshold,
    newGrantCents,
    paidOutCents,
    repaymentCents,
    repaymentLimitCents,
    repaymentWaived,
  };
}

export function totalsOf(f: ImplementationFacts): ReceiptTotals {
  return receiptTotals(f.bescheid, f.receipts);
}
