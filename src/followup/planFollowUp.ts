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
import { renderMyPlan, renderPlanSays, planVariables, type PlanSpeech } from './planMessages.js';
import type { IncomingActivity } from '../bot/activitySchema.js';
import { caseIdFor } from '../conversation/caseIdentity.js';
import { borrowerEntry, botEntries } from '../conversation/transcriptEntries.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import { fillTemplate } from '../dialogs/prompts.js';
import { readPlanAnswer, REOPENING_STATES } from './planAnswers.js';
import { reopenNegotiation, withBrokenArrangement } from './reopenNegotiation.js';
import type { ServiceClock } from './serviceClock.js';
import { jobId, type DueJob, type Scheduler } from './scheduler.js';
import { stepPlan } from './stepPlan.js';
import type { FlowMetrics } from '../metrics/flowMetrics.js';
import { recordPlanStep } from '../metrics/outcomeMetrics.js';

export interface FollowUpDeps {
  store: CaseStore;
  scheduler: Scheduler;
  clock: ServiceClock;
  dialogs: DialogRegistry;
  accounts: AccountDirectory;
  line: BorrowerLine;
  logger: Logger;
  /** The plan's funnel on /flows (plans kept and broken). */
  metrics?: FlowMetrics;
}

const MAX_REPLAYS = 8;

interface Wanted {
  input?: PlanContext;
  events: PlanEvent[];
  job?: DueJob;
  /** Said besides the plan's own prompts (a borrower's turn: "my plan", "which date?"). */
  extra?: (context: PlanContext, speech: PlanSpeech) => OutgoingMessage[];
  /** A borrower's turn: a plan that ends broken or renegotiating reopens the negotiation in this commit. */
  reopen?: true;
}

