// One borrower's conversation spread over several service instances, as a load balancer would.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import type { TranscriptEntry } from '../../src/domain/transcript.js';
import { BorrowerChannel, buttonsOf, textOf, type Delivery } from './borrowerChannel.js';
import type { ConnectorStub } from './connectorStub.js';
import { JOB_LOSS_TO_OFFERS, type Line } from './conversation.js';

/** jobLossM2 from hello to a recorded agreement: the demo negotiation of README. */
export const JOB_LOSS_AGREED: readonly Line[] = [
  ...JOB_LOSS_TO_OFFERS,
  ['方案1', '请确认还款协议'],
  ['我同意', /协议编号 XS-/],
];

/** The same borrower choosing the plan that comes with a waiver (方案3: the overdue amount in instalments + waiver). */
export const WAIVER_AGREED: readonly Line[] = [
  ...JOB_LOSS_TO_OFFERS,
  ['方案3', '请确认还款协议'],
  ['我同意', /协议编号 XS-/],
];

/**
 * Activities are numbered by one channel (ids never repeat), and each is posted to the instance
 * the test names: `say(text, 1)` goes to the second URL.
 */
export class BalancedBorrower {
  readonly caseId: string;
  private readonly author: BorrowerChannel;
  private readonly lanes: BorrowerChannel[];

  constructor(
    urls: readonly string[],
    private readonly connector: ConnectorStub,
    conversationId = `conv-${randomUUID()}`,
  ) {
    const options = { conversationId, userId: `user-${conversationId}` };
    this.lanes = urls.map((url) => new BorrowerChannel(url, connector, options));
    this.author = this.lanes[0]!;
    this.caseId = caseIdFor(this.author.channelId, conversationId);
  }

  /** A new message activity (a fresh id) that can be delivered, and redelivered, to any instance. */
  message(text: string): Record<string, unknown> {
    return this.author.activity({ text });
  }

  say(text: string, instance: number): Promise<Delivery> {
    return this.deliver(this.message(text), instance);
  }

  deliver(activity: Record<string, unknown>, instance: number): Promise<Delivery> {
    return this.lanes[instance % this.lanes.length]!.post(activity);
  }

  /** Says each line on the instance `route(index)` picks and checks the replies, like `converse`. */
  async converse(lines: readonly Line[], route: (index: number) => number): Promise<void> {
    for (const [index, [says, expected]] of lines.entries()) {
      const delivery = await this.say(says, route(index));
      expect(delivery.status, `"${says}" answered ${delivery.status}: ${JSON.stringify(delivery.body)}`).toBe(200);
      const replies = delivery.replies.map(shown).join('\n');
      for (const part of Array.isArray(expected) ? expected : [expected]) {
        if (typeof part === 'string') expect(replies, `after "${says}"`).toContain(part);
        else expect(replies, `after "${says}"`).toMatch(part);
      }
    }
  }

  /** Everything the bot sent in this conversation, in order, as the borrower saw it. */
  botSaid(): string[] {
    return this.connector.of(this.author.conversationId).map(shown);
  }
}

/** A reply as the borrower sees it: its text, cards and buttons. */
export function shown(reply: Parameters<typeof textOf>[0]): string {
  return [reply.type, reply.name ?? '', textOf(reply), ...buttonsOf(reply)].join(' | ');
}

/** How often each borrower message is in the transcript. */
export function borrowerMessageCounts(transcript: readonly TranscriptEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of transcript)
    if (entry.actor === 'borrower') counts.set(entry.text, (counts.get(entry.text) ?? 0) + 1);
  return counts;
}
