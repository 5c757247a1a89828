// Follows agreed plans: starts them, runs their due jobs through the contact gate, takes payments, speaks proactively.
import type { Logger } from 'pino';
import type { CaseRecord } from '../domain/case.js';
import { localDateTime, type PlanContext, type PlanRecord } from '../domain/plan.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { ContactDecision } from '../domain/contact/index.js';
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
import { planInput } from './planStart.js';
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
  /** The `deliver` job: the messages the contact gate held are said now, if the gate lets them. */
  deliver?: true;
}

/** A borrower's message answered for the plan: it goes in the same commit, under the activity's id. */
interface PlanTurn {
  activityId: string | undefined;
  entry: TranscriptEntry;
}
const HANDLED_KEPT = 200;
const ALLOWED: ContactDecision = { allowed: true };

export class PlanFollowUp {
  constructor(private readonly deps: FollowUpDeps) {}

  /** Runs due jobs from now on (once per process; every instance may, each job runs once). */
  start(): void {
    this.deps.scheduler.start((job) => this.runJob(job));
  }

  /**
   * Starts the plan of the agreement the case has just recorded (idempotent on its reference). A case whose earlier
   * plan ended (broken, then 二次协商) starts a new plan: the earlier one stays in the record as it ended.
   */
  async agreed(caseId: string): Promise<void> {
    const agreement = await this.deps.store.agreement(caseId);
    if (!agreement) return;
    const account = await this.deps.accounts.byReference(agreement.accountRef);
    await this.apply(caseId, `start:${agreement.reference}`, (_record, bundle, context) => {
      if (context?.reference === agreement.reference) return undefined;
      const input = planInput(agreement, account?.borrower.timeZone ?? 'Asia/Shanghai', bundle);
      return { input, events: [] };
    });
  }

  /** A due job: the plan steps at the job's time, unless the contact gate moves it to the next allowed time. */
  async runJob(job: DueJob): Promise<void> {
    await this.apply(job.caseId, job.id, (record, _bundle, context) => {
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
   * One plan step as one compare-and-set commit of the case (plan, transcript, a reopened negotiation with the broken
   * arrangement counted), then its effects: jobs scheduled, messages sent. A step already handled (same id) is not
   * taken twice. Proactive messages pass the contact gate: a job waits for the next allowed time; what a payment or
   * another step says is held and delivered then; nothing is said after an opt-out.
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
      const fresh = wanted.input !== undefined;
      const input = wanted.input ?? current!;
      const step = stepPlan(bundle.plan.machine, fresh ? undefined : record.plan?.snapshot, input, wanted.events);
      const says = step.effects.filter((e): e is Extract<PlanEffect, { type: 'say' }> => e.type === 'say');
      const held = (record.plan?.held ?? []) as unknown as OutgoingMessage[];
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
      const nextPlan: PlanRecord = {
        snapshot: step.persisted,
        state: step.state,
        startedAt: fresh ? at : (record.plan?.startedAt ?? at),
        contacts: [...(record.plan?.contacts ?? []), ...(said.length > 0 && !turn ? [at] : [])].slice(-50),
        handled: [...(record.plan?.handled ?? []), stepId].slice(-HANDLED_KEPT),
        // Delivered, or never to be (opted out): the held messages go; held again when the gate still says later.
        held: (hold ? [...(wanted.deliver ? [] : held), ...messages] : wanted.deliver ? [] : held) as unknown as Record<
          string,
          unknown
        >[],
        earlier: [
          ...(record.plan?.earlier ?? []),
          ...(fresh && record.plan && current
            ? [
                {
                  reference: current.reference,
                  state: record.plan.state,
                  startedAt: record.plan.startedAt,
                  endedAt: at,
                },
              ]
            : []),
        ],
        ...(counted && counted.brokenArrangements12m > floor
          ? { brokenArrangements12m: counted.brokenArrangements12m }
          : record.plan?.brokenArrangements12m !== undefined
            ? { brokenArrangements12m: record.plan.brokenArrangements12m }
            : {}),
      };
      const result = await this.deps.store.commit({
        caseId,
        expectedVersion: loaded.version,
        record: { ...(reopened?.record ?? record), plan: nextPlan, ...(turn ? { lastActivityAt: at } : {}) },
        append,
        ...(turn?.activityId ? { activityId: turn.activityId } : {}),
      });
      if (!result.ok) continue;
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

function say(speech: PlanSpeech, key: string, vars: Record<string, string | number | undefined>): OutgoingMessage {
  return { type: 'message', locale: speech.locale, text: fillTemplate(speech.prompts.get(key) ?? key, vars) };
}
