import type { Finding } from '../engine';
import type { ParameterTable } from '../parameters';
import { codecFor } from './codecs';
import type { ApplicationData } from './schema';

export { partOf } from './programme-part';

/** The steps of the application, in order; ids are URL segments. */
export const stepIds = ['antragsteller', 'vorhaben', 'zeitplan', 'kosten', 'erklaerungen', 'anlagen', 'pruefen'] as const;
export type StepId = (typeof stepIds)[number];
export type EditableStep = Exclude<StepId, 'pruefen'>;

export const stepInfo: Record<StepId, { title: string; description: string }> = {
  antragsteller: { title: 'Antragsteller', description: 'Organisation, Vertretung, Bankverbindung, Verbundpartner' },
  vorhaben: { title: 'Vorhaben', description: 'Ziele, Teilvorhaben, Beteiligungsformate, Zielgruppen, Zusammenarbeit' },
  zeitplan: { title: 'Zeitplan', description: 'Beginn, Ende und Meilensteine' },
  kosten: { title: 'Kosten- und Finanzierungsplan', description: 'Ausgaben, Eigenanteil und beantragte Zuwendung' },
  erklaerungen: { title: 'Erklärungen', description: 'Eigenerklärungen nach der Richtlinie' },
  anlagen: { title: 'Anlagen', description: 'Nachweise und weitere Unterlagen' },
  pruefen: { title: 'Angaben prüfen', description: 'Alles auf einen Blick, PDF erstellen, Beratung anfragen' },
};

/** Steps that must be complete before a step can be opened ("Kann noch nicht begonnen werden"). */
export const stepDependencies: Record<StepId, EditableStep[]> = {
  antragsteller: [],
  vorhaben: [],
  zeitplan: [],
  kosten: ['vorhaben', 'zeitplan'],
  erklaerungen: ['vorhaben'],
  anlagen: ['vorhaben'],
  pruefen: ['antragsteller', 'vorhaben', 'zeitplan', 'kosten', 'erklaerungen', 'anlagen'],
};

export interface StepContext {
  table: ParameterTable;
  date: string;
  /** Document types of the uploaded attachments. */
  attachmentTypes: string[];
}

export interface StepIssue {
  /** Form field name within the step ("title", "parts[0].title"); '' for the step as a whole. */
  field: string;
  message: string;
}

/** What is still missing for a step to be complete; empty when it is. */
export function stepIssues(step: EditableStep, data: ApplicationData, context: StepContext): StepIssue[] {
  return codecFor(step).issues(data, context);
}

/**
 * A step's status in the task list. "bitte_pruefen": everything is filled in, but a rule the step
 * owns is not met and asks something of the applicant – the step is not done (GOV.UK task lists
 * flag such a task instead of calling it completed).
 */
export type StepStatus = 'nicht_begonnen' | 'in_bearbeitung' | 'erledigt' | 'bitte_pruefen' | 'gesperrt';
export const stepStatusLabel: Record<StepStatus, string> = {
  nicht_begonnen: 'Nicht begonnen',
  in_bearbeitung: 'In Bearbeitung',
  erledigt: 'Erledigt',
  bitte_pruefen: 'Bitte prüfen',
  gesperrt: 'Kann noch nicht begonnen werden',
};

/** Whether the step's data is complete (also when a rule it owns still asks for a change). */
export const isFilledIn = (status: StepStatus) => status === 'erledigt' || status === 'bitte_pruefen';

/** Whether anyone has entered something in the step (then it is never locked again). */
export function hasContent(step: EditableStep, data: ApplicationData, context: StepContext, pending: boolean): boolean {
  return pending || codecFor(step).hasContent(data, context);
}

export interface StepOverview {
  step: StepId;
  status: StepStatus;
  issues: StepIssue[];
  blockedBy: EditableStep[];
}

/** Whether the applicant has opened "Angaben prüfen", and whether an answer changed after that. */
export type AnswersCheck = { changedSince: boolean } | null;

/** "Angaben prüfen": done once looked at, in progress again after a later change. */
function answersCheckStatus(check: AnswersCheck): StepStatus {
  if (!check) return 'nicht_begonnen';
  return check.changedSince ? 'in_bearbeitung' : 'erledigt';
}

/** The task list: each step's status, what is missing, and what blocks it. */
export function overview(
  data: ApplicationData,
  context: StepContext,
  pendingSteps: EditableStep[] = [],
  answersCheck: AnswersCheck = null,
): StepOverview[] {
  const issuesByStep = new Map<EditableStep, StepIssue[]>();
  for (const step of stepIds) if (step !== 'pruefen') issuesByStep.set(step, stepIssues(step, data, context));
  return stepIds.map((step) => {
    const blockedBy = stepDependencies[step].filter((dep) => (issuesByStep.get(dep)?.length ?? 0) > 0 || pendingSteps.includes(dep));
    if (step === 'pruefen')
      return { step, status: blockedBy.length ? 'gesperrt' : answersCheckStatus(answersCheck), issues: [], blockedBy };
    const issues = issuesByStep.get(step)!;
    const pending = pendingSteps.includes(step);
    // A step someone has already worked on stays open when an earlier step becomes incomplete
    // again (a colleague adds an empty row there): locking it would hide and refuse their work.
    const status: StepStatus =
      blockedBy.length && !hasContent(step, data, context, pending)
        ? 'gesperrt'
        : issues.length === 0 && !pending
          ? 'erledigt'
          : hasContent(step, data, context, pending)
            ? 'in_bearbeitung'
            : 'nicht_begonnen';
    return { step, status, issues, blockedBy };
  });
}

/**
 * A finding that still asks something of the applicant: an unmet exclusion, or an unmet criterion
 * that needs a justification not yet given (once given, the ministry decides – nothing left to do).
 */
export function asksForAction(finding: Pick<Finding, 'status' | 'severity' | 'fix'>): boolean {
  if (finding.status !== 'nicht_erfuellt') return false;
  return finding.severity === 'ausschluss' || (finding.severity === 'begruendung' && finding.fix !== null);
}

/**
 * The task list with the rules' verdict on each step: a step that is filled in but owns a finding
 * that asks for action says "Bitte prüfen" instead of "Erledigt".
 */
export function withRuleFindings(steps: StepOverview[], findings: Finding[]): StepOverview[] {
  const flagged = new Set(findings.filter(asksForAction).map((f) => stepOfCriterion(f.id)));
  return steps.map((s) => (s.status === 'erledigt' && s.step !== 'pruefen' && flagged.has(s.step) ? { ...s, status: 'bitte_pruefen' } : s));
}

/** Which step a rule finding concerns, to show it there. */
export function stepOfCriterion(criterionId: string): EditableStep {
  if (criterionId.startsWith('antragsteller.')) return criterionId === 'antragsteller.foerderweg' ? 'vorhaben' : 'antragsteller';
  if (criterionId.startsWith('vorhaben.')) return criterionId === 'vorhaben.unterstuetzungsschreiben' ? 'anlagen' : 'vorhaben';
  if (criterionId === 'zeitraum.vorzeitiger-beginn') return 'kosten';
  if (criterionId.startsWith('zeitraum.')) return 'zeitplan';
  if (criterionId.startsWith('erklaerung.')) return criterionId === 'erklaerung.vorsteuer' ? 'kosten' : 'erklaerungen';
  if (criterionId.startsWith('finanzen.')) return 'kosten';
  return 'vorhaben';
}
