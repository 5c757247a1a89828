// The registry's gauges read from the stores at scrape time: each store read once per scrape, fresh on the next.
import { describe, expect, it } from 'vitest';
import { ServiceMetrics } from '../../src/metrics/serviceMetrics.js';
import type { OutboxBacklog } from '../../src/store/outbox.js';
import type { QueuedHandoff } from '../../src/store/caseStore.js';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');

function line(text: string, name: string): number {
  const found = text.split('\n').find((row) => row.startsWith(name));
  return found === undefined ? Number.NaN : Number(found.split(' ').at(-1));
}

describe('ServiceMetrics gauges', () => {
  it('one scrape – the outbox counted once and the queue listed once for all their gauges; the next scrape reads again', async () => {
    const metrics = new ServiceMetrics({ clock: () => new Date(NOW) });
    const reads = { outbox: 0, queue: 0 };
    let backlog: OutboxBacklog = { cases: 3, overdueSeconds: 12, failing: 1, dead: 0 };
    const queued: QueuedHandoff[] = [
      { caseId: 'c-1', reason: 'humanRequested', priority: 'urgent', queuedAt: new Date(NOW - 60_000).toISOString() },
    ];
    metrics.watchOutbox({ backlog: async () => (reads.outbox++, backlog) });
    metrics.watchQueue({
      list: async () => (reads.queue++, queued),
      enqueue: async () => undefined,
      claim: async () => false,
      remove: async () => undefined,
    });

    const first = (await metrics.scrape()).body;
    expect(reads).toEqual({ outbox: 1, queue: 1 });
    expect(line(first, 'xieshang_webhook_outbox_cases ')).toBe(3);
    expect(line(first, 'xieshang_webhook_outbox_overdue_seconds ')).toBe(12);
    expect(line(first, 'xieshang_webhook_events{status="failing"}')).toBe(1);
    expect(line(first, 'xieshang_handoff_queue_length{priority="urgent"}')).toBe(1);
    expect(line(first, 'xieshang_handoff_oldest_wait_seconds{priority="urgent"}')).toBe(60);

    backlog = { cases: 0, overdueSeconds: 0, failing: 0, dead: 2 };
    const second = (await metrics.scrape()).body;
    expect(reads).toEqual({ outbox: 2, queue: 2 });
    expect(line(second, 'xieshang_webhook_outbox_cases ')).toBe(0);
    expect(line(second, 'xieshang_webhook_events{status="dead"}')).toBe(2);
  });
});
