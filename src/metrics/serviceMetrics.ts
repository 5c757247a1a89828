// The Prometheus registry of one process: turns, store round trips, the handoff queue and process metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HandoffQueue, QueuedHandoff } from '../store/caseStore.js';

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
    this.clock = options.clock ?? (() => new Date());
  }

  private readonly clock: () => Date;

  /** The handoff queue's length and oldest wait by priority, read from the queue at each scrape. */
  watchQueue(queue: HandoffQueue): void {
    const waiting = async () => {
      const entries = await queue.list();
      const now = this.clock().getTime();
      return PRIORITIES.map((priority) => {
        const ofPriority = entries.filter((entry) => entry.priority === priority);
        const oldest = ofPriority.reduce((min, entry) => Math.min(min, Date.parse(entry.queuedAt)), now);
        return { priority, length: ofPriority.length, oldestSeconds: (now - oldest) / 1000 };
      });
    };
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
