// One plan step as one commit of the case, then its effects: the contact gate, held messages, 二次协商, jobs scheduled.
import type { Logger } from 'pino';
import type { FlowMetrics } from '../metrics/flowMetrics.js';
import { recordPlanStep } from '../metrics/outcomeMetrics.js';
import type { CaseRecord } from '../domain/case.js';
import type { PlanContext } from '../domain/plan.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { ContactDecision } from '../domain/contact/index.js';
import type { DialogBundle, DialogRegistry } from '../dialogs/dialogBundle.js';
import type { AccountDirectory } from '../store/accountDirectory.js';
import type { CaseStore } from '../store/caseStore.js';
import type { BorrowerLine } from '../handoff/deskDeps.js';
import type { PlanEffect, PlanEvent } from '../../machines/planSetup.js';
import { renderPlanSays, type PlanSpeech } from './planMessages.js';
import { botEntries } from '../conversation/transcriptEntries.js';
import { isOutgoingMessage, type OutgoingMessage } from '../conversation/render/renderReplies.js';
import { REOPENING_STATES } from './planAnswers.js';
import { reopenNegotiation, withBrokenArrangement } from './reopenNegotiation.js';
import type { ServiceClock } from './serviceClock.js';
import { jobId, type DueJob, type Scheduler } from './scheduler.js';
import { stepPlan } from './stepPlan.js';
import { HANDLED_KEPT, nextPlanRecord } from './planStart.js';
import { planContactDecision, proactiveEntries } from './planContact.js';
import { renderEarlierAnswers } from './earlierAnswers.js';

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

export interface Wanted {
  input?: PlanContext;
  events: PlanEvent[];
  job?: DueJob;
  /** Said besides the plan's own prompts (a borrower's turn: "my plan", "which date?"). */
  extra?: (context: PlanContext, speech: PlanSpeech) => OutgoingMessage[];
  /** A borrower's turn: a plan that ends broken or renegotiating reopens the negotiation in this commit. */
  reopen?: true;
  /** The `deliver` job: the messages the contact gate held are said now, if the gate lets them. */
  deliver?: true;
}

/** A borrower's message answered for the plan: it goes in the same commit, under the activity's id. */
export interface PlanTurn {
  activityId: string | undefined;
  entry: TranscriptEntry;
}
const ALLOWED: ContactDecision = { allowed: true };

export class PlanSteps {
  constructor(private readonly deps: FollowUpDeps) {}

