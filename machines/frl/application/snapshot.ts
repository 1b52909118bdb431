import { createActor } from 'xstate';
import { evaluate, type EligibilityResult, type EvaluateOptions } from '../engine';
import { factsSchema } from '../facts';
import { applicationToFacts, totalsFor } from './facts';
import { applicationMachine, viewOf, type ApplicationSnapshot } from './machine';
import type { ApplicationData } from './schema';
import { overview, type EditableStep, type StepContext } from './steps';

/** The steps that are complete ("erledigt") for the data, given the steps with pending input. */
export function completeSteps(data: ApplicationData, context: StepContext, pending: EditableStep[] = []): EditableStep[] {
  return overview(data, context, pending)
    .filter((o) => o.status === 'erledigt')
    .map((o) => o.step as EditableStep);
}

/** A wizard snapshot for data that has none yet (a new, imported or seeded application). */
export function freshSnapshot(data: ApplicationData, context: StepContext): ApplicationSnapshot {
  const actor = createActor(applicationMachine, { input: { data, complete: completeSteps(data, context) } });
  actor.start();
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

/** What is stored of a snapshot. */
export function persistedSnapshot(snapshot: ApplicationSnapshot): unknown {
  return createActor(applicationMachine, { snapshot, input: { data: snapshot.context.data, complete: snapshot.context.complete } }).getPersistedSnapshot();
}

/** Runs the rules on an application's data (facts outside the schema count as unknown). */
export function evaluateData(data: ApplicationData, context: StepContext, options: EvaluateOptions): EligibilityResult {
  const facts = factsSchema.safeParse(applicationToFacts(data, context.table, context.date, { documentTypes: context.attachmentTypes }));
  return evaluate(context.date, facts.success ? facts.data : factsSchema.parse({}), options);
}

/** The columns the drafts list and the statistics read without opening the snapshot. */
export function metaFor(snapshot: ApplicationSnapshot, result: EligibilityResult, context: StepContext) {
  const data = snapshot.context.data;
  const hasBudget = data.budget.lines.length > 0;
  const totals = hasBudget ? totalsFor(data, context.table, context.date) : null;
  return {
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    route: data.project.route ?? null,
    view: viewOf(snapshot),
    requestedGrantCents: totals ? totals.financing.grantCents : null,
    totalCents: totals ? totals.expenditureCents : null,
    verdict: result.verdict,
    ruleVersion: result.ruleVersion.id,
    unmetCriteria: result.findings.filter((f) => f.status === 'nicht_erfuellt').map((f) => f.id),
  };
}
