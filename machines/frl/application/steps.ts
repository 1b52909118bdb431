import { organisationSchema, programmePartOf, type ProgrammePart } from '../../shared/organisation';
import { attachmentTypes, isAttachmentRequired } from '../catalogues';
import type { Finding } from '../engine';
import type { ParameterTable } from '../parameters';
import { routeInfo } from '../routes';
import { totalsFor } from './facts';
import type { ApplicationData, CostLine } from './schema';
import { formatEuro } from '../../shared/format';
import {
  applicantFields,
  budgetFields,
  declarationFields,
  isMissing,
  isRequired,
  projectFields,
  requiredMessage,
  scheduleFields,
  type FieldSpec,
} from './fields';

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

export const partOf = (data: ApplicationData): ProgrammePart | null =>
  data.project.route
    ? routeInfo[data.project.route].part
    : data.applicant.organisation
      ? programmePartOf(data.applicant.organisation.kind)
      : null;

const blank = (v: string | undefined | null) => v === undefined || v === null || v.trim() === '';

function applicantIssues(data: ApplicationData): StepIssue[] {
  const issues: StepIssue[] = [];
  const a = data.applicant;
  const org = organisationSchema.safeParse(a.organisation ?? {});
  if (!org.success) {
    for (const issue of org.error.issues) issues.push({ field: `organisation.${issue.path.join('.')}`, message: issue.message });
  }
  issues.push(...missingFields(applicantFields, a, data));
  if (a.isVerbund) {
    if (a.partners.length === 0) issues.push({ field: 'partners', message: 'Bitte nennen Sie mindestens einen Verbundpartner.' });
    a.partners.forEach((p, i) => {
      if (blank(p.name))
        issues.push({ field: `partners[${i}].name`, message: `Bitte geben Sie den Namen des ${i + 1}. Verbundpartners an.` });
      if (!p.kind) issues.push({ field: `partners[${i}].kind`, message: `Bitte wählen Sie die Art des ${i + 1}. Verbundpartners.` });
    });
  }
  return issues;
}

/**
 * The registered fields of a step that are required now and missing, in the order of the form;
 * `after` adds the checks of a field's rows right after the field.
 */
function missingFields(
  fields: readonly FieldSpec[],
  values: object,
  data: ApplicationData,
  after: Record<string, () => StepIssue[]> = {},
): StepIssue[] {
  const context = { data, part: partOf(data) };
  return fields.flatMap((f) => [
    ...(isRequired(f, context) && isMissing((values as Record<string, unknown>)[f.dataName ?? f.name], f.kind)
      ? [{ field: f.name, message: requiredMessage(f, context.part) }]
      : []),
    ...(after[f.name]?.() ?? []),
  ]);
}

function projectIssues(data: ApplicationData): StepIssue[] {
  return missingFields(projectFields, data.project, data, {
    parts: () =>
      data.project.parts.flatMap((item, i) =>
        blank(item.title) ? [{ field: `parts[${i}].title`, message: `Bitte geben Sie dem ${i + 1}. Teilvorhaben einen Titel.` }] : [],
      ),
  });
}

function scheduleIssues(data: ApplicationData): StepIssue[] {
  const issues: StepIssue[] = [];
  const s = data.schedule;
  issues.push(
    ...missingFields(scheduleFields, s, data, {
      end: () => (s.start && s.end && s.end < s.start ? [{ field: 'end', message: 'Das Ende muss nach dem Beginn liegen.' }] : []),
    }),
  );
  s.milestones.forEach((m, i) => {
    if (blank(m.title)) issues.push({ field: `milestones[${i}].title`, message: `Bitte benennen Sie den ${i + 1}. Meilenstein.` });
    if (!m.date) issues.push({ field: `milestones[${i}].date`, message: `Bitte geben Sie das Datum des ${i + 1}. Meilensteins an.` });
    else if (s.start && s.end && (m.date < s.start || m.date > s.end)) {
      issues.push({ field: `milestones[${i}].date`, message: `Der ${i + 1}. Meilenstein liegt außerhalb des Vorhabenzeitraums.` });
    }
  });
  return issues;
}

/** A cost line's field that an issue belongs to (the form's name within the line). */
export type CostLineField = 'description' | 'amount' | 'quantity' | 'unitPrice' | 'year' | 'category';

