// Follows agreed plans: starts them, runs their due jobs through the contact gate, takes payments, speaks proactively.
import type { Logger } from 'pino';
import type { Agreement, CaseRecord } from '../domain/case.js';
import { localDateTime, type PlanContext, type PlanRecord } from '../domain/plan.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { decideContact } from '../domain/contact/index.js';
import type { DialogBundle, DialogRegistry } from '../dialogs/dialogBundle.js';
import type { AccountDirectory } from '../store/accountDirectory.js';
import type { CaseStore } from '../store/caseStore.js';
import type { BorrowerLine } from '../handoff/deskDeps.js';
import type { PlanEffect, PlanEvent } from '../../machines/planSetup.js';
import { renderPlanSays } from './planMessages.js';
import type { ServiceClock } from './serviceClock.js';
import { jobId, type DueJob, type Scheduler } from './scheduler.js';
import { stepPlan } from './stepPlan.js';

export interface FollowUpDeps {
  store: CaseStore;
  scheduler: Scheduler;
  clock: ServiceClock;
  dialogs: DialogRegistry;
  accounts: AccountDirectory;
  line: BorrowerLine;
  logger: Logger;
}

const MAX_REPLAYS = 8;
const HANDLED_KEPT = 200;

/** Builds the plan's first context from the agreement, the account's time zone and the policy of the case's version. */
export function planInput(agreement: Agreement, timeZone: string, bundle: DialogBundle): PlanContext {
  const agreedAt = new Date(agreement.agreedAt);
  const local = localDateTime(agreedAt, timeZone);
  const instalments = agreement.dueDates
    .filter((line) => line.amountMinor > 0)
    .map((line, index) => ({
      n: index + 1,
      dueDate: line.dueDate,
      amountMinor: line.amountMinor,
      paidMinor: 0,
      status: 'upcoming' as const,
    }));
  const follow = bundle.policy.followUp;
  return {
    caseId: agreement.caseId,
    reference: agreement.reference,
    currency: agreement.currency,
    timeZone,
    contactTime: local.time,
    agreedOn: agreement.agreedAt.slice(0, 10),
    instalments,
    current: 0,
    missed: 0,
    onTime: 0,
    waiver: agreement.offer.waiver ? 'pending' : 'none',
    dueDayMoves: 0,
    reviews: 0,
    figures: {
      ...follow,
      reviewEveryMonths: bundle.policy.review.everyMonths,
      waiverAfterPayments: agreement.offer.waiver?.afterPayments ?? 0,
    },
  };
}

export class PlanFollowUp {
  constructor(private readonly deps: FollowUpDeps) {}

  /** Runs due jobs from now on (once per process; every instance may, each job runs once). */
  start(): void {
    this.deps.scheduler.start((job) => this.runJob(job));
  }

  /** Starts the plan of a case that has just agreed (idempotent: a case with a plan is left alone). */
  async agreed(caseId: string): Promise<void> {
    const agreement = await this.deps.store.agreement(caseId);
    if (!agreement) return;
    const account = await this.deps.accounts.byReference(agreement.accountRef);
    await this.apply(caseId, `start:${caseId}`, (record, bundle) => {
      if (record.plan) return undefined;
      const input = planInput(agreement, account?.borrower.timeZone ?? 'Asia/Shanghai', bundle);
      return { input, events: [] };
    });
  }

  /** A due job: the plan steps at the job's time, unless the contact gate moves it to the next allowed time. */
  async runJob(job: DueJob): Promise<void> {
    await this.apply(job.caseId, job.id, (_record, _bundle, context) => {
      if (!context) return undefined;
      const at = new Date(Math.max(Date.parse(job.dueAt), this.deps.clock.now().getTime())).toISOString();
      return { events: [{ type: `job.${job.kind}`, n: job.n, at } as PlanEvent], job };
    });
  }

