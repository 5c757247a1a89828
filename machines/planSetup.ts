// The typed XState setup of the plan lifecycle: its context, the events that drive it, the effects it emits.
import { setup } from 'xstate';
import type { PlanContext } from '../src/domain/plan.js';

/** Kinds of scheduled jobs the plan asks for; each job carries the instalment (or review) number it is about. */
export const JOB_KINDS = ['reminder', 'graceEnded', 'answerDeadline', 'promiseDue', 'review'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Events the plan sends the lender (through the outbox) and writes to the transcript. */
export const PLAN_EVENT_NAMES = [
  'plan.started',
  'plan.payment_missed',
  'plan.broken',
  'plan.completed',
  'plan.waiver_earned',
  'plan.waiver_voided',
  'plan.renegotiation',
  'promise.made',
  'promise.kept',
  'promise.broken',
] as const;
export type PlanEventName = (typeof PLAN_EVENT_NAMES)[number];

/** What a step of the plan asks the service to do: say a prompt, schedule a job, record an event. No I/O here. */
export type PlanEffect =
  | { type: 'say'; key: string; choices?: string[] }
  | { type: 'schedule'; job: JobKind; n: number; at: string }
  | { type: 'event'; name: PlanEventName; data: Record<string, unknown> };

/** Every event carries `at`: the instant it happened (the job's due time, the payment's record time, the turn's). */
export type PlanEvent =
  | { type: `job.${JobKind}`; n: number; at: string }
  | { type: 'payment.received'; paymentId: string; amountMinor: number; paidAt: string; at: string }
  | { type: 'checkin.payNow'; at: string }
  | { type: 'checkin.promise'; byDate: string; at: string }
  | { type: 'checkin.changed'; at: string }
  | { type: 'review.same'; at: string }
  | { type: 'review.changed'; at: string }
  | { type: 'dueDay.move'; day: number; at: string }
  | { type: 'plan.cancel'; at: string };

export type PlanInput = PlanContext;

export const planSetup = setup({
  types: {
    context: {} as PlanContext,
    events: {} as PlanEvent,
    input: {} as PlanInput,
    emitted: {} as PlanEffect,
  },
});