/** A borrower's message answered for the plan: it goes in the same commit, under the activity's id. */
interface PlanTurn {
  activityId: string | undefined;
  entry: TranscriptEntry;
}
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

  /**
   * A borrower's message in a case whose plan runs (or has ended broken): answered here when it is about the plan
   * ("my plan", a check-in or review answer, a promised date, a due-day move, 二次协商); undefined lets the turn go on.
   */
  async answer(activity: IncomingActivity): Promise<{ caseId: string; replies: OutgoingMessage[] } | undefined> {
    if (activity.type !== 'message' || !activity.text) return undefined;
    const caseId = caseIdFor(activity.channelId, activity.conversation.id);
    const peek = (await this.deps.store.load(caseId)).record;
    if (!peek?.plan || peek.status !== 'agreed') return undefined;
    const text = activity.text;
    let taken = false;
    const turn = (at: string): PlanTurn => ({
      activityId: activity.id,
      entry: borrowerEntry(activity, text, undefined, at),
    });
    const replies = await this.apply(
      caseId,
      `turn:${activity.id ?? this.deps.clock.now().toISOString()}`,
      (record, bundle, context) => {
        if (!context || !record.plan || record.status !== 'agreed') return undefined;
        const at = this.deps.clock.now().toISOString();
        const answer = readPlanAnswer({
          text,
          state: record.plan.state,
          locale: record.locale,
          lexicons: bundle.lexicons,
          today: localDateTime(new Date(at), context.timeZone).date,
          at,
        });
        if (!answer) return undefined;
        taken = true;
        switch (answer.kind) {
          case 'myPlan':
            return { events: [], extra: (now, speech) => [renderMyPlan(now, speech)] };
          case 'askPromiseDate':
            return {
              events: [],
              extra: (now, speech) => [say(speech, 'plan.askPromiseDate', planVariables(now, speech))],
            };
          case 'reopen':
            return { events: [], reopen: true };
          case 'event':
            return { events: [answer.event], reopen: true };
        }
      },
      turn,
    );
    return taken ? { caseId, replies } : undefined;
  }

  /** A payment the lender recorded (payment.recorded) for this case's plan. */
  async paymentReceived(
    caseId: string,
    payment: { paymentId: string; amountMinor: number; paidAt: string },
  ): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.apply(caseId, `payment:${payment.paymentId}`, (_record, _bundle, context) =>
      context
        ? {
            events: [
              {
                type: 'payment.received',
                paymentId: payment.paymentId,
                amountMinor: payment.amountMinor,
                paidAt: payment.paidAt,
                at,
              },
            ],
          }
        : undefined,
    );
  }

  /**
   * One plan step as one compare-and-set commit of the case (plan, transcript), then its effects: jobs scheduled,
   * messages sent. A step already handled (same id) is not taken twice.
   */
  private async apply(
    caseId: string,
    stepId: string,
    plan: (record: CaseRecord, bundle: DialogBundle, context: PlanContext | undefined) => Wanted | undefined,
    turnAt?: (at: string) => PlanTurn,
  ): Promise<OutgoingMessage[]> {
    for (let attempt = 0; attempt < MAX_REPLAYS; attempt++) {
      const now = this.deps.clock.now();
      const turn = turnAt?.(now.toISOString());
      const loaded = await this.deps.store.load(caseId, turn?.activityId);
      const record = loaded.record;
      if (!record || loaded.duplicate) return [];
      if (record.plan?.handled.includes(stepId)) return [];
      const bundle = await this.deps.dialogs.get(record.flowVersion);
      const current = record.plan ? (record.plan.snapshot as { context: PlanContext }).context : undefined;
      const wanted = plan(record, bundle, current);
      if (!wanted) return [];
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
          return [];
        }
        if (!decision.allowed) says.length = 0; // opted out: the plan still moves, nothing is said
      }
      const account = record.accountRef ? await this.deps.accounts.byReference(record.accountRef) : undefined;
      const speech: PlanSpeech = {
        locale: record.locale,
        prompts: bundle.prompts[record.locale],
        creditor: account?.creditor ?? bundle.prompts[record.locale].get('brand.creditor') ?? '',
        now,
      };
      const messages = [
        ...renderPlanSays(says, step.context, speech, turn ? undefined : bundle.policy.jurisdiction),
        ...(wanted.extra?.(step.context, speech) ?? []),
      ];
      const at = now.toISOString();
      // 二次协商: a plan over (broken, or the situation changed) negotiates again, a broken arrangement counted.
      const reopening = wanted.reopen && REOPENING_STATES.has(step.state);
      const broke =
        step.state === 'broken' ||
        step.context.instalments.some((i) => i.status === 'missed' && i.paidMinor < i.amountMinor);
      const counted = reopening && account && broke ? withBrokenArrangement(account) : account;
      const reopened = reopening ? reopenNegotiation(record, bundle, counted) : undefined;
      if (reopened) messages.push(...reopened.replies);
      const append: TranscriptEntry[] = [
        ...(turn ? [turn.entry] : []),
        ...step.effects
          .filter((e): e is Extract<PlanEffect, { type: 'event' }> => e.type === 'event')
          .map((e) => this.event(record, now, e.name, e.data)),
        ...(turn
          ? botEntries(messages, record.channelId, at)
          : messages.map((m) => ({
              at,
              actor: 'bot' as const,
              channelId: record.channelId,
              kind: 'message' as const,
              text: m.text,
              data: { proactive: true },
            }))),
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
        record: { ...(reopened?.record ?? record), plan: nextPlan, ...(turn ? { lastActivityAt: at } : {}) },
        append,
        ...(turn?.activityId ? { activityId: turn.activityId } : {}),
      });
      if (!result.ok) continue;
      await recordPlanStep(this.deps.metrics, record.flowVersion, record.plan?.state, step.state, at);
      // The lender's next update of the account carries the break too; until then the directory holds it.
      if (reopened && counted && counted !== account) await this.deps.accounts.upsert([counted]);
      for (const effect of step.effects)
        if (effect.type === 'schedule')
          await this.deps.scheduler.schedule({
            id: jobId(caseId, effect.job, effect.n),
            caseId,
            kind: effect.job,
            n: effect.n,
            dueAt: effect.at,
          });
      if (turn) return messages;
      if (messages.length > 0) await this.deps.line.send(record.conversationRef, messages);
      return [];
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

function say(speech: PlanSpeech, key: string, vars: Record<string, string | number | undefined>): OutgoingMessage {
  return { type: 'message', locale: speech.locale, text: fillTemplate(speech.prompts.get(key) ?? key, vars) };
}
