// Follows agreed plans: starts them, runs their due jobs through the contact gate, takes payments, speaks proactively.
import type { Account } from '../domain/account.js';
import type { Agreement } from '../domain/case.js';
import { localDateTime } from '../domain/plan.js';
import type { PlanEvent } from '../../machines/planSetup.js';
import { renderMyPlan, planVariables, type PlanSpeech } from './planMessages.js';
import type { IncomingActivity } from '../bot/activitySchema.js';
import { caseIdFor } from '../conversation/caseIdentity.js';
import { borrowerEntry } from '../conversation/transcriptEntries.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import { fillTemplate } from '../dialogs/prompts.js';
import { readPlanAnswer } from './planAnswers.js';
import type { DueJob } from './scheduler.js';
import { planInput } from './planStart.js';
import { PlanSteps, type FollowUpDeps, type PlanTurn } from './planSteps.js';

export type { FollowUpDeps } from './planSteps.js';

export class PlanFollowUp {
  private readonly steps: PlanSteps;

  constructor(private readonly deps: FollowUpDeps) {
    this.steps = new PlanSteps(deps);
  }

  /** Runs due jobs from now on (once per process; every instance may, each job runs once). */
  start(): void {
    this.deps.scheduler.start((job) => this.runJob(job));
  }

  /**
   * Starts the plan of the agreement the case has just recorded (idempotent on its reference). A case whose earlier
   * plan ended (broken, then 二次协商) starts a new plan: the earlier one stays in the record as it ended.
   * `committed`: the agreement the caller has just committed (the bot's turn) and the account it read, not read again.
   */
  async agreed(caseId: string, committed?: { agreement: Agreement; account?: Account }): Promise<void> {
    const agreement = committed?.agreement ?? (await this.deps.store.agreement(caseId));
    if (!agreement) return;
    const account = committed?.account ?? (await this.deps.accounts.byReference(agreement.accountRef));
    await this.steps.apply(caseId, `start:${agreement.reference}`, (_record, bundle, context) => {
      if (context?.reference === agreement.reference) return undefined;
      const input = planInput(agreement, account?.borrower.timeZone ?? 'Asia/Shanghai', bundle);
      return { input, events: [] };
    });
  }

  /** A due job: the plan steps at the job's time, unless the contact gate moves it to the next allowed time. */
  async runJob(job: DueJob): Promise<void> {
    await this.steps.apply(job.caseId, job.id, (record, _bundle, context) => {
      if (!context) return undefined;
      if (job.kind === 'deliver') return record.plan?.held.length ? { events: [], job, deliver: true } : undefined;
      // A job of an earlier plan of the case (二次协商 started another): nothing to do.
      if (job.plan !== undefined && job.plan !== context.reference) return undefined;
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
    const replies = await this.steps.apply(
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
    await this.steps.apply(caseId, `payment:${payment.paymentId}`, (_record, _bundle, context) =>
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
}

function say(speech: PlanSpeech, key: string, vars: Record<string, string | number | undefined>): OutgoingMessage {
  return { type: 'message', locale: speech.locale, text: fillTemplate(speech.prompts.get(key) ?? key, vars) };
}
