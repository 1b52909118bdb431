import type { OrganisationKind, ProgrammePart } from '../shared/organisation';
import { callStatusOn, knownCalls, type CallStatus, type FundingCall } from './calls';
import { criteria as catalogue } from './criteria/index';
import {
  citationOf,
  FactReader,
  Tracer,
  type Criterion,
  type Derived,
  type EvaluationContext,
  type Outcome,
  type Severity,
  type Status,
  type Texts,
  type TraceEntry,
  wordingOf,
} from './criterion';
import { caseSchema, describeIssues, type CaseInput, type Facts } from './facts';
import { fundingLimits, planMoney, type PlanSums } from './financing';
import { resolveParameters, shippedParameters, type DatedValue, type ParameterId, type ParameterTable } from './parameters';
import { isEligibleKind } from './predicates';
import { routeInfo } from './routes';
import { sayTexts, wordsFor } from './wording';

/** Versions of the directive's text; the one in force on the reference date is used. */
export const directiveVersions = [
  {
    id: '2022-01-21',
    label: 'FRL Bürgerbeteiligung vom 21.01.2022 (SächsABl. S. 153)',
    from: '2022-01-21',
    assumption:
      'Die Richtlinie tritt am Tag nach ihrer Veröffentlichung in Kraft (Teil 3); das Veröffentlichungsdatum liegt nicht vor, daher gilt hier das Datum der Richtlinie.',
  },
  { id: '2022-03-30', label: 'geändert durch Richtlinie vom 30.03.2022 (SächsABl. S. 470)', from: '2022-03-30' },
  { id: '2023-06-30', label: 'geändert durch Richtlinie vom 14.06.2023 (SächsABl. S. 736), in Kraft seit 30.06.2023', from: '2023-06-30' },
] as const;

export const verdicts = ['foerderfaehig', 'begruendung_erforderlich', 'unvollstaendig', 'nicht_foerderfaehig'] as const;
export type Verdict = (typeof verdicts)[number];
export const verdictLabel: Record<Verdict, string> = {
  foerderfaehig: 'Förderfähig',
  begruendung_erforderlich: 'Förderfähig nur mit Begründung',
  unvollstaendig: 'Noch nicht vollständig prüfbar',
  nicht_foerderfaehig: 'Nicht förderfähig',
};

export interface Finding {
  id: string;
  title: string;
  citation: string;
  clauses: string[];
  severity: Severity;
  topic: Criterion['topic'];
  status: Status;
  explanation: Texts | null;
  detail: string | null;
  fix: string | null;
  assumption: string | null;
  trace: TraceEntry[];
}

export interface RuleVersion {
  id: string;
  directive: string;
  parametersFrom: string;
  assumption: string | null;
}

export interface EligibilityResult {
  referenceDate: string;
  ruleVersion: RuleVersion;
  verdict: Verdict;
  counts: Record<Status, number>;
  findings: Finding[];
  call: CallStatus;
  /** The programme part the case was checked under (from the route, else the applicant's kind). */
  part: ProgrammePart | null;
  amounts: {
    totalCents: number | null;
    eligibleCents: number | null;
    requestedGrantCents: number | null;
    capCents: number | null;
    proposedGrantCents: number | null;
    calendarYears: number | null;
  };
  parameters: Record<ParameterId, DatedValue>;
}

export interface EvaluateOptions {
  parameters?: ParameterTable;
  calls?: FundingCall[];
  criteria?: Criterion[];
  /**
   * The day the facts are judged on ("Tag der Prüfung": a planned start before it contradicts
   * "not started"); the reference date by default. The Regelwerk's preview checks drafts with the
   * rules of a future date but judges their facts today, so it shows what the change does – not
   * what the passing of time would do.
   */
  checkDate?: string;
}

