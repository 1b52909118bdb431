import { createActor, type AnyStateMachine, type EventFromLogic, type InputFrom, type Snapshot, type SnapshotFrom } from 'xstate';

/**
 * Runs a machine once, synchronously: start (from a stored snapshot or from input), send the events,
 * read the snapshot, stop. Used by every server-side step, where an actor lives for one request.
 *
 * A stored snapshot the machine cannot read (a state that no longer exists, a broken context) puts
 * the actor into an error state. Without an error observer XState rethrows that error later from a
 * timer, outside every try/catch, which ends the Node process. Here the error is observed and thrown
 * synchronously, so the caller's fallback (rebuild, start afresh) handles it.
 */
export function runMachine<TMachine extends AnyStateMachine>(
  machine: TMachine,
  options: { snapshot?: Snapshot<unknown>; input?: InputFrom<TMachine> },
  events: ReadonlyArray<EventFromLogic<TMachine>> = [],
): { snapshot: SnapshotFrom<TMachine>; persisted: Snapshot<unknown> } {
  const actor = createActor(machine, {
    ...(options.snapshot !== undefined ? { snapshot: options.snapshot } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
  } as never);
  let failure: unknown = null;
  const subscription = actor.subscribe({ error: (error) => (failure = error) });
  actor.start();
  for (const event of events) actor.send(event);
  const snapshot = actor.getSnapshot() as SnapshotFrom<TMachine>;
  const failed = failure !== null || (snapshot as { status?: string }).status === 'error';
  const persisted = failed ? null : actor.getPersistedSnapshot();
  subscription.unsubscribe();
  actor.stop();
  if (failed || persisted === null) {
    throw failure instanceof Error ? failure : new Error(`${machine.id}: the snapshot could not be restored`);
  }
  return { snapshot, persisted };
}
