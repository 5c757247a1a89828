// Flow metrics in Redis: one hash per flow version per day; turns are batched so a turn itself costs no round trip.
import { flowMetricsDayKey } from './keys.js';
import type { RedisConnection } from './redisConnection.js';
import {
  addFields,
  daysBetween,
  emptyCounts,
  fieldsOf,
  type FlowCounts,
  type FlowMetrics,
  type TurnMetrics,
} from '../../metrics/flowMetrics.js';

const KEEP_SECONDS = 400 * 86_400;

export interface BatchTiming {
  /** Written this long after the last turn when the service is quiet. */
  idleMs: number;
  /** Written at the latest this long after the first turn of a batch, however busy. */
  maxAgeMs: number;
}

/**
 * Issue 4 keeps a turn to two round trips (load, commit), so counts collect in memory and go to
 * Redis in one pipeline of HINCRBY per batch; a read or `close` writes the batch first.
 */
export class RedisFlowMetrics implements FlowMetrics {
  private batch = new Map<string, Map<string, number>>();
  private idleTimer: NodeJS.Timeout | undefined;
  private ageTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: RedisConnection,
    private readonly log: { warn(details: object, message: string): void },
    private readonly timing: BatchTiming = { idleMs: 1_000, maxAgeMs: 30_000 },
  ) {}

  async record(turn: TurnMetrics): Promise<void> {
    const fields = fieldsOf(turn);
    if (fields.length === 0) return;
    const key = flowMetricsDayKey(turn.version, turn.day);
    const counts = this.batch.get(key) ?? new Map<string, number>();
    for (const field of fields) counts.set(field, (counts.get(field) ?? 0) + 1);
    this.batch.set(key, counts);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), this.timing.idleMs).unref();
    this.ageTimer ??= setTimeout(() => void this.flush(), this.timing.maxAgeMs).unref();
  }

  /** Writes the batch; on failure the counts are put back for the next attempt. */
  async flush(): Promise<void> {
    clearTimeout(this.idleTimer);
    clearTimeout(this.ageTimer);
    this.idleTimer = this.ageTimer = undefined;
    const batch = this.batch;
    if (batch.size === 0) return;
    this.batch = new Map();
    try {
      const pipeline = this.redis.client.pipeline();
      for (const [key, fields] of batch) {
        for (const [field, n] of fields) pipeline.hincrby(key, field, n);
        pipeline.expire(key, KEEP_SECONDS);
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    } catch (err) {
      this.log.warn({ err, keys: batch.size }, 'flow metrics not written yet: kept for the next batch');
      for (const [key, fields] of batch) {
        const counts = this.batch.get(key) ?? new Map<string, number>();
        for (const [field, n] of fields) counts.set(field, (counts.get(field) ?? 0) + n);
        this.batch.set(key, counts);
      }
    }
  }

  async counts(version: string, fromDay: string, toDay: string): Promise<FlowCounts> {
    await this.flush();
    const days = daysBetween(fromDay, toDay);
    const hashes = await this.redis.guard('flow metrics read', () =>
      Promise.all(days.map((day) => this.redis.client.hgetall(flowMetricsDayKey(version, day)))),
    );
    return hashes.reduce((counts, hash) => addFields(counts, hash), emptyCounts());
  }

  close(): Promise<void> {
    return this.flush();
  }
}
