import type { AnyStateMachine } from 'xstate';

/**
 * A statechart as plain data, read from the machine definition itself (never drawn by hand): every
 * state and every transition with its event, guard and target. The diagram, its text alternative
 * and the tests all start from this model, so a change to a machine changes all three.
 */

export type StateKind = 'state' | 'decision' | 'final';

export interface DiagramState {
  /** Path of the state inside the machine, dotted for nested states ("in_beratung"). */
  id: string;
  kind: StateKind;
  initial: boolean;
}

/** Source of transitions declared on the machine itself: they leave from any state. */
export const anyState = '*';
/** Event name used for eventless ("always") transitions. */
export const eventless = '(automatisch)';

export interface DiagramTransition {
  /** Stable within the model: source, event and position among the event's candidates. */
  id: string;
  source: string;
  /** null for a transition without target: it stays in the state (and runs its actions). */
  target: string | null;
  event: string;
  /** Guard name with its parameters ("advancesTo(kosten)"), or null for an unguarded default. */
  guard: string | null;
  /** The guard's name alone and its parameters, for its German label ({ type: 'advancesTo', params: { view: 'kosten' } }). */
  guardType: string | null;
  guardParams: Record<string, unknown>;
  actions: string[];
}

export interface MachineModel {
  id: string;
  states: DiagramState[];
  transitions: DiagramTransition[];
}

interface NodeLike {
  key: string;
  path: string[];
  type: string;
  states: Record<string, NodeLike>;
  initial?: { target: ReadonlyArray<{ path: string[] }> } | undefined;
  transitions: Map<string, ReadonlyArray<TransitionLike>>;
  always?: ReadonlyArray<TransitionLike> | undefined;
}

interface TransitionLike {
  target?: ReadonlyArray<{ path: string[] }> | undefined;
  guard?: unknown;
  actions?: ReadonlyArray<unknown>;
}

function paramText(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .map(paramText)
      .join(', ');
  }
  return String(value);
}

/** "mayOpen(kosten)" for { type: 'mayOpen', params: { step: 'kosten' } }; names only, never code. */
export function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name ? `${guard.name} (Funktion)` : 'Bedingung ohne Namen';
  if (typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    return params === undefined ? String(type) : `${String(type)}(${paramText(params)})`;
  }
  return 'Bedingung ohne Namen';
}

function guardParts(guard: unknown): { type: string | null; params: Record<string, unknown> } {
  if (typeof guard === 'string') return { type: guard, params: {} };
  if (guard && typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    return { type: String(type), params: params && typeof params === 'object' ? (params as Record<string, unknown>) : {} };
  }
  return { type: null, params: {} };
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') return action.name || 'Aktion ohne Namen';
  if (action && typeof action === 'object' && 'type' in action) return String((action as { type: unknown }).type);
  return 'Aktion ohne Namen';
}

const pathId = (node: { path: string[] }) => node.path.join('.');

function collect(node: NodeLike, source: string, model: MachineModel) {
  const add = (event: string, candidates: ReadonlyArray<TransitionLike>) => {
    candidates.forEach((t, index) => {
      const targets = t.target?.length ? t.target.map(pathId) : [null];
      for (const target of targets) {
        model.transitions.push({
          id: `${source}|${event}|${index}${targets.length > 1 ? `|${target}` : ''}`,
          source,
          target,
          event,
          guard: guardName(t.guard),
          guardType: guardParts(t.guard).type,
          guardParams: guardParts(t.guard).params,
          actions: (t.actions ?? []).map(actionName),
        });
      }
    });
  };
  for (const [event, candidates] of node.transitions) add(event, candidates);
  if (node.always?.length) add(eventless, node.always);
}

function visit(node: NodeLike, initialIds: Set<string>, model: MachineModel) {
  for (const child of Object.values(node.states)) {
    const id = pathId(child);
    const hasChildren = Object.keys(child.states).length > 0;
    if (!hasChildren) {
      const onlyEventless = child.transitions.size === 0 && (child.always?.length ?? 0) > 0;
      model.states.push({ id, kind: child.type === 'final' ? 'final' : onlyEventless ? 'decision' : 'state', initial: initialIds.has(id) });
    }
    collect(child, id, model);
    if (hasChildren) visit(child, initialIds, model);
  }
}

/** Reads every (atomic) state and every transition of a machine, in declaration order. */
export function describeMachine(machine: AnyStateMachine): MachineModel {
  const root = machine.root as unknown as NodeLike;
  const initialIds = new Set<string>();
  let node: NodeLike | undefined = root;
  // Follow initial states down to the atomic one the machine starts in.
  while (node?.initial?.target.length) {
    const target: { path: string[] } = node.initial.target[0]!;
    initialIds.add(pathId(target));
    node = target.path.reduce<NodeLike | undefined>((n, key) => n?.states[key], root);
  }
  const model: MachineModel = { id: machine.id, states: [], transitions: [] };
  collect(root, anyState, model);
  visit(root, initialIds, model);
  return model;
}

/**
 * German words for what a machine's diagram shows, kept next to the guards, events and actions
 * they name in each machine file, so a new guard without a label fails its test. A guard with
 * parameters is labelled by a function of them ("Schritt „Kosten“ kann geöffnet werden").
 */
export type GuardLabel = string | ((params: Record<string, unknown>) => string);

export interface DiagramLabels {
  guards: Record<string, GuardLabel>;
  events: Record<string, string>;
  actions: Record<string, string>;
}

/** The German label of a transition's guard; null when it has none (or none is known). */
export function guardLabel(labels: DiagramLabels, t: Pick<DiagramTransition, 'guardType' | 'guardParams'>): string | null {
  if (t.guardType === null) return null;
  const label = labels.guards[t.guardType];
  if (label === undefined) return null;
  return typeof label === 'string' ? label : label(t.guardParams);
}

/** The German name of an event; eventless transitions happen "automatisch". */
export function eventLabel(labels: DiagramLabels, event: string): string | null {
  if (event === eventless) return 'automatisch';
  return labels.events[event] ?? null;
}
