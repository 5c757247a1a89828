// The Prometheus registry of one process: turns, store round trips, the handoff queue, webhooks, due jobs, process.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HandoffQueue, QueuedHandoff } from '../store/caseStore.js';
import type { Outbox } from '../store/outbox.js';
import type { Scheduler } from '../followup/scheduler.js';

const METRIC_PREFIX = 'xieshang_';
const PRIORITIES: QueuedHandoff['priority'][] = ['urgent', 'high', 'normal'];

/** One sample of a gauge read at scrape time. */
export interface GaugeSample {
  labels: Record<string, string>;
  value: number;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly turnSeconds: Histogram<'outcome'>;
  readonly turns: Counter<'channel'>;
  readonly turnErrors: Counter<'channel'>;
  readonly storeRoundTrips: Counter<'operation'>;
  readonly storeConflicts: Counter;
  readonly webhookDeliveryFailures: Counter<'outcome'>;

  constructor(options: { clock?: () => Date } = {}) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.turnSeconds = new Histogram({
      name: `${METRIC_PREFIX}turn_duration_seconds`,
      help: 'Time from a borrower activity reaching the bot to its replies being sent, by outcome (replied, duplicate, ignored, error).',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.turns = new Counter({
      name: `${METRIC_PREFIX}turns_total`,
      help: 'Borrower activities handled, by channel.',
      labelNames: ['channel'],
      registers,
    });
    this.turnErrors = new Counter({
      name: `${METRIC_PREFIX}turn_errors_total`,
      help: 'Turns that ended in an error (the borrower got an apology or a retry), by channel.',
      labelNames: ['channel'],
      registers,
    });
    this.storeRoundTrips = new Counter({
      name: `${METRIC_PREFIX}store_round_trips_total`,
      help: 'Case store calls (one Redis round trip each on Redis), by operation.',
      labelNames: ['operation'],
      registers,
    });
    this.storeConflicts = new Counter({
      name: `${METRIC_PREFIX}store_conflicts_total`,
      help: 'Commits refused because another instance changed the case first (the turn is retried).',
      registers,
    });
    this.webhookDeliveryFailures = new Counter({
      name: `${METRIC_PREFIX}webhook_delivery_failures_total`,
      help: 'Webhook deliveries that did not reach the lender, by outcome: failed (tried again later) or dead (given up).',
      labelNames: ['outcome'],
      registers,
    });
    this.clock = options.clock ?? (() => new Date());
  }

  private readonly clock: () => Date;

  /** The handoff queue's length and oldest wait by priority, read from the queue at each scrape. */
  watchQueue(queue: HandoffQueue): void {
    const waiting = onePerScrape(async () => {
      const entries = await queue.list();
      const now = this.clock().getTime();
      return PRIORITIES.map((priority) => {
        const ofPriority = entries.filter((entry) => entry.priority === priority);
        const oldest = ofPriority.reduce((min, entry) => Math.min(min, Date.parse(entry.queuedAt)), now);
        return { priority, length: ofPriority.length, oldestSeconds: (now - oldest) / 1000 };
      });
    });
    this.gauge('handoff_queue_length', 'Cases waiting for an agent, by priority.', ['priority'], async () =>
      (await waiting()).map(({ priority, length }) => ({ labels: { priority }, value: length })),
    );
    this.gauge(
      'handoff_oldest_wait_seconds',
      'How long the longest-waiting case of each priority has waited (0 when none waits).',
      ['priority'],
      async () =>
        (await waiting()).map(({ priority, oldestSeconds }) => ({ labels: { priority }, value: oldestSeconds })),
    );
  }

  /** The webhook outbox's backlog, read from the outbox at each scrape. */
  watchOutbox(outbox: Pick<Outbox, 'backlog'>): void {
    const backlog = onePerScrape(() => outbox.backlog(this.clock().getTime()));
    this.gauge(
      'webhook_outbox_cases',
      'Cases with lender events still to deliver (woken, retrying or being sent).',
      [],
      async () => [{ labels: {}, value: (await backlog()).cases }],
    );
    this.gauge(
      'webhook_outbox_overdue_seconds',
      'How long past due the earliest outbox wake-up is (0 when none is due): deliveries falling behind.',
      [],
      async () => [{ labels: {}, value: (await backlog()).overdueSeconds }],
    );
    this.gauge(
      'webhook_events',
      'Lender events whose delivery failed, by status: failing (retried) or dead.',
      ['status'],
      async () => {
        const { failing, dead } = await backlog();
        return [
          { labels: { status: 'failing' }, value: failing },
          { labels: { status: 'dead' }, value: dead },
        ];
      },
    );
  }

  /** How late the plans' due jobs run, read from the scheduler at each scrape. */
  watchDueJobs(scheduler: Pick<Scheduler, 'earliestDue'>): void {
    this.gauge(
      'due_jobs_lag_seconds',
      'How long past due the earliest plan job not yet run is (0 when none is due): reminders and check-ins running late.',
      [],
      async () => {
        const earliest = await scheduler.earliestDue();
        const lateMs = earliest === undefined ? 0 : this.clock().getTime() - Date.parse(earliest);
        return [{ labels: {}, value: Math.max(0, lateMs) / 1000 }];
      },
    );
  }

  /**
   * The hook for a gauge read at scrape time, e.g. the webhook outbox depth or the due-job lag: `name` gets
   * the xieshang_ prefix, and `read` returns every labelled sample (a failed read leaves the gauge empty).
   */
  gauge(name: string, help: string, labelNames: string[], read: () => Promise<GaugeSample[]>): void {
    new Gauge({
      name: `${METRIC_PREFIX}${name}`,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const sample of await read()) this.set(sample.labels, sample.value);
      },
    });
  }

  /** A counter that other parts increment (e.g. webhook delivery failures): `name` gets the xieshang_ prefix. */
  counter<Label extends string>(name: string, help: string, labelNames: Label[]): Counter<Label> {
    return new Counter({ name: `${METRIC_PREFIX}${name}`, help, labelNames, registers: [this.registry] });
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/**
 * One read shared by the gauges of one scrape (prom-client collects them all at once): the queue is listed, and the
 * outbox counted, once per scrape rather than once per gauge.
 */
function onePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= read().finally(() => {
      pending = undefined;
    }));
}
