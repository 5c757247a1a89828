// The agreed plan as the console shows it: instalments with what was paid, promises, and one state an agent reads at a glance.
import { z } from 'zod';
import type { CaseRecord } from '../domain/case.js';
import { InstalmentSchema, localDateTime, PlanContextSchema } from '../domain/plan.js';

export const PLAN_STATES = ['active', 'late', 'missed', 'broken', 'completed', 'cancelled'] as const;

export const PlanViewSchema = z.object({
  reference: z.string(),
  currency: z.string(),
  state: z
    .enum(PLAN_STATES)
    .describe(
      'active: on track; late: an instalment is past its due date within the grace; missed: an instalment was missed and is not paid; broken: the plan ended unkept (二次协商); completed; cancelled',
    ),
  /** The plan machine's own state (dialogs/plan.flow.yaml), e.g. `onTrack`, `checkingIn`, `promised`. */
  machineState: z.string(),
  instalments: z.array(InstalmentSchema),
  missed: z.number().int(),
  onTime: z.number().int(),
  waiver: z.enum(['none', 'pending', 'earned', 'voided']),
  promise: z.object({ byDate: z.iso.date(), state: z.enum(['open', 'kept', 'broken']) }).optional(),
  startedAt: z.iso.datetime(),
});
export type PlanView = z.infer<typeof PlanViewSchema>;

/** The case's plan, or undefined before an agreement (or for a snapshot this version cannot read). */
export function planView(record: CaseRecord, now: Date): PlanView | undefined {
  if (!record.plan) return undefined;
  const parsed = PlanContextSchema.safeParse((record.plan.snapshot as { context?: unknown } | undefined)?.context);
  if (!parsed.success) return undefined;
  const context = parsed.data;
  const machineState = record.plan.state;
  return {
    reference: context.reference,
    currency: context.currency,
    // Due dates are the borrower's local dates: "late" counts from their today, not the server's.
    state: stateOf(machineState, context.instalments, localDateTime(now, context.timeZone).date),
    machineState,
    instalments: context.instalments,
    missed: context.missed,
    onTime: context.onTime,
    waiver: context.waiver,
    ...(context.promise ? { promise: context.promise } : {}),
    startedAt: record.plan.startedAt,
  };
}

function stateOf(machineState: string, instalments: PlanView['instalments'], today: string): PlanView['state'] {
  if (machineState.startsWith('completed')) return 'completed';
  if (machineState.startsWith('cancelled')) return 'cancelled';
  if (machineState.startsWith('broken') || machineState.startsWith('renegotiating')) return 'broken';
  const unpaid = instalments.filter((i) => i.paidMinor < i.amountMinor);
  if (unpaid.some((i) => i.status === 'missed')) return 'missed';
  if (unpaid.some((i) => i.dueDate < today)) return 'late';
  return 'active';
}
