// Restores the plan machine from its snapshot, feeds it events and collects the effects it emits.
import { createActor, type Snapshot } from 'xstate';
import type { PlanContext } from '../domain/plan.js';
import type { PlanMachine } from '../../machines/plan.js';
import type { PlanEffect, PlanEvent } from '../../machines/planSetup.js';
import { leafPathOf } from '../../machines/stateNodes.js';
import { XieshangError } from '../errors.js';

export interface PlanStep {
  persisted: unknown;
  effects: PlanEffect[];
  context: PlanContext;
  state: string;
  done: boolean;
  /** Events the plan's state could not take (a stale answer): ignored, not errors. */
  ignored: PlanEvent[];
}

export function stepPlan(
  machine: PlanMachine,
  persisted: unknown,
  input: PlanContext,
  events: readonly PlanEvent[],
): PlanStep {
  const actor = createActor(
    machine,
    persisted === undefined ? { input } : { snapshot: persisted as Snapshot<unknown>, input },
  );
  const effects: PlanEffect[] = [];
  const ignored: PlanEvent[] = [];
  actor.on('*', (effect) => effects.push(effect as PlanEffect));
  actor.subscribe({ error: () => undefined });
  actor.start();
  for (const event of events) {
    const snapshot = actor.getSnapshot();
    if (snapshot.status !== 'active' || !snapshot.can(event)) {
      ignored.push(event);
      continue;
    }
    actor.send(event);
  }
  const snapshot = actor.getSnapshot();
  if (snapshot.status === 'error')
    throw new XieshangError('XS_TURN_FAILED', `case ${input.caseId}: the plan could not take this step`, {
      cause: snapshot.error,
    });
  const result: PlanStep = {
    persisted: actor.getPersistedSnapshot(),
    effects,
    context: snapshot.context,
    state: leafPathOf(snapshot.value) ?? '',
    done: snapshot.status === 'done',
    ignored,
  };
  actor.stop();
  return result;
}
