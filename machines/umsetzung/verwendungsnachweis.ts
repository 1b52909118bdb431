import { z } from 'zod';
import { formatDate, formatEuro } from '../shared/format';
import { parseEuro } from '../shared/money';
import { approvedTotalCents, type Bescheid } from './bescheid';
import { changeEffect, proofDueOn, type ChangeEffect, type ImplementationFacts } from './computations';
import type { ImplementationParameterTable } from './parameters';
import { chronological, countedCents, receiptTotals, type Receipt } from './receipts';

/**
 * The Verwendungsnachweis (ANBest-K Nr. 6, ANBest-P Nr. 6, VVK Nr. 10): a Sachbericht answered by the
 * grantee and a zahlenmäßiger Nachweis computed from the Belegliste, in the form each kind of grantee
 * owes. Only the grantee's own words, the actual financing and the confirmations are stored (the
 * draft); the figures are derived every time, so the document always matches the records.
 */

export const PROOF_SCHEMA_VERSION = 1;

export type ProgrammePart = 'A' | 'B';

// ---- Sachbericht ---------------------------------------------------------------------------------

export const reportQuestionIds = ['ziele', 'umsetzung', 'erreichte', 'ergebnisse', 'bewertung', 'abweichungen'] as const;
export type ReportQuestionId = (typeof reportQuestionIds)[number];

export interface ReportQuestion {
  id: ReportQuestionId;
  label: string;
  hint: string;
  clauses: string[];
  /** Required for a complete Verwendungsnachweis (a draft may leave anything empty). */
  required: boolean;
}

export const reportMaxLength = 6000;

/**
 * The guided questions. ANBest-K Nr. 6.3 asks for a short account of the use and the result,
 * ANBest-P Nr. 6.3 for a detailed one; FRL Teil 1 IV Nr. 9 adds a report on the goals reached and an
 * evaluation of the project. The order follows how a project is told: goals, what was done, who took
 * part, what came of it, how it went, what changed against the plan.
 */
export const reportQuestions: readonly ReportQuestion[] = [
  {
    id: 'ziele',
    label: 'Ziele und Zielerreichung',
    hint: 'Welche Ziele hatte das Vorhaben laut Antrag, und inwieweit wurden sie erreicht?',
    clauses: ['FRL Teil 1 IV Nr. 9'],
    required: true,
  },
  {
    id: 'umsetzung',
    label: 'Verwendung der Zuwendung: was wurde durchgeführt?',
    hint: 'Formate und Methoden, Zahl und Art der Veranstaltungen, wer moderiert hat, welche Materialien entstanden sind.',
    clauses: ['ANBest-K Nr. 6.3', 'ANBest-P Nr. 6.3'],
    required: true,
  },
  {
    id: 'erreichte',
    label: 'Wer wurde erreicht?',
    hint: 'Zielgruppen und wie sie gewonnen wurden; auch, wen Sie nicht erreicht haben.',
    clauses: ['ANBest-K Nr. 6.3', 'ANBest-P Nr. 6.3'],
    required: true,
  },
  {
    id: 'ergebnisse',
    label: 'Ergebnisse und ihre Wirkung',
    hint: 'Was ist aus der Beteiligung geworden: Empfehlungen, Beschlüsse, Änderungen an Planungen; wie wurden die Ergebnisse rückgemeldet?',
    clauses: ['ANBest-K Nr. 6.3', 'ANBest-P Nr. 6.3'],
    required: true,
  },
  {
    id: 'bewertung',
    label: 'Bewertung des Vorhabens',
    hint: 'Was hat sich bewährt, was würden Sie anders machen? Ergebnisse eines QualitätsCheck können Sie hier zusammenfassen.',
    clauses: ['FRL Teil 1 IV Nr. 9'],
    required: true,
  },
  {
    id: 'abweichungen',
    label: 'Abweichungen vom Antrag und vom Finanzierungsplan',
    hint: 'Zeitliche, inhaltliche oder finanzielle Abweichungen und ihre Gründe; leer lassen, wenn es keine gab.',
    clauses: ['ANBest-K Nr. 5.2', 'ANBest-P Nr. 5.2'],
    required: false,
  },
];

// ---- confirmations -------------------------------------------------------------------------------

