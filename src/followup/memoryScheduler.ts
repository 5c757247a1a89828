// The in-process scheduler of the memory store: a sorted list of jobs and one timer for the earliest.
import type { ServiceClock } from './serviceClock.js';
import { byDueTime, type DueJob, type JobHandler, type Scheduler } from './scheduler.js';

const MAX_TIMER_MS = 2 ** 31 - 1;
const RETRY_MS = 5_000;

export class MemoryScheduler implements Scheduler {
  private readonly jobs = new Map<string, DueJob>();
  private readonly done = new Set<string>();
  private handler: JobHandler | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly clock: ServiceClock) {}

  async schedule(job: DueJob): Promise<void> {
    if (this.jobs.has(job.id) || this.done.has(job.id)) return;
    this.jobs.set(job.id, job);
    this.arm();
  }

  start(handler: JobHandler): void {
    this.handler = handler;
    this.arm();
  }

  async runDue(until: Date, moveTo: (at: Date) => Promise<void>): Promise<number> {
    let ran = 0;
    const failures = new Map<string, number>();
    await this.running;
    for (;;) {
      const next = this.sorted()[0];
      if (!next || Date.parse(next.dueAt) > until.getTime()) return ran;
      if (Date.parse(next.dueAt) > this.clock.now().getTime()) await moveTo(new Date(next.dueAt));
      try {
        await this.runOne(next);
        ran += 1;
      } catch (error) {
        const count = (failures.get(next.id) ?? 0) + 1;
        failures.set(next.id, count);
        if (count >= 3) throw error;
      }
    }
  }

  async pending(): Promise<DueJob[]> {
    return this.sorted();
  }

  async earliestDue(): Promise<string | undefined> {
    return this.sorted()[0]?.dueAt;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private sorted(): DueJob[] {
    return [...this.jobs.values()].sort(byDueTime);
  }

  /** One timer for the earliest job; jobs run one after another. */
  private arm(): void {
    clearTimeout(this.timer);
    const next = this.sorted()[0];
    if (!next || !this.handler || this.closed) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(next.dueAt) - this.clock.now().getTime()));
    this.timer = setTimeout(() => {
      this.running = this.running.then(() => this.runReady());
    }, delay);
    this.timer.unref();
  }

  private async runReady(): Promise<void> {
    for (const job of this.sorted()) {
      if (Date.parse(job.dueAt) > this.clock.now().getTime() || this.closed) break;
      await this.runOne(job).catch(() => undefined);
    }
    this.arm();
  }

  private async runOne(job: DueJob): Promise<void> {
    if (!this.jobs.has(job.id) || !this.handler) return;
    try {
      await this.handler(job);
      this.jobs.delete(job.id);
      this.done.add(job.id);
    } catch (error) {
      // Retried later, like a BullMQ job with back-off.
      this.jobs.set(job.id, { ...job, dueAt: new Date(this.clock.now().getTime() + RETRY_MS).toISOString() });
      throw error;
    } finally {
      this.arm();
    }
  }
}
