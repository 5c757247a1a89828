// Builds the negotiation machine from a flow file's config and the named guards and actions.
import type { AnyStateMachine } from 'xstate';
import { initialContext } from './context.js';
import { createActions } from './actions.js';
import { createGuards } from './guards.js';
import type { FlowConfig } from './flowSchema.js';
import { negotiationSetup, type MachineDeps } from './negotiationSetup.js';

export function createNegotiationMachine(flow: FlowConfig, deps: MachineDeps) {
  const config = {
    ...flow,
    context: ({ input }: { input: Parameters<typeof initialContext>[0] }) => initialContext(input),
  };
  // The config comes from YAML, validated by machines/flow.ts; XState cannot type-check data read at run time.
  return negotiationSetup
    .extend({ guards: createGuards(deps), actions: createActions(deps) })
    .createMachine(config as Parameters<typeof negotiationSetup.createMachine>[0]);
}

export type NegotiationMachine = ReturnType<typeof createNegotiationMachine>;

export { ACTION_NAMES, GUARD_NAMES } from './names.js';
export type { AnyStateMachine };
