import { findOrganisation } from '../../db/repositories/organisations';
import { formatDate, formatEuro } from '../../machines/shared/format';
import { financingTypeLabel } from '../../machines/umsetzung/bescheid';
import { proofDueOn } from '../../machines/umsetzung/computations';
import {
  confirmationsFor,
  isComplete,
  numericalProof,
  proofFromJson,
  proofProblems,
  proofSuggestions,
  reportQuestions,
  type NumericalProof,
  type ProofDraft,
  type ProofProblem,
} from '../../machines/umsetzung/verwendungsnachweis';
import type { VerwendungsnachweisPdfInput } from '../../forms/umsetzung/verwendungsnachweis';
import { getDb } from '../db.server';
import { qualityChecksOfApplication } from '../qualitaetscheck/quality-check.server';
import type { CurrentUser } from '../session.server';
import {
  grantFactsOf,
  implementationFactsOf,
  implementationTable,
  requireImplementation,
  type Implementation,
} from './implementation.server';

/**
 * Wires the Verwendungsnachweis (machines/umsetzung/verwendungsnachweis.ts) to the stored
 * implementation: the draft from its column, the figures from the Belegliste and payouts, the
 * suggestions from the application and its QualitätsChecks. Page, PDF and JSON all start here.
 */

export async function loadProof(user: CurrentUser & { organisation_id: number }, idParam: string | undefined) {
  return proofOf(await requireImplementation(user, idParam));
}

/** The Verwendungsnachweis of an implementation the caller may read (checked before). */
export async function proofOf(loaded: Implementation) {
  const facts = await implementationFactsOf(loaded.row, loaded.bescheid);
  const proof = proofFromJson(loaded.row.proof);
  const numbers = numericalProof(facts, proof, implementationTable);
  const problems = proofProblems(facts, proof, numbers, implementationTable);
  const organisation = (await findOrganisation(await getDb(), loaded.row.organisation_id))?.name ?? '';
  const projectTitle = loaded.application.data.project.title?.trim() || 'Antrag ohne Titel';
  return { loaded, facts, proof, numbers, problems, organisation, projectTitle };
}
export type LoadedProof = Awaited<ReturnType<typeof proofOf>>;

/** Starting text for the empty questions of a draft never saved. */
export async function suggestionsFor(p: LoadedProof) {
  if (p.loaded.row.proof) return {};
  const checks = await qualityChecksOfApplication(p.loaded.application.row.id);
  return proofSuggestions({
    goals: p.loaded.application.data.project.goals ?? '',
    qualityChecks: checks
      .filter((c) => c.combined.respondents > 0)
      .map((c) => ({
        title: c.title || 'ohne Namen',
        respondents: c.respondentsText,
        strengths: c.combined.criteria.filter((k) => k.rating === 'staerke').map((k) => k.title),
        fieldsToDevelop: c.combined.criteria.filter((k) => k.rating === 'entwicklungsfeld').map((k) => k.title),
      })),
  });
}

const signed = (cents: number) => (cents > 0 ? `+${formatEuro(cents)}` : cents < 0 ? `−${formatEuro(-cents)}` : formatEuro(0));

/** Display rows of the figures, shared by the page and the PDF so both say the same. */
export function proofRows(numbers: NumericalProof) {
  return {
    expenditure: numbers.lines.map(
      (l) => [l.label, formatEuro(l.approvedCents), formatEuro(l.actualCents), signed(l.differenceCents)] as const,
    ),
    expenditureTotal: [
      'Summe der Ausgaben',
      formatEuro(numbers.approvedCents),
      formatEuro(numbers.actualCents),
      signed(numbers.differenceCents),
    ] as const,
    income: numbers.income.map(
      (i) =>
        [
          i.label,
          formatEuro(i.plannedCents),
          formatEuro(i.actualCents),
          i.assumed && i.plannedCents > 0 ? 'noch nicht eingetragen' : '',
        ] as const,
    ),
    incomeTotal: ['Summe der Einnahmen', formatEuro(numbers.plannedIncomeCents), formatEuro(numbers.actualIncomeCents), ''] as const,
    balance: signed(numbers.balanceCents),
  };
}

