// Reaches a borrower outside a turn: proactive messages and handoff.status events through the adapter.
import {
  EventFactory,
  type Activity,
  type CloudAdapter,
  type ConversationAccount,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { BorrowerLine } from '../handoff/deskDeps.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';

// botbuilder's types mark optional wire fields (isGroup, name, …) as required: the conversation needs only its id.
const ConversationSchema = z.custom<ConversationAccount>(
  (value) => z.looseObject({ id: z.string().min(1) }).safeParse(value).success,
  'conversation.id: required',
);
const ReferenceSchema = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: ConversationSchema,
});

/** What the desk sends, on the borrower's own channel, through the stored conversation reference. */
export class BotBorrowerLine implements BorrowerLine {
  /** `appId` is MicrosoftAppId: '' when authentication is off (undefined would be read as a claims identity). */
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** Sends messages; `senderName` shows who wrote them (the agent's display name) in `from.name`. */
  async send(
    reference: Record<string, unknown>,
    messages: readonly OutgoingMessage[],
    senderName?: string,
  ): Promise<void> {
    if (messages.length === 0) return;
    await this.continue(reference, async (context) => {
      if (senderName) {
        context.onSendActivities(async (_context, activities, next) => {
          // A person's words go out as plain text: Web Chat would render Markdown (a link an agent types, or pastes).
          // channelData marks a person's message, so a page can show the agent's avatar and name, not the bot's.
          for (const activity of activities)
            Object.assign(activity, {
              from: { ...activity.from, id: activity.from?.id ?? '', name: senderName },
              textFormat: 'plain',
              channelData: { ...asRecord(activity.channelData), xieshang: { sender: 'agent', name: senderName } },
            });
          return next();
        });
      }
      await context.sendActivities(messages as Partial<Activity>[]);
    });
  }

  /** The Bot Framework handoff protocol's `handoff.status` event: accepted, completed or failed. */
  async status(reference: Record<string, unknown>, state: 'accepted' | 'completed', message?: string): Promise<void> {
    const { conversation } = ReferenceSchema.parse(reference);
    await this.continue(reference, (context) =>
      context.sendActivity(EventFactory.createHandoffStatus(conversation, state, message)).then(() => undefined),
    );
  }

  private async continue(
    reference: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const valid: Partial<ConversationReference> = { ...reference, ...ReferenceSchema.parse(reference) };
    await this.adapter.continueConversationAsync(this.appId, valid, async (context) => {
      // The continuation's made-up activity id would become replyToId: Web Chat then waits seconds for an activity it never sees.
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      await logic(context);
    });
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