export const confirmationIds = ['buecher', 'notwendig', 'wirtschaftlich', 'publizitaet'] as const;
export type ConfirmationId = (typeof confirmationIds)[number];

export interface Confirmation {
  id: ConfirmationId;
  text: string;
  clauses: Record<ProgrammePart, string | null>;
}

/** What the grantee confirms in the Verwendungsnachweis; which of them depends on the kind of grantee. */
export const confirmations: readonly Confirmation[] = [
  {
    id: 'buecher',
    text: 'Die Angaben über Einnahmen und Ausgaben stimmen mit den Büchern und Belegen überein.',
    clauses: { A: 'VVK Nr. 10', B: 'ANBest-P Nr. 6.5' },
  },
  {
    id: 'notwendig',
    text: 'Die Ausgaben waren notwendig.',
    clauses: { A: null, B: 'ANBest-P Nr. 6.5' },
  },
  {
    id: 'wirtschaftlich',
    text: 'Es wurde wirtschaftlich und sparsam verfahren.',
    clauses: { A: null, B: 'ANBest-P Nr. 6.5' },
  },
  {
    id: 'publizitaet',
    text: 'Die Publizitätspflicht nach § 44a SäHO wurde eingehalten (Hinweis auf die Förderung durch den Freistaat Sachsen).',
    clauses: { A: 'ANBest-K Nr. 6.2', B: 'ANBest-P Nr. 6.5' },
  },
];

export const confirmationsFor = (part: ProgrammePart) => confirmations.filter((c) => c.clauses[part] !== null);

// ---- the stored draft ----------------------------------------------------------------------------

const cents = z.number().int().nonnegative().max(10_000_000_00);

export const incomeKeys = ['ownCashCents', 'inKindCents', 'thirdPartyCents', 'otherPublicCents'] as const;
export type IncomeKey = (typeof incomeKeys)[number];
export const incomeLabels: Record<IncomeKey, string> = {
  ownCashCents: 'Eigene Mittel',
  inKindCents: 'Unbare Eigenleistungen',
  thirdPartyCents: 'Leistungen Dritter (Spenden, Sponsoring)',
  otherPublicCents: 'Andere öffentliche Mittel',
};

export const proofSchema = z.strictObject({
  schemaVersion: z.literal(PROOF_SCHEMA_VERSION),
  report: z.strictObject(
    Object.fromEntries(reportQuestionIds.map((id) => [id, z.string().max(reportMaxLength)])) as Record<ReportQuestionId, z.ZodString>,
  ),
  /** People who took part (a count the grantee states; the FRL asks for the reach in Teil 1 IV Nr. 9). */
  participants: z.number().int().nonnegative().max(10_000_000).nullable(),
  /** Actual financing other than the grant, as booked (null: not entered yet). */
  income: z.strictObject(
    Object.fromEntries(incomeKeys.map((k) => [k, cents.nullable()])) as Record<IncomeKey, z.ZodNullable<typeof cents>>,
  ),
  confirmed: z.array(z.enum(confirmationIds)),
});
export type ProofDraft = z.output<typeof proofSchema>;

export function emptyProof(): ProofDraft {
  return {
    schemaVersion: PROOF_SCHEMA_VERSION,
    report: Object.fromEntries(reportQuestionIds.map((id) => [id, ''])) as Record<ReportQuestionId, string>,
    participants: null,
    income: { ownCashCents: null, inKindCents: null, thirdPartyCents: null, otherPublicCents: null },
    confirmed: [],
  };
}

/** A stored draft, or an empty one when nothing (or something unreadable) is stored. */
export function proofFromJson(json: string | null): ProofDraft {
  if (!json) return emptyProof();
  try {
    const parsed = proofSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : emptyProof();
  } catch {
    return emptyProof();
  }
}

// ---- the form ------------------------------------------------------------------------------------

export type ProofFormValues = Record<string, string | string[]>;
export type ProofFormErrors = Record<string, string>;
export type ProofParse = { ok: true; proof: ProofDraft } | { ok: false; errors: ProofFormErrors };

export const incomeFieldName = (k: IncomeKey) => `income.${k}`;
export const reportFieldName = (id: ReportQuestionId) => `report.${id}`;