export class CaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`Der Fall ist fehlerhaft:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

/** Validates an untrusted case (CLI, YAML, test bench); throws CaseError naming each field. */
export function parseCase(input: unknown): { referenceDate: string; facts: Facts } {
  const parsed = caseSchema.safeParse(input);
  if (!parsed.success) throw new CaseError(describeIssues(parsed.error));
  return parsed.data;
}

function derive(facts: Facts, params: Record<ParameterId, DatedValue>): Derived {
  const { start, end } = facts.project;
  const limits = fundingLimits(params, { route: facts.project.route, kind: facts.applicant.kind, start, end });
  const b = facts.budget;
  const inKindCents = b.inKindCents ?? null;
  const sums: PlanSums = {
    expenditureCents: b.totalExpenditureCents ?? null,
    ineligibleCents: b.financingCostsCents ?? 0,
    inKindCents,
    requestedGrantCents: b.requestedGrantCents ?? null,
    ownCashCents: b.ownCashCents ?? null,
    earmarkedCents: b.thirdPartyEarmarkedCents ?? null,
    otherThirdPartyCents: b.thirdPartyOtherCents ?? null,
    otherPublicCents: b.otherPublicCents ?? null,
  };
  const money = planMoney(sums, limits, { missingGrant: 'unknown' });
  return {
    part: limits.part,
    route: limits.route,
    calendarYears: limits.calendarYears,
    totalCents: sums.expenditureCents,
    financingCostsCents: sums.ineligibleCents,
    uncountedInKindCents: money.uncountedInKindCents,
    balanceTotalCents: money.balanceTotalCents,
    eligibleCents: money.eligibleCents,
    grantCents: money.grantCents,
    ownCashCents: sums.ownCashCents,
    inKindCents,
    earmarkedCents: sums.earmarkedCents,
    otherThirdPartyCents: sums.otherThirdPartyCents,
    otherPublicCents: sums.otherPublicCents,
    financingCents: money.countedFinancingCents,
    ownShareCents: money.ownShareCents,
    capCents: limits.capCents,
    proposedGrantCents: money.proposedGrantCents,
    grantRateBp: money.grantRateBp,
  };
}

type Applicability = 'yes' | 'no' | 'unknown';

const notConcerned = {
  verwaltung: 'Die Regel betrifft nur antragsberechtigte Organisationen eines Programmteils.',
  einfach: 'Diese Regel gilt nur für Organisationen, die einen Antrag stellen dürfen.',
};

/** Whether a criterion applies: by programme part (from the route, else the applicant kind) and route. */
function applies(criterion: Criterion, derived: Derived): Applicability {
  if (derived.part === null) return criterion.parts.length === 2 && !criterion.routes ? 'yes' : 'unknown';
  if (!criterion.parts.includes(derived.part)) return 'no';
  if (criterion.routes) {
    if (derived.route === null) return 'unknown';
    return criterion.routes.includes(derived.route) ? 'yes' : 'no';
  }
  return 'yes';
}

function verdictOf(findings: Finding[]): Verdict {
  const unmet = (severity: Severity) => findings.some((f) => f.status === 'nicht_erfuellt' && f.severity === severity);
  if (unmet('ausschluss')) return 'nicht_foerderfaehig';
  if (findings.some((f) => f.status === 'offen' && f.severity !== 'hinweis')) return 'unvollstaendig';
  if (unmet('begruendung')) return 'begruendung_erforderlich';
  return 'foerderfaehig';
}

export function directiveVersionOn(date: string) {
  const version = [...directiveVersions].reverse().find((v) => v.from <= date);
  if (!version) throw new CaseError([`referenceDate: Die Richtlinie galt am ${date} noch nicht (erst ab 21.01.2022).`]);
  return version;
}

function versionOf(directive: ReturnType<typeof directiveVersionOn>, params: ReturnType<typeof resolveParameters>): RuleVersion {
  let parametersFrom = '';
  let publication = 0;
  for (const p of Object.values(params)) {
    if (p.from > parametersFrom) parametersFrom = p.from;
    if (p.publication && p.publication > publication) publication = p.publication;
  }
  return {
    // A published value makes the version unique even when it shares its date with another.
    id: `${directive.id}+${parametersFrom}${publication ? `/v${publication}` : ''}`,
    directive: directive.label,
    parametersFrom,
    assumption: 'assumption' in directive ? directive.assumption : null,
  };
}

/**
 * The rule version in force on a date – the same for every case checked that day – as `evaluate`
 * reports it: the directive's version and the newest parameter values (with their publication).
 */
export function ruleVersionOn(referenceDate: string, table: ParameterTable = shippedParameters): RuleVersion {
  return versionOf(directiveVersionOn(referenceDate), resolveParameters(table, referenceDate));
}

/**
 * Evaluates every criterion of the catalogue – no early exit – and returns each with its status,
 * the facts that decided it, and a concrete next step where one is needed.
 */
export function evaluate(referenceDate: string, facts: Facts, options: EvaluateOptions = {}): EligibilityResult {
  const directive = directiveVersionOn(referenceDate);
  const table = options.parameters ?? shippedParameters;
  const calls = options.calls ?? knownCalls;
  const params = resolveParameters(table, referenceDate);
  const derived = derive(facts, params);
  const context: EvaluationContext = {
    facts,
    calls,
    date: referenceDate,
    checkDate: options.checkDate ?? referenceDate,
    params,
    table,
    derived,
  };

  const reader = new FactReader(facts);
  const findings: Finding[] = (options.criteria ?? catalogue).map((criterion) => {
    const trace = new Tracer(reader);
    const applicability = applies(criterion, derived);
    let outcome: Outcome;
    if (applicability === 'no') {
      trace.note('derived.part', 'Programmteil', derived.part === 'A' ? 'Teil 2 A (Kommunen)' : 'Teil 2 B (Zivilgesellschaft)');
      if (derived.route && criterion.routes) trace.note('derived.route', 'Förderweg', routeInfo[derived.route].label);
      outcome = { status: 'entfaellt' };
    } else if (applicability === 'unknown') {
      let kind: OrganisationKind | undefined;
      if (derived.part === null) kind = trace.fact<OrganisationKind>('applicant.kind');
      else trace.fact('project.route');
      // An applicant the directive never funds has no route to wait for; the rule's explanation
      // (written for those it concerns) would not fit it.
      outcome =
        kind && !isEligibleKind(kind)
          ? {
              status: 'offen',
              detail: 'Gilt nur für einen Förderweg; für Ihre Organisation kommt keiner in Frage.',
              explanation: notConcerned,
            }
          : { status: 'offen', detail: 'Hängt vom Förderweg ab, der noch nicht feststeht.' };
    } else {
      outcome = criterion.evaluate(context, trace);
    }
    const wording = wordingOf(criterion, params);
    const explanation = outcome.explanation
      ? sayTexts(outcome.explanation, wordsFor(params))
      : outcome.status === 'erfuellt'
        ? wording.explanation.erfuellt
        : outcome.status === 'nicht_erfuellt' || outcome.status === 'offen'
          ? wording.explanation.nicht_erfuellt
          : null;
    return {
      id: criterion.id,
      title: wording.title,
      citation: citationOf(criterion),
      clauses: criterion.clauses,
      severity: criterion.severity,
      topic: criterion.topic,
      status: outcome.status,
      explanation,
      detail: outcome.detail ?? null,
      fix: outcome.fix ?? null,
      assumption: criterion.assumption ?? null,
      trace: trace.entries,
    };
  });

  const counts = { erfuellt: 0, nicht_erfuellt: 0, offen: 0, entfaellt: 0 } as Record<Status, number>;
  for (const f of findings) counts[f.status] += 1;

  return {
    referenceDate,
    ruleVersion: versionOf(directive, params),
    verdict: verdictOf(findings),
    counts,
    findings,
    call: callStatusOn(calls, referenceDate),
    part: derived.part,
    amounts: {
      totalCents: derived.totalCents,
      eligibleCents: derived.eligibleCents,
      requestedGrantCents: derived.grantCents,
      capCents: derived.capCents,
      proposedGrantCents: derived.proposedGrantCents,
      calendarYears: derived.calendarYears,
    },
    parameters: params,
  };
}

/** Parses and evaluates an untrusted case in one step (CLI, test bench). */
export function evaluateCase(input: CaseInput | unknown, options: EvaluateOptions = {}): EligibilityResult {
  const { referenceDate, facts } = parseCase(input);
  return evaluate(referenceDate, facts, options);
}
