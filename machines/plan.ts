// Builds the plan machine from dialogs/plan.flow.yaml and the named guards and actions of machines/planActions.ts.
import { PlanContextSchema } from '../src/domain/plan.js';
import type { FlowConfig } from './flowSchema.js';
import { createPlanActions, createPlanGuards } from './planActions.js';
import { planSetup } from './planSetup.js';

export function createPlanMachine(flow: FlowConfig) {
  const config = { ...flow, context: ({ input }: { input: unknown }) => PlanContextSchema.parse(input) };
  // The config comes from YAML, validated by machines/planFlow.ts; XState cannot type-check data read at run time.
  return planSetup
    .extend({ guards: createPlanGuards(), actions: createPlanActions() })
    .createMachine(config as Parameters<typeof planSetup.createMachine>[0]);
}

export type PlanMachine = ReturnType<typeof createPlanMachine>;

export const PLAN_GUARD_NAMES: ReadonlySet<string> = new Set(Object.keys(createPlanGuards()));
export const PLAN_ACTION_NAMES: ReadonlySet<string> = new Set(Object.keys(createPlanActions()));
