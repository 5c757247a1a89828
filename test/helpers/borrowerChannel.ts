// A borrower on a channel: POSTs activities to /api/messages and reads what the connector stub recorded.
import { randomUUID } from 'node:crypto';
import type { ConnectorStub, SentActivity } from './connectorStub.js';

export interface ChannelOptions {
  channelId?: string;
  userId?: string;
  locale?: string;
  conversationId?: string;
}

export interface Delivery {
  status: number;
  headers: Headers;
  body: unknown;
  replies: SentActivity[];
}

export class BorrowerChannel {
  readonly conversationId: string;
  readonly channelId: string;
  readonly userId: string;
  locale: string;
  private sequence = 0;

  constructor(
    private readonly botUrl: string,
    private readonly connector: ConnectorStub,
    options: ChannelOptions = {},
  ) {
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.channelId = options.channelId ?? 'test';
    this.userId = options.userId ?? `user-${randomUUID().slice(0, 8)}`;
    this.locale = options.locale ?? 'zh-CN';
  }

  activity(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${this.conversationId}-${++this.sequence}`,
      timestamp: new Date().toISOString(),
      channelId: this.channelId,
      serviceUrl: this.connector.url,
      conversation: { id: this.conversationId },
      from: { id: this.userId, name: 'Borrower', role: 'user' },
      recipient: { id: 'xieshang-bot', name: 'xieshang', role: 'bot' },
      locale: this.locale,
      ...fields,
    };
  }

  /** Sends a text (or a button value) and returns the replies the bot sent for it. */
  say(text: string, extra: Record<string, unknown> = {}): Promise<Delivery> {
    return this.post(this.activity({ text, ...extra }));
  }

  press(value: Record<string, unknown>): Promise<Delivery> {
    return this.post(this.activity({ value }));
  }

  join(): Promise<Delivery> {
    return this.post(this.activity({ type: 'conversationUpdate', membersAdded: [{ id: this.userId }] }));
  }

  async post(activity: unknown): Promise<Delivery> {
    const before = this.connector.of(this.conversationId).length;
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? safeJson(text) : undefined,
      replies: this.connector.of(this.conversationId).slice(before),
    };
  }

  /** Every message the bot sent in this conversation, as text (card fallbacks included). */
  allText(): string {
    return this.connector.of(this.conversationId).map(textOf).join('\n');
  }
}

export function textOf(activity: SentActivity): string {
  return [activity.text ?? '', ...(activity.attachments ?? []).map((a) => a.content.fallbackText ?? '')]
    .filter(Boolean)
    .join('\n');
}

export function buttonsOf(activity: SentActivity | undefined): string[] {
  return activity?.suggestedActions?.actions.map((action) => action.title) ?? [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
