import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  applicationMachine,
  canOpenStep,
  viewOf,
  type ApplicationEvent,
  type ApplicationSnapshot,
  type View,
} from '../../machines/frl/application/machine';
import { emptyApplication } from '../../machines/frl/application/schema';
import { overview, stepIds, stepIssues, type EditableStep, type StepContext } from '../../machines/frl/application/steps';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { shippedParameters } from '../../machines/frl/parameters';
import { sampleGemeindeApplication, sampleVereinApplication } from '../../db/demo/applications';

const editable = stepIds.filter((s): s is EditableStep => s !== 'pruefen');
const data = emptyApplication();

/** Events a user can cause from a view: open any step, save/next/back with "complete" growing. */
function eventsFor(snapshot: ApplicationSnapshot): ApplicationEvent[] {
  const view = viewOf(snapshot);
  const events: ApplicationEvent[] = stepIds.map((step) => ({ type: 'step.open', step }));
  events.push({ type: 'overview' });
  if (view !== 'uebersicht' && view !== 'pruefen') {
    const step = view as EditableStep;
    const complete = [...new Set([...snapshot.context.complete, step])];
    events.push({ type: 'step.next', step, data, complete });
    events.push({ type: 'step.next', step, data, raw: { title: 'x' }, complete: snapshot.context.complete });
    events.push({ type: 'step.back', step, data, complete: snapshot.context.complete });
    events.push({ type: 'step.save', step, data, complete });
  }
  return events;
}

const serializeState = (s: ApplicationSnapshot) =>
  JSON.stringify([s.value, [...s.context.complete].sort(), Object.keys(s.context.pending).sort()]);

describe('application wizard (model-based)', () => {
  const paths = getShortestPaths(applicationMachine, {
    events: eventsFor,
    serializeState,
    input: { data, complete: [] },
  });

  it('reaches every step and the overview', () => {
    const reached = new Set(paths.map((p) => viewOf(p.state)));
    expect([...reached].sort()).toEqual(['uebersicht', ...stepIds].sort());
  });

  it('never shows a step whose prerequisites are incomplete', () => {
    for (const path of paths) {
      const view = viewOf(path.state);
      if (view !== 'uebersicht') expect(canOpenStep(path.state.context.complete, view), serializeState(path.state)).toBe(true);
    }
  });

  it('reaches "Angaben prüfen" only after every other step is complete', () => {
    for (const path of paths.filter((p) => viewOf(p.state) === 'pruefen')) {
      expect([...path.state.context.complete].sort()).toEqual([...editable].sort());
    }
  });
});

function actor() {
  const a = createActor(applicationMachine, { input: { data, complete: [] } });
  a.start();
  return a;
}
const view = (a: ReturnType<typeof actor>): View => viewOf(a.getSnapshot());

describe('application wizard navigation', () => {
  it('refuses to open Kosten before Vorhaben and Zeitplan are complete', () => {
    const a = actor();
    a.send({ type: 'step.open', step: 'kosten' });
    expect(view(a)).toBe('uebersicht');
    a.send({ type: 'data.refresh', data, complete: ['vorhaben', 'zeitplan'] });
    a.send({ type: 'step.open', step: 'kosten' });
    expect(view(a)).toBe('kosten');
  });
  it('"Weiter" goes to the next step that can be opened, else to the overview', () => {
    const a = actor();
    a.send({ type: 'step.open', step: 'antragsteller' });
    a.send({ type: 'step.next', step: 'antragsteller', data, complete: ['antragsteller'] });
    expect(view(a)).toBe('vorhaben');
    a.send({ type: 'step.next', step: 'vorhaben', data, complete: ['antragsteller', 'vorhaben'] });
    expect(view(a)).toBe('zeitplan');
    a.send({ type: 'step.next', step: 'zeitplan', data, complete: ['antragsteller', 'vorhaben'] });
    // Zeitplan incomplete: Kosten is blocked, Erklärungen opens.
    expect(view(a)).toBe('erklaerungen');
  });
  it('"Weiter" with invalid input stays and keeps the input; a valid save clears it', () => {
    const a = actor();
    a.send({ type: 'step.open', step: 'zeitplan' });
    a.send({ type: 'step.next', step: 'zeitplan', data, raw: { start: '31.02.2026' }, complete: [] });
    expect(view(a)).toBe('zeitplan');
    expect(a.getSnapshot().context.pending.zeitplan).toEqual({ start: '31.02.2026' });
    a.send({ type: 'step.save', step: 'zeitplan', data, complete: [] });
    expect(a.getSnapshot().context.pending.zeitplan).toBeUndefined();
  });
  it('"Zurück" from the first step leads to the overview and still saves', () => {
    const a = actor();
    a.send({ type: 'step.open', step: 'antragsteller' });
    a.send({ type: 'step.back', step: 'antragsteller', data, raw: { x: '1' }, complete: [] });
    expect(view(a)).toBe('uebersicht');
    expect(a.getSnapshot().context.pending.antragsteller).toEqual({ x: '1' });
  });
  it('round-trips through a persisted JSON snapshot', () => {
    const a = actor();
    a.send({ type: 'step.open', step: 'vorhaben' });
    const persisted = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    const b = createActor(applicationMachine, { snapshot: persisted, input: { data, complete: [] } });
    b.start();
    expect(viewOf(b.getSnapshot())).toBe('vorhaben');
  });
});

describe('task list', () => {
  const context: StepContext = { table: shippedParameters, date: '2026-12-01', attachmentTypes: [] };
  const statusOf = (d: ApplicationData, step: EditableStep) => overview(d, context).find((o) => o.step === step)!.status;

  it('locks Kosten while Vorhaben is incomplete and nothing is entered there', () => {
    const d = sampleGemeindeApplication();
    d.project.parts.push({ id: 'leer', title: '' } as never);
    d.budget.lines = [];
    d.budget.vatDeductible = undefined;
    d.budget.ownCashCents = undefined;
    expect(statusOf(d, 'kosten')).toBe('gesperrt');
  });

  it('keeps a started Kosten open when a colleague makes Vorhaben incomplete again', () => {
    const d = sampleGemeindeApplication();
    expect(statusOf(d, 'kosten')).toBe('erledigt');
    d.project.parts.push({ id: 'leer', title: '' } as never);
    const kosten = overview(d, context).find((o) => o.step === 'kosten')!;
    expect(kosten.status).not.toBe('gesperrt');
    expect(kosten.blockedBy).toEqual(['vorhaben']);
  });
});

describe('Vorhaben questions per part', () => {
  const context: StepContext = { table: shippedParameters, date: '2026-12-01', attachmentTypes: [] };

  it('asks a Gemeinde about software (FRL Teil 2 A II Nr. 3) but not an association', () => {
    const gemeinde = sampleGemeindeApplication();
    gemeinde.project.softwareProcurement = undefined;
    expect(stepIssues('vorhaben', gemeinde, context).map((i) => i.field)).toContain('softwareProcurement');
    const verein = sampleVereinApplication();
    verein.project.softwareProcurement = undefined;
    verein.project.softwareReason = undefined;
    expect(stepIssues('vorhaben', verein, context).map((i) => i.field)).not.toContain('softwareProcurement');
    verein.budget.lines.push({
      id: 'sw',
      category: 'software',
      kind: 'pauschal',
      description: 'Umfragewerkzeug',
      amountCents: 50_000,
      year: 2027,
    });
    expect(stepIssues('kosten', verein, context).map((i) => i.field)).not.toContain(`lines[${verein.budget.lines.length - 1}].category`);
  });
});