/**
 * Reads the form (de-DE numbers). A draft may be incomplete; what is refused is only what cannot be
 * stored as typed: an unreadable amount or count, a text over the limit (never cut).
 */
export function parseProofForm(values: ProofFormValues, part: ProgrammePart): ProofParse {
  const errors: ProofFormErrors = {};
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : '';
  };
  const proof = emptyProof();
  for (const q of reportQuestions) {
    const v = text(reportFieldName(q.id)).trim();
    if (v.length > reportMaxLength)
      errors[reportFieldName(q.id)] =
        `${q.label}: höchstens ${reportMaxLength.toLocaleString('de-DE')} Zeichen (jetzt ${v.length.toLocaleString('de-DE')}). Bitte kürzen Sie den Text; er wurde nicht gespeichert.`;
    proof.report[q.id] = v;
  }
  const participants = text('participants').trim().replace(/\./g, '');
  if (participants) {
    if (!/^\d{1,8}$/.test(participants))
      errors.participants = 'Bitte geben Sie die Zahl der Teilnehmenden als ganze Zahl an, zum Beispiel 120.';
    else proof.participants = Number(participants);
  }
  for (const k of incomeKeys) {
    if (k === 'inKindCents' && part === 'A') continue;
    const raw = text(incomeFieldName(k)).trim();
    if (!raw) continue;
    const parsed = parseEuro(raw, `den Betrag „${incomeLabels[k]}“`);
    if (parsed.ok) proof.income[k] = parsed.cents;
    else errors[incomeFieldName(k)] = parsed.message;
  }
  const checked = values.confirmed;
  const list = Array.isArray(checked) ? checked : typeof checked === 'string' ? [checked] : [];
  const allowed = new Set(confirmationsFor(part).map((c) => c.id));
  proof.confirmed = confirmationIds.filter((id) => list.includes(id) && allowed.has(id));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, proof };
}

