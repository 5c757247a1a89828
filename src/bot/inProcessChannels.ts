// Channels served inside this process (the web chat's Direct Line): the bot's replies reach them by a function call, never over HTTP.
export type InProcessSend = (conversationId: string, activity: Record<string, unknown>) => Promise<string>;

interface InProcessChannel {
  matches(serviceUrl: URL): boolean;
  send: InProcessSend;
}

/** Filled by the channels at start-up; the bot's connector factory asks it before building an HTTP connector. */
export class InProcessChannels {
  private readonly channels: InProcessChannel[] = [];

  register(matches: (serviceUrl: URL) => boolean, send: InProcessSend): void {
    this.channels.push({ matches, send });
  }

  /** The in-process channel serving `serviceUrl`, if any. */
  find(serviceUrl: string): InProcessSend | undefined {
    const url = URL.canParse(serviceUrl) ? new URL(serviceUrl) : undefined;
    return url && this.channels.find((channel) => channel.matches(url))?.send;
  }

  /** A connector whose reply and send operations call the channel directly; other operations stay the SDK's. */
  connector<T extends { conversations: object }>(client: T, send: InProcessSend): T {
    const post = async (conversationId: string, activity: Record<string, unknown>) => ({
      id: await send(conversationId, activity),
    });
    const conversations = Object.create(client.conversations, {
      replyToActivity: {
        value: (conversationId: string, _activityId: string, activity: Record<string, unknown>) =>
          post(conversationId, activity),
      },
      sendToConversation: {
        value: (conversationId: string, activity: Record<string, unknown>) => post(conversationId, activity),
      },
    }) as object;
    return Object.create(client, { conversations: { value: conversations } }) as T;
  }
}
