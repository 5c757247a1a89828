// The agent queue in Redis: a zset in priority-then-age order, a hash of entries, atomic claim.
import { z } from 'zod';
import { PrioritySchema } from '../../domain/case.js';
import type { HandoffQueue, QueuedHandoff } from '../caseStore.js';
import { PRIORITY_RANK } from '../queueOrder.js';
import { QUEUE_KEYS } from './keys.js';
import type { RedisConnection } from './redisConnection.js';
import { FlagReplySchema, ListReplySchema, defineScripts } from './scripts.js';

/** Ranks sit 1e13 ms (about 300 years) apart, so queuedAt in ms never reaches the next rank. */
const RANK_SPAN_MS = 1e13;

const QueuedHandoffSchema = z.object({
  caseId: z.string().min(1),
  reason: z.string(),
  priority: PrioritySchema,
  queuedAt: z.iso.datetime(),
}) satisfies z.ZodType<QueuedHandoff>;

export class RedisHandoffQueue implements HandoffQueue {
  constructor(private readonly connection: RedisConnection) {
    defineScripts(connection.client);
  }

  async enqueue(entry: QueuedHandoff): Promise<void> {
    const valid = QueuedHandoffSchema.parse(entry);
    const score = PRIORITY_RANK[valid.priority] * RANK_SPAN_MS + Date.parse(valid.queuedAt);
    await this.connection.guard('enqueue', () =>
      this.connection.client.xsEnqueue(
        QUEUE_KEYS.order,
        QUEUE_KEYS.entries,
        score,
        valid.caseId,
        JSON.stringify(valid),
      ),
    );
  }

  async list(): Promise<QueuedHandoff[]> {
    const reply = await this.connection.guard('list', () =>
      this.connection.client.xsList(QUEUE_KEYS.order, QUEUE_KEYS.entries),
    );
    return ListReplySchema.parse(reply)
      .filter((json) => json !== '')
      .map((json) => QueuedHandoffSchema.parse(JSON.parse(json)));
  }

  async claim(caseId: string): Promise<boolean> {
    const reply = await this.connection.guard('claim', () =>
      this.connection.client.xsClaim(QUEUE_KEYS.order, QUEUE_KEYS.entries, caseId),
    );
    return FlagReplySchema.parse(reply) === 1;
  }

  async remove(caseId: string): Promise<void> {
    await this.claim(caseId);
  }
}
