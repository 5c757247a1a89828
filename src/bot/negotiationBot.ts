// The Bot Framework bot: runs the turn pipeline, sends the replies, hands escalated cases over.
import { ActivityHandler, ActivityTypes, EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Account } from '../domain/account.js';
import type { Agreement } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { DeskNotifier, TurnReplies } from '../handoff/deskLink.js';
import { incomingActivity } from './activitySchema.js';
import { runTurn, type TurnDeps } from '../conversation/negotiationTurn.js';
import type { ServiceMetrics } from '../metrics/serviceMetrics.js';

export interface BotDeps extends TurnDeps {
  logger: Logger;
  serviceMetrics: ServiceMetrics;
  /** Starts the plan of a case the turn agreed (src/followup/planFollowUp.ts). */
  followUp?: { agreed(caseId: string, committed?: { agreement: Agreement; account?: Account }): Promise<void> };
}

export class NegotiationBot extends ActivityHandler {
  /** `desk` takes escalated cases and relays the borrower's messages of cases it holds (src/handoff/deskLink.ts). */
  constructor(
    private readonly deps: BotDeps,
    private readonly desk: DeskNotifier,
  ) {
    super();
    this.onTurn(async (context, next) => {
      await this.measured(context);
      await next();
    });
  }

  /** Counts the turn by channel and times it by outcome; an error is counted, then handled by the adapter. */
  private async measured(context: TurnContext): Promise<void> {
    const { serviceMetrics } = this.deps;
    const channel = context.activity.channelId ?? 'unknown';
    const stop = serviceMetrics.turnSeconds.startTimer();
    serviceMetrics.turns.inc({ channel });
    try {
      stop({ outcome: await this.negotiate(context) });
    } catch (error) {
      serviceMetrics.turnErrors.inc({ channel });
      stop({ outcome: 'error' });
      throw error;
    }
  }

  private async negotiate(context: TurnContext): Promise<string> {
    const started = performance.now();
    const activity = incomingActivity(context.activity);
    const outcome = await runTurn(activity, this.deps);
    // A child logger costs a serialisation of its bindings: built only when a line is written (not on a quiet turn).
    let child: Logger | undefined;
    const log = () => (child ??= this.deps.logger.child({ caseId: outcome.caseId, channelId: activity.channelId }));
    if (this.deps.logger.isLevelEnabled('debug'))
      log().debug(
        {
          activityId: activity.id,
          outcome: outcome.kind,
          replies: outcome.replies.length,
          ms: Math.round(performance.now() - started),
        },
        'turn',
      );
    // A case waiting for a person is queued again on every turn (idempotent): an earlier queueing may have been lost.
    if (outcome.waitingForAgent) await this.desk.stillWaiting(outcome.caseId, outcome.waitingForAgent);
    if (outcome.kind === 'duplicate') {
      log().info({ activityId: activity.id }, 'duplicate delivery dropped');
      return outcome.kind;
    }
    // Queued before any reply is sent: a channel that fails to take the replies cannot lose the escalation.
    if (outcome.escalated) await this.desk.queueEscalation(outcome.escalated);
    if (outcome.replies.length > 0) await context.sendActivities(outcome.replies as Partial<Activity>[]);
    // The agreement is committed and confirmed: a plan that fails to start is logged, not the borrower's problem.
    if (outcome.agreed)
      await this.deps.followUp
        ?.agreed(outcome.caseId, outcome.agreed)
        .catch((err: unknown) => log().error({ err }, 'the plan of a new agreement could not start'));
    if (outcome.escalated) {
      await this.desk.caseEscalated(outcome.escalated, turnReplies(context));
      log().info(
        { reason: outcome.escalated.handoff.reason, priority: outcome.escalated.handoff.priority },
        'case escalated to the agent queue',
      );
    }
    if (outcome.forDesk) await this.desk.transcriptAppended(outcome.caseId, outcome.forDesk);
    return outcome.kind;
  }
}

/** The desk's replies in this turn, as the Bot Framework handoff protocol describes them. */
function turnReplies(context: TurnContext): TurnReplies {
  return {
    async handoffInitiated(initiation, transcript) {
      await context.sendActivity(
        EventFactory.createHandoffInitiation(context, initiation, {
          activities: transcript.map((entry) => asActivity(entry, context)),
        }),
      );
    },
    async send(message) {
      await context.sendActivity(message as Partial<Activity>);
    },
  };
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