/** What the figures mean for the grant, in sentences (page and PDF). */
export function assessmentOf(numbers: NumericalProof, grantCents: number, running = false): string[] {
  const e = numbers.effect;
  const out: string[] = [];
  // While the project runs, the figures are those booked so far; say so before any reduction is read as final.
  if (running) out.push('Das Vorhaben läuft noch: Die Zahlen zeigen den Stand der bisher bezahlten Belege, nicht das Ergebnis am Ende.');
  if (e.reductionCents === 0 && e.additionalFinancingCents === 0) {
    out.push(`Ausgaben und Finanzierung entsprechen dem Plan; die Zuwendung von ${formatEuro(grantCents)} bleibt unverändert.`);
  } else if (!e.overThreshold) {
    out.push(
      `Ausgaben und Finanzierung weichen um höchstens ${formatEuro(Math.max(e.reductionCents, e.additionalFinancingCents))} vom Plan ab; die Zuwendung von ${formatEuro(grantCents)} bleibt unverändert (ANBest-K/ANBest-P Nr. 2.2).`,
    );
  } else if (e.newGrantCents < grantCents) {
    out.push(`Die Zuwendung ermäßigt sich nach diesen Zahlen auf ${formatEuro(e.newGrantCents)} (ANBest-K/ANBest-P Nr. 2.1).`);
  } else {
    out.push(`Die Zuwendung von ${formatEuro(grantCents)} bleibt nach diesen Zahlen unverändert.`);
  }
  out.push(`Bisher ausgezahlt: ${formatEuro(e.paidOutCents)}; noch offen: ${formatEuro(Math.max(0, e.newGrantCents - e.paidOutCents))}.`);
  if (e.repaymentCents > 0)
    out.push(
      e.repaymentWaived
        ? `Zu viel ausgezahlt: ${formatEuro(e.repaymentCents)}; bis ${formatEuro(e.repaymentLimitCents)} wird nicht zurückgefordert (VVK Nr. 8.7, VwV zu § 44 SäHO Nr. 8.8).`
        : `Zu erstatten: ${formatEuro(e.repaymentCents)}, zu verzinsen nach § 49a VwVfG (ANBest-K/ANBest-P Nr. 8.4).`,
    );
  return out;
}

export function proofPdfInput(p: LoadedProof, createdAt: Date): VerwendungsnachweisPdfInput {
  const b = p.loaded.bescheid;
  const rows = proofRows(p.numbers);
  const labelOf = new Map(b.lines.map((l) => [l.id, l.label]));
  const date = (iso: string | null) => (iso ? formatDate(iso) : '–');
  return {
    part: b.programmePart,
    ...grantFactsOf(b, p.organisation, p.projectTitle),
    financing: financingTypeLabel[b.financingType],
    purposeFulfilledOn: date(p.facts.purposeFulfilledOn),
    due: formatDate(proofDueOn(b, p.facts.purposeFulfilledOn, implementationTable)),
    vatNote: b.vatDeductible
      ? 'Zum Vorsteuerabzug berechtigt: Ausgaben ohne Umsatzsteuer (Entgelte), nach Abzug in Anspruch genommener Skonti.'
      : 'Nicht zum Vorsteuerabzug berechtigt: Ausgaben mit Umsatzsteuer, nach Abzug in Anspruch genommener Skonti.',
    report: reportQuestions.map((q) => ({ label: q.label, answer: p.proof.report[q.id] })),
    participants: p.proof.participants === null ? '–' : p.proof.participants.toLocaleString('de-DE'),
    expenditureRows: rows.expenditure,
    expenditureTotal: rows.expenditureTotal,
    incomeRows: rows.income,
    incomeTotal: rows.incomeTotal,
    balance: rows.balance,
    assessment: assessmentOf(p.numbers, b.grantCents, !p.facts.purposeFulfilledOn),
    incomeEntries: p.numbers.payouts.map(
      (x) => [String(x.number), formatDate(x.receivedOn), 'Sächsische Aufbaubank – Förderbank (Zuwendung)', formatEuro(x.cents)] as const,
    ),
    expenditureEntries: p.numbers.receipts.map((r) => [
      String(r.number),
      date(r.orderedOn),
      formatDate(r.invoicedOn),
      date(r.paidOn),
      r.payee,
      r.purpose,
      formatEuro(r.countedCents),
      labelOf.get(r.lineId) ?? r.lineId,
    ]),
    confirmations: confirmationsFor(b.programmePart).map((c) => ({
      text: c.text,
      clause: c.clauses[b.programmePart]!,
      given: p.proof.confirmed.includes(c.id),
    })),
    missing: p.problems.filter((x) => x.kind === 'fehlt').map((x) => x.message),
    createdAt,
  };
}

export { isComplete, type ProofDraft, type ProofProblem };
