// The named guards and actions of dialogs/plan.flow.yaml: pure updates of the plan and the effects they emit.
import { z } from 'zod';
import {
  addDays,
  addMonths,
  endOfLocalDay,
  instantOf,
  localDateTime,
  type Instalment,
  type PlanContext,
} from '../src/domain/plan.js';
import { JOB_KINDS, PLAN_EVENT_NAMES, planSetup, type PlanEffect, type PlanEvent } from './planSetup.js';

export const PLAN_ACTION_PARAMS = {
  say: z.object({ key: z.string().min(1), choices: z.array(z.string()).optional() }).strict(),
  record: z.object({ name: z.enum(PLAN_EVENT_NAMES) }).strict(),
  schedule: z.object({ job: z.enum(JOB_KINDS) }).strict(),
} as const;

/** Prompt keys actions say without naming them in the flow. */
export const PLAN_ACTION_PROMPTS: Record<string, string[]> = {
  applyPayment: ['plan.paymentThanks', 'plan.partialPayment', 'plan.waiverEarned', 'plan.waiverVoided'],
  recordPromise: ['plan.promiseNoted', 'plan.promiseOutOfWindow'],
  moveDueDay: ['plan.dueDayMoved', 'plan.dueDayNotMoved'],
};

const { assign, enqueueActions } = planSetup;

const currentOf = (context: PlanContext): Instalment | undefined => context.instalments[context.current];
const unpaid = (i: Instalment) => i.paidMinor < i.amountMinor;
/** The event's time; the machine's own start event has none: the agreement day stands in. */
const eventTime = (event: PlanEvent, context: PlanContext) =>
  new Date((event as { at?: string }).at ?? `${context.agreedOn}T00:00:00Z`);

/** When each job of the current instalment (or the next review) is due. */
export function jobTime(
  context: PlanContext,
  job: (typeof JOB_KINDS)[number],
  event: PlanEvent,
): { n: number; at: Date } {
  const instalment = currentOf(context);
  const n = instalment?.n ?? 0;
  const today = localDateTime(eventTime(event, context), context.timeZone).date;
  switch (job) {
    case 'reminder':
      return {
        n,
        at: instantOf(
          addDays(instalment!.dueDate, -context.figures.remindDaysBefore),
          context.contactTime,
          context.timeZone,
        ),
      };
    case 'graceEnded':
      return { n, at: endOfLocalDay(addDays(instalment!.dueDate, context.figures.graceDays), context.timeZone) };
    case 'answerDeadline':
      return { n, at: endOfLocalDay(addDays(today, context.figures.answerWithinDays), context.timeZone) };
    case 'promiseDue':
      return { n, at: endOfLocalDay(context.promise?.byDate ?? today, context.timeZone) };
    case 'review': {
      const k = context.reviews + 1;
      const day = addMonths(context.agreedOn, context.figures.reviewEveryMonths * k);
      return { n: k, at: instantOf(day, context.contactTime, context.timeZone) };
    }
  }
}

export function createPlanGuards() {
  return {
    /** The job is about the instalment still open (a job for one already paid, or a superseded review, is stale). */
    jobIsCurrent: ({ context, event }: { context: PlanContext; event: PlanEvent }) => {
      if (!event.type.startsWith('job.')) return false;
      const { n } = event as { n: number };
      if (event.type === 'job.review') return n === context.reviews + 1;
      const instalment = currentOf(context);
      if (instalment === undefined || instalment.n !== n || !unpaid(instalment)) return false;
      // A reminder or grace job planned before the due day moved is stale: the moved day has its own.
      if (event.type === 'job.reminder' || event.type === 'job.graceEnded') {
        const planned = jobTime(context, event.type === 'job.reminder' ? 'reminder' : 'graceEnded', event).at;
        return Date.parse(event.at) >= planned.getTime() - 1000;
      }
      return true;
    },
    allPaid: ({ context }: { context: PlanContext }) => context.current >= context.instalments.length,
    tooManyMissed: ({ context }: { context: PlanContext }) => context.missed >= context.figures.brokenAfterMissed,
    promiseInWindow: ({ context, event }: { context: PlanContext; event: PlanEvent }) => {
      if (event.type !== 'checkin.promise') return false;
      const today = localDateTime(eventTime(event, context), context.timeZone).date;
      return event.byDate >= today && event.byDate <= addDays(today, context.figures.promiseWithinDays);
    },
    /** This payment pays what is left of the missed instalments (guards see the plan before the payment is applied). */
    missedInstalmentPaid: ({ context, event }: { context: PlanContext; event: PlanEvent }) =>
      event.type === 'payment.received' &&
      event.amountMinor >=
        context.instalments
          .filter((i) => i.status === 'missed')
          .reduce((owed, i) => owed + i.amountMinor - i.paidMinor, 0),
  };
}

