// Restores the negotiation machine from its snapshot, feeds it events and collects what it says.
import { createActor, type Snapshot } from 'xstate';
import { z } from 'zod';
import {
  NegotiationContextSchema,
  type NegotiationContext,
  type NegotiationEvent,
  type NegotiationInput,
  type Said,
} from '../../machines/context.js';
import type { NegotiationMachine } from '../../machines/negotiation.js';
import { XieshangError } from '../errors.js';
import { leafPathOf } from '../../machines/stateNodes.js';

export interface Step {
  persisted: unknown;
  said: Said[];
  context: NegotiationContext;
  /** The active leaf state, e.g. `conversation.interview.askingIncome`, or a final state name. */
  state: string;
  done: boolean;
}

const PersistedSnapshotSchema = z.looseObject({
  status: z.enum(['active', 'done']),
  value: z.unknown(),
  context: NegotiationContextSchema,
});

/** Snapshots already checked, by the loaded object: a turn asks more than once (identity gate, planning, replay). */
const checkedContexts = new WeakMap<object, NegotiationContext>();

/** The context of a stored snapshot, checked to be a negotiation snapshot first; undefined for a new case. */
export function persistedContext(persisted: unknown, caseId: string): NegotiationContext | undefined {
  if (persisted === undefined) return undefined;
  const known = typeof persisted === 'object' && persisted !== null ? checkedContexts.get(persisted) : undefined;
  if (known) return known;
  const parsed = PersistedSnapshotSchema.safeParse(persisted);
  if (!parsed.success)
    throw new XieshangError(
      'XS_SNAPSHOT_INVALID',
      `case ${caseId}: stored machine snapshot is not a negotiation snapshot`,
      { cause: parsed.error },
    );
  if (typeof persisted === 'object' && persisted !== null) checkedContexts.set(persisted, parsed.data.context);
  return parsed.data.context;
}

/**
 * Actors left running by the step that produced a snapshot, keyed by that snapshot: when the next turn steps from the
 * very same snapshot object (the store hands back what this process committed), it steps that actor instead of
 * restoring one. Each is taken once: stepping from the same snapshot again (a replanned turn) restores a fresh actor.
 * The machine has no timers, invoked or spawned actors, so an actor left running does nothing on its own.
 */
const runningActors = new WeakMap<object, { machine: NegotiationMachine; actor: NegotiationActor }>();

type NegotiationActor = ReturnType<typeof createActor<NegotiationMachine>>;

/**
 * Runs one step on a snapshot already checked by `persistedContext` (once per turn) or built by the service. Events the current state cannot take are replaced by `input.unrecognized`,
 * so the borrower is asked again instead of being silently ignored.
 */
export function stepMachine(
  machine: NegotiationMachine,
  persisted: unknown,
  input: NegotiationInput,
  events: readonly NegotiationEvent[],
): Step {
  const running = runningActor(machine, persisted);
  const actor = running ?? restoredActor(machine, persisted, input);
  const said: Said[] = [];
  const listening = actor.on('say', (event) => said.push(event));
  try {
    // Started once listened to: a new case's first state speaks on entry.
    if (!running) actor.start();
    failIfErrored(actor.getSnapshot(), input.caseId);
    for (const event of events) {
      const snapshot = actor.getSnapshot();
      if (snapshot.status !== 'active') break;
      actor.send(snapshot.can(event) ? event : { type: 'input.unrecognized', why: 'unexpected' });
      failIfErrored(actor.getSnapshot(), input.caseId);
    }
  } catch (error) {
    actor.stop();
    throw error;
  } finally {
    listening.unsubscribe();
  }
  const snapshot = actor.getSnapshot();
  const next: object = actor.getPersistedSnapshot();
  const done = snapshot.status === 'done';
  if (done) actor.stop();
  else {
    runningActors.set(next, { machine, actor });
    // Made by the machine itself (its persisted context is the live one: the context holds no actors): nothing to
    // check when the next turn reads it back.
    checkedContexts.set(next, snapshot.context);
  }
  return { persisted: next, said, context: snapshot.context, state: leafPathOf(snapshot.value) ?? '', done };
}

function runningActor(machine: NegotiationMachine, persisted: unknown): NegotiationActor | undefined {
  if (typeof persisted !== 'object' || persisted === null) return undefined;
  const running = runningActors.get(persisted);
  if (!running) return undefined;
  runningActors.delete(persisted);
  return running.machine === machine ? running.actor : undefined;
}

/** Not started yet: the caller listens first. */
function restoredActor(machine: NegotiationMachine, persisted: unknown, input: NegotiationInput): NegotiationActor {
  const actor = createActor(
    machine,
    persisted === undefined ? { input } : { snapshot: persisted as Snapshot<unknown>, input },
  );
  // An error observer keeps XState from rethrowing an action's error outside the turn (which would end the process):
  // the error fails this turn alone, through the bot's one turn-error handler (log line and apology).
  actor.subscribe({ error: () => undefined });
  return actor;
}

function failIfErrored(snapshot: { status: string; error: unknown }, caseId: string): void {
  if (snapshot.status === 'error')
    throw new XieshangError('XS_TURN_FAILED', `case ${caseId}: the flow could not take this step`, {
      cause: snapshot.error,
    });
}