/** The form's values for a stored draft (amounts in de-DE; empty where nothing was entered). */
export function proofFormValues(proof: ProofDraft): Record<string, string> {
  const values: Record<string, string> = {};
  for (const q of reportQuestions) values[reportFieldName(q.id)] = proof.report[q.id];
  values.participants = proof.participants === null ? '' : proof.participants.toLocaleString('de-DE');
  for (const k of incomeKeys) {
    const v = proof.income[k];
    values[incomeFieldName(k)] =
      v === null ? '' : (v / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return values;
}

// ---- the zahlenmäßiger Nachweis ------------------------------------------------------------------

export interface ProofLine {
  lineId: string;
  label: string;
  approvedCents: number;
  /** Paid receipts on the line (amount that counts: net with input-VAT deduction, else gross). */
  actualCents: number;
  /** actual − approved (negative: less spent than approved). */
  differenceCents: number;
  receiptCount: number;
}

export interface ProofIncome {
  key: 'grantCents' | IncomeKey;
  label: string;
  plannedCents: number;
  /** The grant: what was paid out so far; other sources: as entered, else as planned. */
  actualCents: number;
  /** Not entered yet: the planned amount is shown in its place. */
  assumed: boolean;
}

export interface NumericalProof {
  lines: ProofLine[];
  approvedCents: number;
  actualCents: number;
  differenceCents: number;
  /** Invoices booked but not paid: not part of the Nachweis (only payments are). */
  openCents: number;
  openCount: number;
  income: ProofIncome[];
  plannedIncomeCents: number;
  actualIncomeCents: number;
  /** Actual income − actual expenditure: positive means more money than spending. */
  balanceCents: number;
  /** What the grant would be on these figures (ANBest-K/ANBest-P Nr. 2), with any repayment. */
  effect: ChangeEffect;
  /** Payouts of the grant received, in time order (the income side of the Belegliste, ANBest-P Nr. 6.4). */
  payouts: Array<{ number: number; receivedOn: string; cents: number }>;
  /** Receipts in the order ANBest-P Nr. 6.4 prescribes, paid ones only, with their running number. */
  receipts: Array<Receipt & { number: number; countedCents: number; lineLabel: string }>;
}

const plannedIncome = (b: Bescheid): Record<IncomeKey, number> => ({ ...b.financing });

/**
 * The zahlenmäßiger Nachweis from the Belegliste and the payouts: expenditure by approved line
 * (summarisch, ANBest-K Nr. 6.4 / ANBest-P Nr. 6.4), income by source of the financing plan, and
 * the grant the figures would support (ANBest-K/ANBest-P Nr. 2.1, 2.2 through changeEffect).
 */
export function numericalProof(facts: ImplementationFacts, proof: ProofDraft, table: ImplementationParameterTable): NumericalProof {
  const b = facts.bescheid;
  const totals = receiptTotals(b, facts.receipts);
  const lines = totals.lines.map((l) => ({
    lineId: l.lineId,
    label: l.label,
    approvedCents: l.approvedCents,
    actualCents: l.spentCents,
    differenceCents: l.spentCents - l.approvedCents,
    receiptCount: facts.receipts.filter((r) => r.lineId === l.lineId && r.paidOn).length,
  }));
  const approvedCents = approvedTotalCents(b);
  const actualCents = totals.spentCents;
  const planned = plannedIncome(b);
  const paidOutCents = facts.payouts.reduce((s, p) => s + p.cents, 0);
  const income: ProofIncome[] = [
    { key: 'grantCents', label: 'Zuwendung (bisher ausgezahlt)', plannedCents: b.grantCents, actualCents: paidOutCents, assumed: false },
    ...incomeKeys
      .filter((k) => !(k === 'inKindCents' && b.programmePart === 'A'))
      .map((k) => ({
        key: k,
        label: incomeLabels[k],
        plannedCents: planned[k],
        actualCents: proof.income[k] ?? planned[k],
        assumed: proof.income[k] === null,
      })),
  ];
  const plannedIncomeCents = income.reduce((s, i) => s + i.plannedCents, 0);
  const actualIncomeCents = income.reduce((s, i) => s + i.actualCents, 0);
  const otherPlanned = income.filter((i) => i.key !== 'grantCents').reduce((s, i) => s + i.plannedCents, 0);
  const otherActual = income.filter((i) => i.key !== 'grantCents').reduce((s, i) => s + i.actualCents, 0);
  const effect = changeEffect(
    { ...facts, forecastExpenditureCents: actualCents, additionalFinancingCents: Math.max(0, otherActual - otherPlanned) },
    table,
  );
  const labelOf = new Map(b.lines.map((l) => [l.id, l.label]));
  const open = facts.receipts.filter((r) => !r.paidOn);
  return {
    lines,
    approvedCents,
    actualCents,
    differenceCents: actualCents - approvedCents,
    openCents: open.reduce((s, r) => s + countedCents(r, b.vatDeductible), 0),
    openCount: open.length,
    income,
    plannedIncomeCents,
    actualIncomeCents,
    balanceCents: actualIncomeCents - actualCents,
    effect,
    payouts: [...facts.payouts]
      .sort((x, y) => x.receivedOn.localeCompare(y.receivedOn))
      .map((p, i) => ({ number: i + 1, receivedOn: p.receivedOn, cents: p.cents })),
    receipts: chronological(facts.receipts.filter((r) => r.paidOn)).map((r, i) => ({
      ...r,
      number: i + 1,
      countedCents: countedCents(r, b.vatDeductible),
      lineLabel: labelOf.get(r.lineId) ?? r.lineId,
    })),
  };
}

// ---- completeness --------------------------------------------------------------------------------

export interface ProofProblem {
  /** The form field to fix, or null for a problem in the records (Belegliste, dates). */
  field: string | null;
  message: string;
  /** 'fehlt': the Verwendungsnachweis is not complete without it; 'hinweis': to look at before sending. */
  kind: 'fehlt' | 'hinweis';
}

/**
 * What stands between the draft and a complete Verwendungsnachweis, each with its clause. The PDF is
 * available at any time; while something is missing it says "Entwurf".
 */
export function proofProblems(
  facts: ImplementationFacts,
  proof: ProofDraft,
  numbers: NumericalProof,
  table: ImplementationParameterTable,
): ProofProblem[] {
  const b = facts.bescheid;
  const part = b.programmePart;
  const problems: ProofProblem[] = [];
  for (const q of reportQuestions) {
    if (q.required && !proof.report[q.id].trim())
      problems.push({
        field: reportFieldName(q.id),
        message: `Sachbericht: „${q.label}“ ist noch leer (${q.clauses.join(', ')}).`,
        kind: 'fehlt',
      });
  }
  if (proof.participants === null)
    problems.push({
      field: 'participants',
      message:
        'Sachbericht: Bitte geben Sie an, wie viele Personen sich beteiligt haben (FRL Teil 1 IV Nr. 9, Bericht zur Zielerreichung).',
      kind: 'fehlt',
    });
  for (const i of numbers.income)
    if (i.assumed && i.plannedCents > 0)
      problems.push({
        field: incomeFieldName(i.key as IncomeKey),
        message: `Einnahmen: „${i.label}“ ist noch nicht eingetragen; gezeigt wird der geplante Betrag von ${formatEuro(i.plannedCents)} (ANBest-${part === 'A' ? 'K' : 'P'} Nr. 6.4: alle Einnahmen).`,
        kind: 'fehlt',
      });
  for (const c of confirmationsFor(part))
    if (!proof.confirmed.includes(c.id))
      problems.push({ field: `confirmed.${c.id}`, message: `Bestätigung fehlt: ${c.text} (${c.clauses[part]})`, kind: 'fehlt' });
  if (!facts.purposeFulfilledOn)
    problems.push({
      field: null,
      message: `Bitte tragen Sie auf der Seite „Vorhaben in Umsetzung“ ein, wann der Zuwendungszweck erfüllt war; davon hängt die Frist ab (ANBest-${part === 'A' ? 'K' : 'P'} Nr. 6.1).`,
      kind: 'fehlt',
    });
  if (numbers.openCount > 0)
    problems.push({
      field: null,
      message: `${numbers.openCount === 1 ? 'Eine Rechnung ist' : `${numbers.openCount} Rechnungen sind`} in der Belegliste noch nicht bezahlt (${formatEuro(numbers.openCents)}); der Nachweis zählt nur geleistete Zahlungen (ANBest-P Nr. 6.4). Tragen Sie das Zahlungsdatum ein oder nehmen Sie die Rechnung heraus.`,
      kind: 'fehlt',
    });
  if (numbers.actualCents === 0)
    problems.push({ field: null, message: 'Die Belegliste enthält noch keine bezahlten Ausgaben.', kind: 'fehlt' });
  // The plan binds in its total (ANBest-K/ANBest-P Nr. 1.2); an overrun is only allowed if borne from own funds.
  if (numbers.differenceCents > 0 && b.financingType !== 'festbetragsfinanzierung')
    problems.push({
      field: null,
      message: `Die Ausgaben übersteigen den bewilligten Gesamtbetrag um ${formatEuro(numbers.differenceCents)}. Der Finanzierungsplan ist im Gesamtergebnis verbindlich; Mehrausgaben tragen Sie aus eigenen Mitteln (ANBest-K/ANBest-P Nr. 1.2).`,
      kind: 'hinweis',
    });
  // What the figures mean for the grant is shown beside them (app: assessmentOf), not as a problem.
  const due = proofDueOn(b, facts.purposeFulfilledOn, table);
  if (!facts.proofSubmittedOn && facts.today > due)
    problems.push({
      field: null,
      message: `Der Verwendungsnachweis war am ${formatDate(due)} fällig (ANBest-${part === 'A' ? 'K' : 'P'} Nr. 6.1); legen Sie ihn umgehend vor.`,
      kind: 'hinweis',
    });
  return problems;
}

export const isComplete = (problems: readonly ProofProblem[]) => !problems.some((p) => p.kind === 'fehlt');

// ---- JSON export ---------------------------------------------------------------------------------

export const PROOF_EXPORT_VERSION = 1;

/**
 * The Verwendungsnachweis as data (money in cents, dates ISO), for the grantee's own records and
 * other tools; the same figures as the page and the PDF.
 */
export function proofExport(args: {
  facts: ImplementationFacts;
  proof: ProofDraft;
  numbers: NumericalProof;
  problems: readonly ProofProblem[];
  organisation: string;
  projectTitle: string;
  createdAt: string;
}) {
  const { facts, proof, numbers } = args;
  const b = facts.bescheid;
  return {
    format: 'foerderlotse-verwendungsnachweis',
    version: PROOF_EXPORT_VERSION,
    createdAt: args.createdAt,
    complete: isComplete(args.problems),
    grantee: { organisation: args.organisation, programmePart: b.programmePart },
    project: { title: args.projectTitle, fileNumber: b.fileNumber, periodStart: b.periodStart, periodEnd: b.periodEnd },
    purposeFulfilledOn: facts.purposeFulfilledOn,
    vatDeductible: b.vatDeductible,
    sachbericht: { ...proof.report, participants: proof.participants },
    expenditure: numbers.lines.map(({ lineId, label, approvedCents, actualCents, receiptCount }) => ({
      lineId,
      label,
      approvedCents,
      actualCents,
      receiptCount,
    })),
    expenditureTotal: { approvedCents: numbers.approvedCents, actualCents: numbers.actualCents },
    income: numbers.income.map(({ key, label, plannedCents, actualCents, assumed }) => ({
      key,
      label,
      plannedCents,
      actualCents,
      assumed,
    })),
    incomeTotal: { plannedCents: numbers.plannedIncomeCents, actualCents: numbers.actualIncomeCents },
    grantOnTheseFigures: {
      approvedCents: b.grantCents,
      newGrantCents: numbers.effect.newGrantCents,
      paidOutCents: numbers.effect.paidOutCents,
      repaymentCents: numbers.effect.repaymentCents,
      repaymentWaived: numbers.effect.repaymentWaived,
    },
    confirmed: proof.confirmed,
    belegliste:
      b.programmePart === 'B'
        ? {
            einnahmen: numbers.payouts.map((p) => ({
              number: p.number,
              receivedOn: p.receivedOn,
              payer: 'Sächsische Aufbaubank – Förderbank',
              cents: p.cents,
            })),
            ausgaben: numbers.receipts.map((r) => ({
              number: r.number,
              lineId: r.lineId,
              orderedOn: r.orderedOn,
              invoicedOn: r.invoicedOn,
              paidOn: r.paidOn,
              payee: r.payee,
              purpose: r.purpose,
              netCents: r.netCents,
              grossCents: r.grossCents,
              countedCents: r.countedCents,
            })),
          }
        : null,
    problems: args.problems.map(({ message, kind }) => ({ message, kind })),
  };
}

// ---- suggestions for an empty draft --------------------------------------------------------------

export interface QualityCheckSummary {
  title: string;
  respondents: string;
  strengths: readonly string[];
  fieldsToDevelop: readonly string[];
}

/**
 * Starting text for questions the grantee has not answered yet: the goals as the application stated
 * them, and the attached QualitätsChecks' results for the evaluation (FRL Teil 1 IV Nr. 9). Shown in
 * the form, stored only when the grantee saves.
 */
export function proofSuggestions(input: {
  goals: string;
  qualityChecks: readonly QualityCheckSummary[];
}): Partial<Record<ReportQuestionId, string>> {
  const out: Partial<Record<ReportQuestionId, string>> = {};
  const goals = input.goals.trim();
  if (goals) out.ziele = `Ziele laut Antrag: ${goals}\n\nErreicht wurde: `;
  const checks = input.qualityChecks.filter((c) => c.strengths.length || c.fieldsToDevelop.length);
  if (checks.length)
    out.bewertung = checks
      .map((c) =>
        [
          `QualitätsCheck „${c.title}“ (${c.respondents}):`,
          c.strengths.length ? `Stärken: ${c.strengths.join(', ')}.` : '',
          c.fieldsToDevelop.length ? `Entwicklungsfelder: ${c.fieldsToDevelop.join(', ')}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      )
      .join('\n\n');
  return out;
}

export type ProofStatus = 'vorgelegt' | 'vollstaendig' | 'begonnen' | 'offen';

/** Where the Verwendungsnachweis stands, for the task list: submitted, complete, started or not begun. */
export function proofStatus(facts: ImplementationFacts, stored: string | null, table: ImplementationParameterTable): ProofStatus {
  if (facts.proofSubmittedOn) return 'vorgelegt';
  if (!stored) return 'offen';
  const proof = proofFromJson(stored);
  return isComplete(proofProblems(facts, proof, numericalProof(facts, proof, table), table)) ? 'vollstaendig' : 'begonnen';
}