/**
 * What keeps one cost line from being complete, whether typed into the budget step or read from a
 * CSV file (ADR 0078): the same rules, the same sentences. `clause` where a rule of the directive
 * stands behind it. The budget step prefixes "Zeile n:"; the import shows them at the file's row.
 */
export function costLineIssues(line: CostLine, data: ApplicationData): Array<{ field: CostLineField; message: string; clause?: string }> {
  const issues: Array<{ field: CostLineField; message: string; clause?: string }> = [];
  const { start, end } = data.schedule;
  const firstYear = start ? Number(start.slice(0, 4)) : null;
  const lastYear = end ? Number(end.slice(0, 4)) : null;
  if (blank(line.description)) issues.push({ field: 'description', message: 'Bitte beschreiben Sie die Ausgabe.' });
  if (line.kind === 'pauschal' && !line.amountCents) issues.push({ field: 'amount', message: 'Bitte geben Sie den Betrag an.' });
  if (line.kind !== 'pauschal') {
    if (!line.quantityMilli)
      issues.push({
        field: 'quantity',
        message: `Bitte geben Sie ${line.kind === 'personal' ? 'die Stunden' : 'die Menge'} an (mehr als 0).`,
      });
    if (!line.unitPriceCents)
      issues.push({
        field: 'unitPrice',
        message: `Bitte geben Sie ${line.kind === 'personal' ? 'den Stundensatz' : 'den Einzelpreis'} an.`,
      });
  }
  if (line.year === undefined) issues.push({ field: 'year', message: 'Bitte wählen Sie das Kalenderjahr.' });
  else if (firstYear !== null && lastYear !== null && (line.year < firstYear || line.year > lastYear)) {
    issues.push({ field: 'year', message: `${line.year} liegt außerhalb des Vorhabenzeitraums (${firstYear}–${lastYear}).` });
  }
  if (line.category === 'software' && partOf(data) !== 'B' && blank(data.project.softwareReason)) {
    issues.push({
      field: 'category',
      message: 'Software ist nur zuwendungsfähig, wenn das Beteiligungsportal nicht ausreicht – begründen Sie das im Schritt „Vorhaben“.',
      clause: 'FRL Teil 2 A II Nr. 3',
    });
  }
  return issues;
}

