// The scheduler on Redis with BullMQ: delayed jobs that survive restarts and run exactly once across instances.
import { Queue, Worker, type Job } from 'bullmq';
import type { RedisClient } from './redisConnection.js';
import type { Logger } from 'pino';
import type { ServiceClock } from '../../followup/serviceClock.js';
import { byDueTime, type DueJob, type JobHandler, type Scheduler } from '../../followup/scheduler.js';

export interface RedisSchedulerOptions {
  /** A connection without a key prefix (BullMQ prefixes its keys itself) and with maxRetriesPerRequest null. */
  connection: RedisClient;
  /** BullMQ's key prefix, with its hash tag (src/store/redis/keys.ts: schedulerPrefix). */
  prefix: string;
  queueName: string;
  clock: ServiceClock;
  logger: Logger;
  /** Jobs one worker runs at once. */
  concurrency?: number;
}

const POLL_MS = 10;
/** BullMQ refuses `:` in a custom job id: case ids carry the channel's. */
const bullId = (id: string) => id.replaceAll('%', '%25').replaceAll(':', '%3A');

export class RedisScheduler implements Scheduler {
  private readonly queue: Queue;
  private worker: Worker | undefined;

  constructor(private readonly options: RedisSchedulerOptions) {
    this.queue = new Queue(options.queueName, { connection: options.connection, prefix: options.prefix });
  }

  async schedule(job: DueJob): Promise<void> {
    const delay = Math.max(0, Date.parse(job.dueAt) - this.options.clock.now().getTime());
    await this.queue.add(job.kind, job, {
      jobId: bullId(job.id),
      delay,
      attempts: 20,
      backoff: { type: 'exponential', delay: 5_000 },
      // Kept a week after completion: the same id scheduled again meanwhile is recognised as done.
      removeOnComplete: { age: 7 * 86_400 },
      removeOnFail: { age: 30 * 86_400 },
    });
  }

  start(handler: JobHandler): void {
    if (this.worker) return;
    this.worker = new Worker(this.options.queueName, (job: Job) => handler(job.data as DueJob), {
      connection: this.options.connection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency ?? 4,
    });
    this.worker.on('failed', (job, err) =>
      this.options.logger.warn({ err, jobId: job?.id, kind: job?.name }, 'due job failed (retried with back-off)'),
    );
    this.worker.on('error', (err) => this.options.logger.warn({ err }, 'scheduler worker: redis error'));
  }

  async runDue(until: Date, moveTo: (at: Date) => Promise<void>): Promise<number> {
    let ran = 0;
    for (;;) {
      const next = (await this.delayedJobs()).find((job) => Date.parse(job.data.dueAt) <= until.getTime());
      if (!next) return ran;
      if (Date.parse(next.data.dueAt) > this.options.clock.now().getTime()) await moveTo(new Date(next.data.dueAt));
      await next.job.promote().catch(() => undefined); // another instance may have promoted it
      await this.finished(next.job.id!);
      ran += 1;
    }
  }

  async pending(): Promise<DueJob[]> {
    const jobs = await this.queue.getJobs(['delayed', 'waiting', 'active', 'prioritized']);
    return jobs.map((job) => job.data as DueJob).sort(byDueTime);
  }

  async earliestDue(): Promise<string | undefined> {
    // The earliest delayed job (retries included) and the longest waiting one: one of them is the earliest due.
    const [delayed, waiting] = await Promise.all([
      this.queue.getJobs(['delayed'], 0, 0, true),
      this.queue.getJobs(['waiting', 'prioritized'], 0, 0, true),
    ]);
    const due = [...delayed, ...waiting].map((job) => (job.data as DueJob).dueAt).sort();
    return due[0];
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  /** Delayed jobs, earliest due first (by the job's own due time: the delays were computed on a moving clock). */
  private async delayedJobs(): Promise<{ job: Job; data: DueJob }[]> {
    const jobs = (await this.queue.getDelayed(0, -1)) as Job[];
    return jobs.map((job) => ({ job, data: job.data as DueJob })).sort((a, b) => byDueTime(a.data, b.data));
  }

  /** Waits until a worker of any instance has run the job (or given up on it). */
  private async finished(id: string): Promise<void> {
    for (;;) {
      const state = await this.queue.getJobState(id);
      if (state === 'completed' || state === 'failed' || state === 'unknown') return;
      // A job that failed once waits for its retry: the test clock does not wait out the back-off.
      if (state === 'delayed') {
        const job = await this.queue.getJob(id);
        if (job && job.attemptsMade > 0) return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
