import { isScalar, parseAllDocuments, visit } from 'yaml';
import { z } from 'zod';
import { BESCHEID_SCHEMA_VERSION, bescheidProblems, bescheidSchema, financingTypes, type Bescheid } from './bescheid';
import {
  bescheidFinalOn,
  changeEffect,
  computeMittelabruf,
  lateUseInterest,
  latestStartOn,
  proofDueOn,
  regularInstalments,
  totalsOf,
  type ImplementationFacts,
} from './computations';
import { implementationParameters, type ImplementationParameterTable } from './parameters';
import {
  evaluateImplementation,
  implementationRules,
  implementationStatusLabel,
  implementationStatuses,
  type ImplementationStatus,
} from './rules';

/**
 * YAML cases for the rules after the Bescheid (tests/cases-umsetzung): a date, a Bescheid in euros
 * and percent, the grantee's events, receipts, payouts and a Mittelabruf, and what the rules must
 * say (findings by rule id) and compute (values by name, money in euros, dates ISO).
 */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Datum als JJJJ-MM-TT erwartet.' });
const euros = z
  .number()
  .nonnegative()
  .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    error: 'Höchstens zwei Nachkommastellen (Cent).',
  });
const toCents = (v: number) => Math.round(v * 100);

const caseSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  date,
  bescheid: z.strictObject({
    part: z.enum(['A', 'B']),
    fileNumber: z.string().default('SAB-TEST-1'),
    issuedOn: date.optional(),
    receivedOn: date,
    appealWaivedOn: date.optional(),
    period: z.strictObject({ start: date, end: date }),
    financingType: z.enum(financingTypes).default('anteilfinanzierung'),
    grant: euros,
    rate: z.number().positive().max(100),
    vatDeductible: z.boolean().default(false),
    advancePayments: z.boolean().default(false),
    lines: z.record(z.string(), euros),
    ownCash: euros.default(0),
    inKind: euros.default(0),
    thirdParty: euros.default(0),
    otherPublic: euros.default(0),
  }),
  events: z
    .strictObject({
      startedOn: date.optional(),
      startReportedOn: date.optional(),
      purposeFulfilledOn: date.optional(),
      proofSubmittedOn: date.optional(),
      proofCheckedOn: date.optional(),
    })
    .default({}),
  receipts: z
    .array(
      z.strictObject({
        line: z.string(),
        invoicedOn: date,
        paidOn: date.optional(),
        amount: euros,
        net: euros.optional(),
        payee: z.string().default('Auftragnehmer'),
        purpose: z.string().default('Leistung'),
        asset: z.boolean().default(false),
      }),
    )
    .default([]),
  payouts: z.array(z.strictObject({ on: date, amount: euros })).default([]),
  forecast: z.strictObject({ expenditure: euros.optional(), additionalFinancing: euros.default(0) }).default({ additionalFinancing: 0 }),
  mittelabruf: z
    .strictObject({
      on: date,
      payoutOn: date.optional(),
      requested: euros.optional(),
      planned: z.array(z.strictObject({ line: z.string(), dueOn: date, amount: euros })).default([]),
    })
    .optional(),
  expect: z.strictObject({
    bescheidProblems: z.array(z.string()).optional(),
    findings: z.array(z.strictObject({ rule: z.string(), status: z.string() })).default([]),
    values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
  }),
});
export type ImplementationCase = z.output<typeof caseSchema>;

const statusByWord = new Map<string, ImplementationStatus>(
  implementationStatuses.flatMap(
    (s) =>
      [
        [s, s],
        [implementationStatusLabel[s], s],
      ] as Array<[string, ImplementationStatus]>,
  ),
);

export interface ParsedImplementationCase {
  source: string;
  case?: ImplementationCase;
  error?: string;
}

/** "10.000" in YAML is the number 10: refused, as in the eligibility suite. */
function thousandsProblems(doc: ReturnType<typeof parseAllDocuments>[number]): string[] {
  const problems: string[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'number' && node.source !== undefined && /^\d{1,3}\.\d{3}$/.test(String(node.source))) {
        problems.push(`„${node.source}“ ist mehrdeutig: schreiben Sie Beträge ohne Tausenderpunkt (z. B. 10000).`);
      }
    },
  });
  return problems;
}

