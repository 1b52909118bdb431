import { applicationToFacts } from '../application/facts';
import type { ApplicationData } from '../application/schema';
import { statusLabel, type Status } from '../criterion';
import { evaluate, parseCase, type EligibilityResult, type EvaluateOptions, type Verdict } from '../engine';
import { factsSchema } from '../facts';
import type { ParameterTable } from '../parameters';
import { runCase, type ParsedCase } from '../suite';

/**
 * What a proposed rule change would do, before it is published: the YAML suite is run with the
 * rules in force and with the proposal, and every saved draft is re-checked on the day the new
 * value takes effect, once with each rule set. Only the rule set differs between the two runs, so
 * every difference is caused by the change; the criteria whose status moved say why.
 */

export interface Rules extends EvaluateOptions {
  parameters: ParameterTable;
}

export interface CriterionShift {
  id: string;
  title: string;
  citation: string;
  before: Status;
  after: Status;
  /** The sentence with the case's numbers under the proposed rules. */
  detail: string | null;
}

export interface Comparison {
  verdictBefore: Verdict;
  verdictAfter: Verdict;
  ruleVersionBefore: string;
  ruleVersionAfter: string;
  /** Criteria unmet under the proposed rules (stored beside a draft when the change applies today). */
  unmetAfter: string[];
  shifts: CriterionShift[];
}

export function compareResults(before: EligibilityResult, after: EligibilityResult): Comparison {
  const shifts: CriterionShift[] = [];
  for (const finding of after.findings) {
    const old = before.findings.find((f) => f.id === finding.id);
    if (!old || old.status === finding.status) continue;
    shifts.push({
      id: finding.id,
      title: finding.title,
      citation: finding.citation,
      before: old.status,
      after: finding.status,
      detail: finding.detail,
    });
  }
  return {
    verdictBefore: before.verdict,
    verdictAfter: after.verdict,
    ruleVersionBefore: before.ruleVersion.id,
    ruleVersionAfter: after.ruleVersion.id,
    unmetAfter: after.findings.filter((f) => f.status === 'nicht_erfuellt').map((f) => f.id),
    shifts,
  };
}

export const verdictChanged = (c: Comparison) => c.verdictBefore !== c.verdictAfter;

/** "Höchstbetrag: erfüllt → nicht erfüllt (Beantragt …)" */
export function describeShift(shift: CriterionShift): string {
  return `${shift.title} (${shift.citation}): ${statusLabel[shift.before]} → ${statusLabel[shift.after]}${shift.detail ? ` – ${shift.detail}` : ''}`;
}

export interface SuiteCaseDiff {
  name: string;
  source: string;
  passedBefore: boolean;
  passedAfter: boolean;
  failuresAfter: string[];
  comparison: Comparison | null;
  /**
   * The same facts checked on the day the new value takes effect (when the case's own date is
   * earlier): shows which situations the change affects, beyond the cases' fixed dates.
   */
  onEffectiveDate: Comparison | null;
}

function compareOn(parsed: ParsedCase, date: string, current: Rules, proposed: Rules): Comparison | null {
  if (!parsed.case) return null;
  try {
    const { referenceDate, facts } = parseCase({ referenceDate: date, facts: parsed.case.facts });
    return compareResults(evaluate(referenceDate, facts, current), evaluate(referenceDate, facts, proposed));
  } catch {
    return null;
  }
}

/** Runs each suite case with both rule sets, on its own date and on the effective date. */
export function previewSuite(cases: ParsedCase[], current: Rules, proposed: Rules, effectiveFrom?: string): SuiteCaseDiff[] {
  return cases.map((parsed) => {
    const before = runCase(parsed, current);
    const after = runCase(parsed, proposed);
    const ownDate = typeof parsed.case?.referenceDate === 'string' ? parsed.case.referenceDate : null;
    return {
      name: after.name,
      source: after.source,
      passedBefore: before.passed,
      passedAfter: after.passed,
      failuresAfter: after.failures,
      comparison: before.result && after.result ? compareResults(before.result, after.result) : null,
      onEffectiveDate: effectiveFrom && ownDate && ownDate < effectiveFrom ? compareOn(parsed, effectiveFrom, current, proposed) : null,
    };
  });
}

export interface DraftToRecheck {
  id: number;
  data: ApplicationData;
  attachmentTypes: string[];
}

/**
 * Evaluates one application as the wizard does (facts depend on the table, e.g. the minimum wage),
 * with the rules of `date`; its facts are judged on `checkDate` (see EvaluateOptions).
 */
export function evaluateDraft(draft: DraftToRecheck, date: string, rules: Rules, checkDate = date): EligibilityResult {
  const facts = factsSchema.safeParse(applicationToFacts(draft.data, rules.parameters, date, { documentTypes: draft.attachmentTypes }));
  return evaluate(date, facts.success ? facts.data : factsSchema.parse({}), { ...rules, checkDate });
}

export interface DraftDiff {
  id: number;
  comparison: Comparison;
}

/**
 * Re-checks every draft with both rule sets as in force on `date`, judging the facts on `checkDate`
 * (today: a start that has merely passed by then is no effect of the change); returns those whose
 * verdict or criteria change.
 */
export function previewDrafts(drafts: DraftToRecheck[], date: string, current: Rules, proposed: Rules, checkDate = date): DraftDiff[] {
  const diffs: DraftDiff[] = [];
  for (const draft of drafts) {
    const comparison = compareResults(evaluateDraft(draft, date, current, checkDate), evaluateDraft(draft, date, proposed, checkDate));
    if (verdictChanged(comparison) || comparison.shifts.length) diffs.push({ id: draft.id, comparison });
  }
  return diffs;
}
