// Several messages of one conversation arriving at two instances at once: every turn once, in some order.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/domain/maskPersonalData.js';
import type { TranscriptEntry } from '../../src/domain/transcript.js';
import { BalancedBorrower, borrowerMessageCounts } from '../helpers/balancedBorrower.js';
import type { SentActivity } from '../helpers/connectorStub.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

/** A reply as the transcript records it (text and card fallbacks, personal data masked). */
function recordedAs(reply: SentActivity): string {
  return maskPersonalData(
    [reply.text, ...(reply.attachments ?? []).map((card) => card.content.fallbackText)].filter(Boolean).join('\n\n'),
  );
}

/** The bot messages the transcript holds for each borrower message: the entries up to the next one. */
function botMessagesPerTurn(transcript: readonly TranscriptEntry[]): Map<string, string[]> {
  const turns = new Map<string, string[]>();
  let current: string[] = [];
  for (const entry of transcript) {
    if (entry.actor === 'borrower') turns.set(entry.text, (current = []));
    else if (entry.actor === 'bot' && entry.kind === 'message') current.push(entry.text);
  }
  return turns;
}

/** One clock everywhere, so the concurrent run and its sequential replay can be compared entry by entry. */
const clock = () => new Date('2025-03-03T09:00:00.000Z');
const IDENTIFIED = JOB_LOSS_TO_OFFERS.slice(0, 4);

/** The transcript one instance on the memory store writes for these messages, sent one after another. */
async function sequentialTranscript(conversationId: string, texts: readonly string[]): Promise<TranscriptEntry[]> {
  const service = await startService({}, { clock });
  try {
    const borrower = new BalancedBorrower([service.url], service.connector, conversationId);
    await borrower.converse(IDENTIFIED, () => 0);
    for (const text of texts) expect((await borrower.say(text, 0)).status).toBe(200);
    return await service.app.store.transcript(borrower.caseId);
  } finally {
    await service.stop();
  }
}

describe.skipIf(!STORE_KINDS.includes('redis'))('concurrent deliveries to two instances', () => {
  let connector: ConnectorStub;
  let instances: RunningService[];
  beforeAll(async () => {
    connector = await new ConnectorStub().start();
    const env = storeEnv('redis');
    instances = await Promise.all([startService(env, { clock }, connector), startService(env, { clock }, connector)]);
  });
  afterAll(async () => {
    await Promise.all(instances.map((service) => service.stop()));
    await connector.stop();
  });

  it('five different messages posted at once, alternately to A and B – all 200, each in the transcript once, the same transcript as sent one by one in that order', async () => {
    const conversationId = `conv-${randomUUID()}`;
    const borrower = new BalancedBorrower(
      instances.map((service) => service.url),
      connector,
      conversationId,
    );
    await borrower.converse(IDENTIFIED, (turn) => turn % 2);
    const burst = ['失业', '暂时的', '3', '8000', '三千五'].map((text) => borrower.message(text));

    const deliveries = await Promise.all(burst.map((activity, index) => borrower.deliver(activity, index)));

    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200, 200]);
    const store = instances[0]!.app.store;
    const transcript = await store.transcript(borrower.caseId);
    const counts = borrowerMessageCounts(transcript);
    for (const activity of burst) expect(counts.get(String(activity.text)), String(activity.text)).toBe(1);
    expect((await store.load(borrower.caseId)).version).toBe(IDENTIFIED.length + burst.length);
    const committedOrder = transcript
      .filter((entry) => entry.actor === 'borrower')
      .slice(IDENTIFIED.length)
      .map((entry) => entry.text);
    expect(transcript).toEqual(await sequentialTranscript(conversationId, committedOrder));
    const recorded = botMessagesPerTurn(transcript);
    for (const activity of burst) {
      const sent = connector
        .of(String((activity.conversation as { id: string }).id))
        .filter((reply) => reply.replyToId === activity.id);
      expect(sent.length, `replies to "${activity.text}"`).toBeGreaterThan(0);
      expect(sent.map(recordedAs), `replies to "${activity.text}"`).toEqual(recorded.get(String(activity.text)));
    }
    await store.erase(borrower.caseId);
  });
});
