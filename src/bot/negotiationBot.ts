// The Bot Framework bot: runs the turn pipeline, sends the replies, hands escalated cases over.
import { ActivityHandler, ActivityTypes, EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { HandoffQueue } from '../store/caseStore.js';
import { IncomingActivitySchema } from './activitySchema.js';
import { runTurn, type TurnDeps, type TurnOutcome } from '../conversation/negotiationTurn.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';

export interface BotDeps extends TurnDeps {
  queue: HandoffQueue;
  logger: Logger;
}

/** The agent desk as the bot sees it (implemented in src/handoff/deskLink.ts). */
export interface DeskNotifier {
  /** The case was queued (or its priority raised): returns the wait estimate to tell the borrower, already in the transcript. */
  caseQueued(caseId: string): Promise<OutgoingMessage | undefined>;
  /** A turn on a case with the desk added these entries: the agents' consoles show them live. */
  transcriptAppended(caseId: string, entries: TranscriptEntry[]): Promise<void>;
}

export class NegotiationBot extends ActivityHandler {
  private desk: DeskNotifier | undefined;

  constructor(private readonly deps: BotDeps) {
    super();
    this.onTurn(async (context, next) => {
      await this.negotiate(context);
      await next();
    });
  }

  /** Connects the agent desk: relays borrower messages of escalated cases and announces waits. */
  attachDesk(desk: DeskNotifier): void {
    this.desk = desk;
  }

  private async negotiate(context: TurnContext): Promise<void> {
    const started = performance.now();
    const activity = IncomingActivitySchema.parse(context.activity);
    const outcome = await runTurn(activity, this.deps);
    const log = this.deps.logger.child({ caseId: outcome.caseId, channelId: activity.channelId });
    log.debug({ activityId: activity.id, outcome: outcome.kind, replies: outcome.replies.length, ms: Math.round(performance.now() - started) }, 'turn');
    if (outcome.kind === 'duplicate') {
      const waiting = outcome.waitingForAgent;
      if (waiting) await this.deps.queue.enqueue({ caseId: outcome.caseId, reason: waiting.reason, priority: waiting.priority, queuedAt: waiting.queuedAt });
      return log.info({ activityId: activity.id }, 'duplicate delivery dropped');
    }
    if (outcome.replies.length > 0) await context.sendActivities(outcome.replies as Partial<Activity>[]);
    if (outcome.escalated) await this.handOver(context, outcome, log);
    if (outcome.forDesk && this.desk) await this.desk.transcriptAppended(outcome.caseId, outcome.forDesk);
  }

  /** Queues the case for agents and tells the channel, as the Bot Framework handoff protocol describes. */
  private async handOver(context: TurnContext, outcome: TurnOutcome, log: Logger): Promise<void> {
    const { handoff, record } = outcome.escalated!;
    // Re-queued when vulnerability raises the priority of a waiting case: enqueue alone keeps the first place.
    await this.deps.queue.remove(outcome.caseId);
    await this.deps.queue.enqueue({ caseId: outcome.caseId, reason: handoff.reason, priority: handoff.priority, queuedAt: handoff.queuedAt });
    const transcript = await this.deps.store.transcript(outcome.caseId);
    const handoffContext = { caseId: outcome.caseId, reason: handoff.reason, priority: handoff.priority, accountRef: record.accountRef, locale: record.locale };
    await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities: transcript.map((entry) => asActivity(entry, context)) }));
    const wait = await this.desk?.caseQueued(outcome.caseId);
    if (wait) await context.sendActivity(wait as Partial<Activity>);
    log.info({ reason: handoff.reason, priority: handoff.priority }, 'case escalated to the agent queue');
  }
}

function asActivity(entry: TranscriptEntry, context: TurnContext): Activity {
  const isBorrower = entry.actor === 'borrower';
  const party = isBorrower ? context.activity.from : context.activity.recipient;
  return {
    type: entry.kind === 'message' ? ActivityTypes.Message : ActivityTypes.Event,
    ...(entry.kind === 'message' ? { text: entry.text } : { name: entry.text, value: entry.data }),
    timestamp: new Date(entry.at),
    channelId: entry.channelId,
    from: { ...party, role: isBorrower ? 'user' : 'bot' },
    conversation: context.activity.conversation,
    recipient: isBorrower ? context.activity.recipient : context.activity.from,
  } as Activity;
}