function budgetIssues(data: ApplicationData, context: StepContext): StepIssue[] {
  const issues: StepIssue[] = [];
  const b = data.budget;
  issues.push(...missingFields(budgetFields, b, data));
  if (b.lines.length === 0) issues.push({ field: 'lines', message: 'Bitte erfassen Sie mindestens eine Ausgabe.' });
  b.lines.forEach((line, i) => {
    for (const issue of costLineIssues(line, data))
      issues.push({ field: `lines[${i}].${issue.field}`, message: `Zeile ${i + 1}: ${issue.message}` });
  });
  b.inKind.forEach((line, i) => {
    const n = i + 1;
    if (blank(line.description))
      issues.push({ field: `inKind[${i}].description`, message: `Eigenleistung ${n}: Bitte beschreiben Sie die Leistung.` });
    if (!line.quantityMilli)
      issues.push({
        field: `inKind[${i}].quantity`,
        message: `Eigenleistung ${n}: Bitte geben Sie ${line.kind === 'ehrenamt' ? 'die Stunden' : 'die Einheiten'} an (mehr als 0).`,
      });
    if (line.kind === 'ehrenamt' && !line.period)
      issues.push({
        field: `inKind[${i}].period`,
        message: `Eigenleistung ${n}: Bitte geben Sie den Monat an, in dem die Arbeit geleistet wird.`,
      });
    if (line.kind === 'ehrenamt' && line.supportingOnly !== true) {
      issues.push({
        field: `inKind[${i}].supportingOnly`,
        message: `Eigenleistung ${n}: Anrechenbar ist nur unterstützendes ehrenamtliches Engagement (FRL Teil 2 B V Nr. 5); bitte bestätigen Sie das.`,
      });
    }
    if (line.kind === 'raum') {
      if (!line.unitRateCents)
        issues.push({
          field: `inKind[${i}].unitRate`,
          message: `Eigenleistung ${n}: Bitte geben Sie die ortsübliche Miete je Einheit an.`,
        });
      if (blank(line.rentSource))
        issues.push({
          field: `inKind[${i}].rentSource`,
          message: `Eigenleistung ${n}: Bitte nennen Sie die Quelle der Miete (Mietspiegel oder ortsübliche Miete).`,
        });
    }
  });
  if (b.inKind.length > 0 && partOf(data) === 'A') {
    issues.push({
      field: 'inKind',
      message: 'Unbare Eigenleistungen werden nur bei Vorhaben der Zivilgesellschaft (Teil 2 B) angerechnet. Bitte entfernen Sie sie.',
    });
  }
  b.donations.forEach((d, i) => {
    if (blank(d.donor))
      issues.push({ field: `donations[${i}].donor`, message: `Spende ${i + 1}: Bitte nennen Sie die Geldgeberin oder den Geldgeber.` });
    if (d.amountCents === undefined)
      issues.push({ field: `donations[${i}].amount`, message: `Spende ${i + 1}: Bitte geben Sie den Betrag an.` });
  });
  b.otherPublic.forEach((f, i) => {
    if (blank(f.funder))
      issues.push({ field: `otherPublic[${i}].funder`, message: `Öffentliche Mittel ${i + 1}: Bitte nennen Sie die Förderstelle.` });
    if (f.amountCents === undefined)
      issues.push({ field: `otherPublic[${i}].amount`, message: `Öffentliche Mittel ${i + 1}: Bitte geben Sie den Betrag an.` });
    if (!f.status)
      issues.push({
        field: `otherPublic[${i}].status`,
        message: `Öffentliche Mittel ${i + 1}: Bitte geben Sie an, ob sie beantragt oder bewilligt sind.`,
      });
  });
  if (b.lines.length > 0) {
    const totals = totalsFor(data, context.table, context.date);
    if (totals.gapCents > 0) {
      issues.push({
        field: 'ownCash',
        message: `Der Plan ist nicht ausgeglichen: Es fehlen ${formatEuro(totals.gapCents)}. Erhöhen Sie den Eigenanteil um ${formatEuro(totals.gapCents)}.`,
      });
    } else if (totals.gapCents < 0) {
      issues.push({
        field: 'ownCash',
        message: `Der Plan ist nicht ausgeglichen: Die Finanzierung übersteigt die Ausgaben um ${formatEuro(-totals.gapCents)}. Verringern Sie den Eigenanteil oder die beantragte Zuwendung entsprechend.`,
      });
    }
  }
  return issues;
}

function declarationIssues(data: ApplicationData): StepIssue[] {
  return missingFields(declarationFields, data.declarations, data);
}

export function requiredAttachments(data: ApplicationData) {
  return attachmentTypes.filter((t) => isAttachmentRequired(t, data.project.route, data.applicant.isVerbund === true));
}

function attachmentIssues(data: ApplicationData, context: StepContext): StepIssue[] {
  return requiredAttachments(data)
    .filter((t) => !context.attachmentTypes.includes(t.id))
    .map((t) => ({ field: t.id, message: `Bitte laden Sie hoch: ${t.label}.` }));
}

/** What is still missing for a step to be complete; empty when it is. */
export function stepIssues(step: EditableStep, data: ApplicationData, context: StepContext): StepIssue[] {
  switch (step) {
    case 'antragsteller':
      return applicantIssues(data);
    case 'vorhaben':
      return projectIssues(data);
    case 'zeitplan':
      return scheduleIssues(data);
    case 'kosten':
      return budgetIssues(data, context);
    case 'erklaerungen':
      return declarationIssues(data);
    case 'anlagen':
      return attachmentIssues(data, context);
  }
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
  if (pending) return true;
  switch (step) {
    case 'antragsteller':
      return data.applicant.isVerbund !== undefined || data.applicant.nonprofit !== undefined;
    case 'vorhaben':
      return Object.entries(data.project).some(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));
    case 'zeitplan':
      return !!(data.schedule.start || data.schedule.end || data.schedule.milestones.length || data.schedule.alreadyStarted !== undefined);
    case 'kosten':
      return data.budget.lines.length > 0 || data.budget.vatDeductible !== undefined || data.budget.ownCashCents !== undefined;
    case 'erklaerungen':
      return Object.values(data.declarations).some((v) => v !== undefined);
    case 'anlagen':
      return context.attachmentTypes.length > 0;
  }
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
