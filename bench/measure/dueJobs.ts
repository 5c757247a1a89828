// Due jobs handled per minute on one Redis: the plan scheduler (BullMQ) with two instances' workers, none missed or doubled.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { MemoryServiceClock } from '../../src/followup/serviceClock.js';
import type { DueJob } from '../../src/followup/scheduler.js';
import { schedulerPrefix } from '../../src/store/redis/keys.js';
import { RedisScheduler } from '../../src/store/redis/redisScheduler.js';

export interface DueJobsResult {
  jobs: number;
  perMinute: number;
  missed: number;
  doubled: number;
  instances: number;
}

const INSTANCES = 2;
const BATCH = 500;
const SETTLE_MS = 1_000;

/**
 * Schedules `jobs` reminders already due, then starts two schedulers (two service instances' workers) and times
 * them until every job has been handled. Each run is counted in a Redis hash (HINCRBY, one write per job, as a plan
 * step's commit is): a count of 0 is a missed job, above 1 a doubled one.
 */
export async function dueJobsPerMinute(redisUrl: string, jobs = 20_000): Promise<DueJobsResult> {
  const prefix = schedulerPrefix(`bench-${randomUUID().slice(0, 8)}:`);
  const queueName = 'plan';
  const counts = `${prefix}:bench-counts`;
  const clock = new MemoryServiceClock();
  const logger = pino({ level: 'silent' });
  const connections = Array.from({ length: INSTANCES + 1 }, () => new Redis(redisUrl, { maxRetriesPerRequest: null }));
  const schedulers = connections
    .slice(0, INSTANCES)
    .map((connection) => new RedisScheduler({ connection, prefix, queueName, clock, logger, concurrency: 8 }));
  const writer = connections[INSTANCES]!;
  const due = new Date(clock.now().getTime() - 1_000).toISOString();
  for (let start = 0; start < jobs; start += BATCH) {
    const batch: DueJob[] = Array.from({ length: Math.min(BATCH, jobs - start) }, (_, i) => ({
      id: `bench-case-${start + i}:reminder:1`,
      caseId: `bench-case-${start + i}`,
      kind: 'reminder',
      n: 1,
      dueAt: due,
    }));
    await Promise.all(batch.map((job) => schedulers[0]!.schedule(job)));
  }
  let handled = 0;
  let finished: () => void = () => undefined;
  const allHandled = new Promise<void>((resolve) => (finished = resolve));
  const startedAt = performance.now();
  for (const scheduler of schedulers)
    scheduler.start(async (job) => {
      await writer.hincrby(counts, job.id, 1);
      handled += 1;
      if (handled >= jobs) finished();
    });
  await allHandled;
  const elapsedMs = performance.now() - startedAt;
  // Late doubles (a job run again after a stalled lock) would show up here.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const values = Object.values(await writer.hgetall(counts)).map(Number);
  const result: DueJobsResult = {
    jobs,
    perMinute: (jobs / elapsedMs) * 60_000,
    missed: jobs - values.length,
    doubled: values.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    instances: INSTANCES,
  };
  for (const scheduler of schedulers) await scheduler.close();
  const queue = new Queue(queueName, { connection: writer, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  await writer.del(counts);
  for (const connection of connections) connection.disconnect();
  return result;
}