export function parseImplementationSuite(text: string, fileName: string): ParsedImplementationCase[] {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  return list.map((doc, index) => {
    const source = `${fileName}#${index + 1}`;
    if (doc.errors.length) return { source, error: `YAML-Fehler: ${doc.errors.map((e) => e.message).join('; ')}` };
    const ambiguous = thousandsProblems(doc);
    if (ambiguous.length) return { source, error: ambiguous.join('; ') };
    const parsed = caseSchema.safeParse(doc.toJS());
    if (!parsed.success) return { source, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    return { source, case: parsed.data };
  });
}

export function bescheidOfCase(c: ImplementationCase): Bescheid {
  const b = c.bescheid;
  return bescheidSchema.parse({
    schemaVersion: BESCHEID_SCHEMA_VERSION,
    programmePart: b.part,
    fileNumber: b.fileNumber,
    issuedOn: b.issuedOn ?? b.receivedOn,
    receivedOn: b.receivedOn,
    appealWaivedOn: b.appealWaivedOn ?? null,
    periodStart: b.period.start,
    periodEnd: b.period.end,
    financingType: b.financingType,
    grantCents: toCents(b.grant),
    rateBp: Math.round(b.rate * 100),
    vatDeductible: b.vatDeductible,
    advancePayments: b.advancePayments,
    lines: Object.entries(b.lines).map(([id, amount]) => ({ id, label: id, approvedCents: toCents(amount) })),
    financing: {
      ownCashCents: toCents(b.ownCash),
      inKindCents: toCents(b.inKind),
      thirdPartyCents: toCents(b.thirdParty),
      otherPublicCents: toCents(b.otherPublic),
    },
    conditions: '',
  });
}

export function factsOfCase(c: ImplementationCase): ImplementationFacts {
  const bescheid = bescheidOfCase(c);
  return {
    bescheid,
    today: c.date,
    startedOn: c.events.startedOn ?? null,
    startReportedOn: c.events.startReportedOn ?? null,
    purposeFulfilledOn: c.events.purposeFulfilledOn ?? null,
    proofSubmittedOn: c.events.proofSubmittedOn ?? null,
    proofCheckedOn: c.events.proofCheckedOn ?? null,
    receipts: c.receipts.map((r, i) => ({
      id: `b${i + 1}`,
      orderedOn: null,
      invoicedOn: r.invoicedOn,
      paidOn: r.paidOn ?? null,
      payee: r.payee,
      purpose: r.purpose,
      lineId: r.line,
      netCents: toCents(r.net ?? r.amount),
      grossCents: toCents(r.amount),
      asset: r.asset,
    })),
    payouts: c.payouts.map((p) => ({ receivedOn: p.on, cents: toCents(p.amount) })),
    forecastExpenditureCents: c.forecast.expenditure === undefined ? null : toCents(c.forecast.expenditure),
    additionalFinancingCents: toCents(c.forecast.additionalFinancing),
    mittelabruf: c.mittelabruf
      ? {
          requestedOn: c.mittelabruf.on,
          expectedPayoutOn: c.mittelabruf.payoutOn ?? null,
          requestedCents: c.mittelabruf.requested === undefined ? null : toCents(c.mittelabruf.requested),
          plannedPayments: c.mittelabruf.planned.map((p) => ({ lineId: p.line, dueOn: p.dueOn, cents: toCents(p.amount) })),
        }
      : null,
  };
}

type Value = { kind: 'money'; cents: number } | { kind: 'plain'; value: string | boolean | null };
const money = (cents: number): Value => ({ kind: 'money', cents });
const plain = (value: string | boolean | null): Value => ({ kind: 'plain', value });

/** The computed values a case can name. */
export function caseValues(facts: ImplementationFacts, table: ImplementationParameterTable): Record<string, () => Value> {
  const b = facts.bescheid;
  const instalment = (key: string) => regularInstalments(facts, table).find((i) => i.key === key);
  const values: Record<string, () => Value> = {
    'bescheid.finalOn': () => plain(bescheidFinalOn(b, table)),
    'start.latestOn': () => plain(latestStartOn(b, table)),
    'proof.dueOn': () => plain(proofDueOn(b, facts.purposeFulfilledOn, table)),
    'change.newGrant': () => money(changeEffect(facts, table).newGrantCents),
    'change.repayment': () => money(changeEffect(facts, table).repaymentCents),
    'change.repaymentLimit': () => money(changeEffect(facts, table).repaymentLimitCents),
    'change.repaymentWaived': () => plain(changeEffect(facts, table).repaymentWaived),
    'interest.lateUse': () => money(lateUseInterest(facts, table).cents),
    'interest.charged': () => plain(lateUseInterest(facts, table).charged),
    'totals.spent': () => money(totalsOf(facts).spentCents),
    'totals.open': () => money(totalsOf(facts).openCents),
    'totals.remaining': () => money(totalsOf(facts).remainingCents),
  };
  for (const key of ['first', 'intermediate', 'second', 'final']) {
    values[`payout.${key}`] = () => money(instalment(key)?.cents ?? 0);
    values[`payout.${key}.dueOn`] = () => plain(instalment(key)?.dueOn ?? null);
  }
  values['payout.final.latestOn'] = () => plain(instalment('final')?.latestOn ?? null);
  for (const key of ['allowed', 'need', 'grantShare', 'requested'] as const) {
    values[`mittelabruf.${key}`] = () => {
      if (!facts.mittelabruf) return plain(null);
      const m = computeMittelabruf(facts, facts.mittelabruf, table);
      return money({ allowed: m.allowedCents, need: m.needCents, grantShare: m.grantShareCents, requested: m.requestedCents }[key]);
    };
  }
  values['mittelabruf.windowEnd'] = () => plain(facts.mittelabruf ? computeMittelabruf(facts, facts.mittelabruf, table).windowEndOn : null);
  for (const line of b.lines) {
    values[`totals.${line.id}.spent`] = () => money(totalsOf(facts).lines.find((l) => l.lineId === line.id)!.spentCents);
    values[`totals.${line.id}.remaining`] = () => money(totalsOf(facts).lines.find((l) => l.lineId === line.id)!.remainingCents);
  }
  return values;
}

export interface ImplementationCaseOutcome {
  passed: boolean;
  failures: string[];
}

export function runImplementationCase(
  parsed: ParsedImplementationCase,
  table: ImplementationParameterTable = implementationParameters,
): ImplementationCaseOutcome {
  if (!parsed.case) return { passed: false, failures: [parsed.error ?? 'unlesbar'] };
  const c = parsed.case;
  const failures: string[] = [];
  let facts: ImplementationFacts;
  try {
    facts = factsOfCase(c);
  } catch (error) {
    return { passed: false, failures: [`Bescheid unlesbar: ${String(error)}`] };
  }
  const problems = bescheidProblems(facts.bescheid);
  if (c.expect.bescheidProblems) {
    const got = problems.map((p) => p.field).sort();
    const wanted = [...c.expect.bescheidProblems].sort();
    if (got.join(',') !== wanted.join(','))
      failures.push(
        `Bescheid-Prüfung: erwartet [${wanted.join(', ')}], erhalten [${got.join(', ')}] – ${problems.map((p) => p.message).join(' ')}`,
      );
  } else if (problems.length) {
    failures.push(`Bescheid widersprüchlich: ${problems.map((p) => p.message).join(' ')}`);
  }
  if (failures.length || c.expect.bescheidProblems) return { passed: failures.length === 0, failures };
  const findings = evaluateImplementation(facts, table);
  for (const expected of c.expect.findings) {
    const rule = implementationRules.find((r) => r.id === expected.rule);
    const wanted = statusByWord.get(expected.status.trim());
    if (!rule) {
      failures.push(`${expected.rule}: keine Regel mit dieser Kennung.`);
      continue;
    }
    if (!wanted) {
      failures.push(
        `${expected.rule}: Status „${expected.status}“ unbekannt (${implementationStatuses.map((s) => implementationStatusLabel[s]).join(', ')}).`,
      );
      continue;
    }
    const finding = findings.find((f) => f.rule.id === rule.id);
    const got = finding?.outcome.status ?? 'entfaellt';
    if (got !== wanted) {
      failures.push(
        `${rule.id}: erwartet „${implementationStatusLabel[wanted]}“, erhalten „${implementationStatusLabel[got]}“${finding?.outcome.detail ? ` – ${finding.outcome.detail}` : ''}.`,
      );
    }
  }
  const values = caseValues(facts, table);
  for (const [key, expected] of Object.entries(c.expect.values)) {
    const compute = values[key];
    if (!compute) {
      failures.push(`${key}: kein berechneter Wert dieses Namens.`);
      continue;
    }
    const got = compute();
    if (got.kind === 'money') {
      if (typeof expected !== 'number' || toCents(expected) !== got.cents)
        failures.push(`${key}: erwartet ${String(expected)}, erhalten ${(got.cents / 100).toFixed(2)}.`);
    } else if (got.value !== (expected === '' ? null : expected)) {
      failures.push(`${key}: erwartet ${String(expected)}, erhalten ${String(got.value)}.`);
    }
  }
  return { passed: failures.length === 0, failures };
}