export function createPlanActions() {
  const emitAll = (enqueue: { emit: (effect: PlanEffect) => void }, effects: PlanEffect[]) => {
    for (const effect of effects) enqueue.emit(effect);
  };
  return {
    say: enqueueActions(({ enqueue }, raw) => {
      const params = PLAN_ACTION_PARAMS.say.parse(raw);
      enqueue.emit({ type: 'say', key: params.key, ...(params.choices ? { choices: params.choices } : {}) });
    }),
    record: enqueueActions(({ context, event, enqueue }, raw) => {
      const params = PLAN_ACTION_PARAMS.record.parse(raw);
      const instalment = currentOf(context);
      enqueue.emit({
        type: 'event',
        name: params.name,
        data: {
          reference: context.reference,
          ...(instalment ? { instalment: instalment.n, dueDate: instalment.dueDate } : {}),
          missed: context.missed,
          at: eventTime(event, context).toISOString(),
        },
      });
    }),
    schedule: enqueueActions(({ context, event, enqueue }, raw) => {
      const params = PLAN_ACTION_PARAMS.schedule.parse(raw);
      if (params.job !== 'review' && !currentOf(context)) return;
      const { n, at: when } = jobTime(context, params.job, event);
      enqueue.emit({ type: 'schedule', job: params.job, n, at: when.toISOString() });
    }),
    /** Counts the payment against the open instalments, oldest first; on time, late, partial; the waiver follows. */
    applyPayment: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'payment.received') return;
      const effects: PlanEffect[] = [];
      const instalments = context.instalments.map((i) => ({ ...i }));
      let left = event.amountMinor;
      let { current, onTime, waiver } = context;
      const paidDay = localDateTime(new Date(event.paidAt), context.timeZone).date;
      while (left > 0 && current < instalments.length) {
        const instalment = instalments[current]!;
        const take = Math.min(left, instalment.amountMinor - instalment.paidMinor);
        instalment.paidMinor += take;
        left -= take;
        if (unpaid(instalment)) break;
        const late = instalment.status === 'missed' || paidDay > instalment.dueDate;
        instalment.status = late ? 'paidLate' : 'paid';
        current += 1;
        if (!late) onTime += 1;
        else if (waiver === 'pending') {
          waiver = 'voided';
          effects.push({ type: 'say', key: 'plan.waiverVoided' });
          effects.push({
            type: 'event',
            name: 'plan.waiver_voided',
            data: { reference: context.reference, instalment: instalment.n, at: event.at },
          });
        }
        if (waiver === 'pending' && onTime >= context.figures.waiverAfterPayments) {
          waiver = 'earned';
          effects.push({ type: 'say', key: 'plan.waiverEarned' });
          effects.push({
            type: 'event',
            name: 'plan.waiver_earned',
            data: { reference: context.reference, instalment: instalment.n, at: event.at },
          });
        }
      }
      const open = instalments[current];
      effects.unshift({ type: 'say', key: open && open.paidMinor > 0 ? 'plan.partialPayment' : 'plan.paymentThanks' });
      enqueue.assign({ instalments, current, onTime, waiver });
      emitAll(enqueue, effects);
    }),
    /** The open instalment is missed: counted, and the waiver it was earning is void. */
    markMissed: enqueueActions(({ context, event, enqueue }) => {
      const instalments = context.instalments.map((i, index) =>
        index === context.current ? { ...i, status: 'missed' as const } : i,
      );
      const effects: PlanEffect[] = [];
      let { waiver } = context;
      if (waiver === 'pending') {
        waiver = 'voided';
        effects.push({ type: 'say', key: 'plan.waiverVoided' });
        effects.push({
          type: 'event',
          name: 'plan.waiver_voided',
          data: { reference: context.reference, at: event.at },
        });
      }
      enqueue.assign({ instalments, missed: context.missed + 1, waiver });
      emitAll(enqueue, effects);
    }),
    recordPromise: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'checkin.promise') return;
      enqueue.assign({ promise: { byDate: event.byDate, state: 'open' } });
      enqueue.emit({ type: 'say', key: 'plan.promiseNoted' });
      enqueue.emit({
        type: 'event',
        name: 'promise.made',
        data: { reference: context.reference, byDate: event.byDate, at: event.at },
      });
      const promised = { ...context, promise: { byDate: event.byDate, state: 'open' as const } };
      const { n, at: when } = jobTime(promised, 'promiseDue', event);
      enqueue.emit({ type: 'schedule', job: 'promiseDue', n, at: when.toISOString() });
    }),
    refusePromise: enqueueActions(({ enqueue }) => {
      enqueue.emit({ type: 'say', key: 'plan.promiseOutOfWindow' });
    }),
    settlePromise: assign(({ context }) =>
      context.promise ? { promise: { ...context.promise, state: 'kept' as const } } : {},
    ),
    breakPromise: assign(({ context }) =>
      context.promise ? { promise: { ...context.promise, state: 'broken' as const } } : {},
    ),
    countReview: assign(({ context }) => ({ reviews: context.reviews + 1 })),
    /** Moves every unpaid instalment's due day (once per plan, policy), to a day 1–28 of the same month. */
    moveDueDay: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'dueDay.move') return;
      if (context.dueDayMoves >= context.figures.dueDayMovesPerPlan || event.day < 1 || event.day > 28) {
        enqueue.emit({ type: 'say', key: 'plan.dueDayNotMoved' });
        return;
      }
      const day = String(event.day).padStart(2, '0');
      const instalments = context.instalments.map((i) =>
        i.status === 'upcoming' && i.paidMinor === 0 ? { ...i, dueDate: `${i.dueDate.slice(0, 8)}${day}` } : i,
      );
      enqueue.assign({ instalments, dueDayMoves: context.dueDayMoves + 1 });
      enqueue.emit({ type: 'say', key: 'plan.dueDayMoved' });
    }),
  };
}
