// Which borrower events escalate, with which reason and priority, read from the flow (its `escalate` actions).
import { z } from 'zod';
import { asTransitions, eachState, refName, refParams, type FlowConfig } from '../../machines/flowSchema.js';
import { EscalationReasonSchema, PrioritySchema, type EscalationReason, type Priority } from '../domain/case.js';

export type Escalation = { reason: EscalationReason; priority: Priority };

const EscalateParamsSchema = z.object({ reason: EscalationReasonSchema, priority: PrioritySchema });
const byFlow = new WeakMap<FlowConfig, ReadonlyMap<string, Escalation>>();

/**
 * Event type → the escalation its transition makes, the outermost state's first (the flow's `conversation.on`
 * handlers, which hold in every state). After the end of the machine the bot reopens a case with these, so a product
 * owner who changes a reason or priority in the flow changes both.
 */
export function escalationsOf(flow: FlowConfig): ReadonlyMap<string, Escalation> {
  const known = byFlow.get(flow);
  if (known) return known;
  const found = new Map<string, Escalation>();
  eachState(flow, (_path, state) => {
    for (const [eventType, transitions] of Object.entries(state.on ?? {})) {
      if (found.has(eventType)) continue;
      const escalate = asTransitions(transitions)
        .flatMap((transition) => transition.actions ?? [])
        .find((action) => refName(action) === 'escalate');
      const params = escalate ? EscalateParamsSchema.safeParse(refParams(escalate)) : undefined;
      if (params?.success) found.set(eventType, params.data);
    }
  });
  byFlow.set(flow, found);
  return found;
}