  /**
   * One plan step as one compare-and-set commit of the case (plan, transcript, a reopened negotiation with the broken
   * arrangement counted), then its effects: jobs scheduled, messages sent. A step already handled (same id) is not
   * taken twice. Proactive messages pass the contact gate: a job waits for the next allowed time; what a payment or
   * another step says is held and delivered then; nothing is said after an opt-out.
   */
  async apply(
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
      const fresh = wanted.input !== undefined;
      const input = wanted.input ?? current!;
      const step = stepPlan(bundle.plan.machine, fresh ? undefined : record.plan?.snapshot, input, wanted.events);
      const says = step.effects.filter((e): e is Extract<PlanEffect, { type: 'say' }> => e.type === 'say');
      const held = (record.plan?.held ?? []).flatMap((message) => (isOutgoingMessage(message) ? [message] : []));
      const speaks = !turn && (says.length > 0 || (wanted.deliver === true && held.length > 0));
      const gate = speaks
        ? planContactDecision({
            record,
            bundle,
            timeZone: input.timeZone,
            now,
            transcript: await this.deps.store.transcript(caseId),
          })
        : ALLOWED;
      // A job that would speak outside contact hours or over the caps waits for the next allowed time.
      if (wanted.job && !gate.allowed && gate.earliestAt) {
        await this.deps.scheduler.schedule({
          ...wanted.job,
          id: `${wanted.job.id}@${gate.earliestAt.getTime()}`,
          dueAt: gate.earliestAt.toISOString(),
        });
        await this.mark(caseId, loaded.version, record, stepId, [
          this.event(record, now, 'plan.contactDeferred', {
            job: wanted.job.kind,
            reason: gate.reason,
            until: gate.earliestAt.toISOString(),
          }),
        ]);
        return [];
      }
      const account = record.accountRef ? await this.deps.accounts.byReference(record.accountRef) : undefined;
      const speech: PlanSpeech = {
        locale: record.locale,
        prompts: bundle.prompts[record.locale],
        creditor: account?.creditor ?? bundle.prompts[record.locale].get('brand.creditor') ?? '',
        now,
      };
      const messages = [
        ...(wanted.deliver ? held : []),
        ...renderPlanSays(says, step.context, speech, turn ? undefined : bundle.policy.jurisdiction),
        ...(wanted.extra?.(step.context, speech) ?? []),
      ];
      const at = now.toISOString();
      // Not allowed now but later (a payment's thank-you at night): held for the `deliver` job; never: not said.
      const hold = !turn && !gate.allowed && gate.earliestAt !== undefined && messages.length > 0;
      const said = turn || gate.allowed ? messages : [];
      // 二次协商: a plan over (broken, or the situation changed) negotiates again, a broken arrangement counted.
      const reopening = wanted.reopen && REOPENING_STATES.has(step.state);
      const broke =
        step.state === 'broken' ||
        step.context.instalments.some((i) => i.status === 'missed' && i.paidMinor < i.amountMinor);
      const floor = record.plan?.brokenArrangements12m ?? 0;
      const known = account && { ...account, brokenArrangements12m: Math.max(account.brokenArrangements12m, floor) };
      const counted = reopening && known && broke ? withBrokenArrangement(known) : known;
      const reopened = reopening ? reopenNegotiation(record, bundle, counted) : undefined;
      if (reopened) {
        // The review answered "changed": the interview starts again with what the borrower said last time shown.
        const earlier =
          step.state === 'renegotiating'
            ? renderEarlierAnswers(record, { ...speech, currency: input.currency })
            : undefined;
        said.push(...(earlier ? [earlier] : []), ...reopened.replies);
      }
      const append: TranscriptEntry[] = [
        ...(turn ? [turn.entry] : []),
        ...step.effects
          .filter((e): e is Extract<PlanEffect, { type: 'event' }> => e.type === 'event')
          .map((e) => this.event(record, now, e.name, e.data)),
        ...(hold
          ? [
              this.event(record, now, 'plan.contactDeferred', {
                job: 'message',
                reason: gate.reason,
                until: gate.earliestAt!.toISOString(),
              }),
            ]
          : []),
        ...(turn ? botEntries(said, record.channelId, at) : proactiveEntries(said, record.channelId, at)),
      ];
      const nextPlan = nextPlanRecord({
        previous: record.plan,
        step,
        stepId,
        at,
        fresh,
        spoke: said.length > 0 && !turn,
        held: hold ? [...(wanted.deliver ? [] : held), ...messages] : wanted.deliver ? [] : held,
        brokenArrangements12m:
          counted && counted.brokenArrangements12m > floor ? counted.brokenArrangements12m : undefined,
      });
      const result = await this.deps.store.commit({
        caseId,
        expectedVersion: loaded.version,
        record: { ...(reopened?.record ?? record), plan: nextPlan, ...(turn ? { lastActivityAt: at } : {}) },
        append,
        ...(turn?.activityId ? { activityId: turn.activityId } : {}),
      });
      if (!result.ok) continue;
      await recordPlanStep(
        this.deps.metrics,
        record.flowVersion,
        fresh ? undefined : record.plan?.state,
        step.state,
        at,
      );
      // The count is the case's already (committed above); the directory's copy serves the account's other cases.
      if (counted && counted.brokenArrangements12m > (account?.brokenArrangements12m ?? 0))
        await this.deps.accounts
          .upsert([counted])
          .catch((err: unknown) => this.deps.logger.warn({ err, caseId }, 'broken arrangement: directory not updated'));
      const reference = step.context.reference;
      for (const effect of step.effects)
        if (effect.type === 'schedule')
          await this.deps.scheduler.schedule({
            id: jobId(caseId, reference, effect.job, effect.n),
            caseId,
            kind: effect.job,
            plan: reference,
            n: effect.n,
            dueAt: effect.at,
          });
      if (hold)
        await this.deps.scheduler.schedule({
          id: jobId(caseId, reference, 'deliver', gate.earliestAt!.getTime()),
          caseId,
          kind: 'deliver',
          plan: reference,
          n: 0,
          dueAt: gate.earliestAt!.toISOString(),
        });
      if (turn) return said;
      if (said.length > 0) await this.deps.line.send(record.conversationRef, said);
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