  /** A payment the lender recorded (payment.recorded) for this case's plan. */
  async paymentReceived(
    caseId: string,
    payment: { paymentId: string; amountMinor: number; paidAt: string },
  ): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.apply(caseId, `payment:${payment.paymentId}`, (_record, _bundle, context) =>
      context ? { events: [{ type: 'payment.received', ...payment, at }] } : undefined,
    );
  }

  /**
   * One plan step as one compare-and-set commit of the case (plan, transcript), then its effects: jobs scheduled,
   * messages sent. A step already handled (same id) is not taken twice.
   */
  private async apply(
    caseId: string,
    stepId: string,
    plan: (
      record: CaseRecord,
      bundle: DialogBundle,
      context: PlanContext | undefined,
    ) => { input?: PlanContext; events: PlanEvent[]; job?: DueJob } | undefined,
  ): Promise<void> {
    for (let attempt = 0; attempt < MAX_REPLAYS; attempt++) {
      const loaded = await this.deps.store.load(caseId);
      const record = loaded.record;
      if (!record) return;
      if (record.plan?.handled.includes(stepId)) return;
      const bundle = await this.deps.dialogs.get(record.flowVersion);
      const current = record.plan ? (record.plan.snapshot as { context: PlanContext }).context : undefined;
      const wanted = plan(record, bundle, current);
      if (!wanted) return;
      const now = this.deps.clock.now();
      const input = wanted.input ?? current!;
      const step = stepPlan(bundle.plan.machine, record.plan?.snapshot, input, wanted.events);
      const says = step.effects.filter((e): e is Extract<PlanEffect, { type: 'say' }> => e.type === 'say');
      const transcript = wanted.job ? await this.deps.store.transcript(caseId) : [];
      // The contact gate: a job that would speak outside contact hours or over the caps waits; never after an opt-out.
      if (wanted.job && says.length > 0) {
        const decision = decideContact({
          now,
          jurisdiction: bundle.policy.jurisdiction,
          policy: bundle.policy.contact,
          timeZone: input.timeZone,
          optedOut: transcript.some((entry) => entry.kind === 'event' && entry.text === 'contact.optedOut'),
          disputeOpen: record.status === 'escalated' && record.handoff?.reason === 'dispute',
          attempts: (record.plan?.contacts ?? []).map((t) => new Date(t)),
        });
        if (!decision.allowed && decision.earliestAt) {
          await this.deps.scheduler.schedule({
            ...wanted.job,
            id: `${wanted.job.id}@${decision.earliestAt.getTime()}`,
            dueAt: decision.earliestAt.toISOString(),
          });
          await this.mark(caseId, loaded.version, record, stepId, [
            this.event(record, now, 'plan.contactDeferred', {
              job: wanted.job.kind,
              reason: decision.reason,
              until: decision.earliestAt.toISOString(),
            }),
          ]);
          return;
        }
        if (!decision.allowed) says.length = 0; // opted out: the plan still moves, nothing is said
      }
      const account = record.accountRef ? await this.deps.accounts.byReference(record.accountRef) : undefined;
      const messages = renderPlanSays(
        says,
        step.context,
        {
          locale: record.locale,
          prompts: bundle.prompts[record.locale],
          creditor: account?.creditor ?? bundle.prompts[record.locale].get('brand.creditor') ?? '',
          now,
        },
        bundle.policy.jurisdiction,
      );
      const at = now.toISOString();
      const append: TranscriptEntry[] = [
        ...step.effects
          .filter((e): e is Extract<PlanEffect, { type: 'event' }> => e.type === 'event')
          .map((e) => this.event(record, now, e.name, e.data)),
        ...messages.map((m) => ({
          at,
          actor: 'bot' as const,
          channelId: record.channelId,
          kind: 'message' as const,
          text: m.text,
          data: { proactive: true },
        })),
      ];
      const nextPlan: PlanRecord = {
        snapshot: step.persisted,
        state: step.state,
        startedAt: record.plan?.startedAt ?? at,
        contacts: [...(record.plan?.contacts ?? []), ...(messages.length > 0 && wanted.job ? [at] : [])].slice(-50),
        handled: [...(record.plan?.handled ?? []), stepId].slice(-HANDLED_KEPT),
      };
      const result = await this.deps.store.commit({
        caseId,
        expectedVersion: loaded.version,
        record: { ...record, plan: nextPlan },
        append,
      });
      if (!result.ok) continue;
      for (const effect of step.effects)
        if (effect.type === 'schedule')
          await this.deps.scheduler.schedule({
            id: jobId(caseId, effect.job, effect.n),
            caseId,
            kind: effect.job,
            n: effect.n,
            dueAt: effect.at,
          });
      if (messages.length > 0) await this.deps.line.send(record.conversationRef, messages);
      return;
    }
    throw new Error(`case ${caseId}: plan step still conflicting after ${MAX_REPLAYS} replays`);
  }

  private async mark(caseId: string, version: number, record: CaseRecord, stepId: string, append: TranscriptEntry[]) {
    if (!record.plan) return;
    const plan = { ...record.plan, handled: [...record.plan.handled, stepId].slice(-HANDLED_KEPT) };
    await this.deps.store.commit({ caseId, expectedVersion: version, record: { ...record, plan }, append });
  }

  private event(record: CaseRecord, now: Date, text: string, data: Record<string, unknown>): TranscriptEntry {
    return { at: now.toISOString(), actor: 'system', channelId: record.channelId, kind: 'event', text, data };
  }
}
