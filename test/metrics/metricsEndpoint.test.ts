// GET /metrics: Prometheus text for the metrics token or an admin, with turns, store calls, the queue, webhooks and
// due jobs in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';
import { until } from '../helpers/webhookDeliveries.js';

const METRICS_TOKEN = 'metrics-token-for-tests';

async function scrape(service: RunningService, token?: string) {
  const res = await fetch(`${service.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function sample(text: string, line: RegExp): number {
  const found = text.split('\n').find((row) => line.test(row));
  return found === undefined ? Number.NaN : Number(found.split(' ').at(-1));
}

describe('/metrics', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({ METRICS_TOKEN });
  });
  afterAll(() => service.stop());

  it('no token – 401; an agent token – 403; the metrics token and an admin token – 200 in the Prometheus text format', async () => {
    expect((await scrape(service)).status).toBe(401);
    expect((await scrape(service, 'dev-agent-token')).status).toBe(403);
    const byToken = await scrape(service, METRICS_TOKEN);
    expect(byToken.status).toBe(200);
    expect(byToken.type).toContain('text/plain');
    expect(byToken.text).toContain('# TYPE xieshang_turn_duration_seconds histogram');
    expect(byToken.text).toContain('xieshang_process_resident_memory_bytes');
    expect((await scrape(service, 'dev-admin-token')).status).toBe(200);
  });

  it('a negotiation to the offers – its turns counted by channel, timed as replied, two store calls each, an empty queue', async () => {
    const before = (await scrape(service, METRICS_TOKEN)).text;
    const turnsBefore = sample(before, /^xieshang_turns_total\{channel="test"\}/) || 0;
    await converse(service.borrower(), JOB_LOSS_TO_OFFERS);
    const text = (await scrape(service, METRICS_TOKEN)).text;
    const turns = JOB_LOSS_TO_OFFERS.length;
    expect(sample(text, /^xieshang_turns_total\{channel="test"\}/) - turnsBefore).toBe(turns);
    expect(sample(text, /^xieshang_turn_duration_seconds_count\{outcome="replied"\}/)).toBeGreaterThanOrEqual(turns);
    expect(sample(text, /^xieshang_store_round_trips_total\{operation="load"\}/)).toBeGreaterThanOrEqual(turns);
    expect(sample(text, /^xieshang_store_round_trips_total\{operation="commit"\}/)).toBeGreaterThanOrEqual(turns);
    expect(sample(text, /^xieshang_turn_errors_total/)).toBeNaN();
    expect(sample(text, /^xieshang_handoff_queue_length\{priority="urgent"\}/)).toBe(0);
  });

  it('a case queued as urgent ten minutes ago – queue length 1 and an oldest wait of at least 600 s for urgent', async () => {
    const queuedAt = new Date(Date.now() - 600_000).toISOString();
    await service.app.queue.enqueue({ caseId: 'case-waiting', reason: 'requested', priority: 'urgent', queuedAt });
    const text = (await scrape(service, METRICS_TOKEN)).text;
    expect(sample(text, /^xieshang_handoff_queue_length\{priority="urgent"\}/)).toBe(1);
    expect(sample(text, /^xieshang_handoff_oldest_wait_seconds\{priority="urgent"\}/)).toBeGreaterThanOrEqual(600);
    expect(sample(text, /^xieshang_handoff_queue_length\{priority="normal"\}/)).toBe(0);
  });
});

describe.each(STORE_KINDS)('/metrics of webhooks and due jobs on the %s store', (kind) => {
  const HOUR = 3_600_000;
  let now = Date.now();
  let receiver: TestReceiver;
  let service: RunningService;
  beforeAll(async () => {
    receiver = await new TestReceiver().start();
    receiver.failFirst = Number.POSITIVE_INFINITY;
    service = await startService(
      { ...storeEnv(kind), METRICS_TOKEN, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: receiver.secret },
      { clock: () => new Date(now) },
    );
  });
  afterAll(async () => {
    await service.stop();
    await receiver.stop();
  });

  it('a receiver that refuses every event – a failed delivery counted, the case and its event held back; 25 h later – given up, counted dead', async () => {
    await converse(service.borrower(), [...JOB_LOSS_TO_OFFERS.slice(0, 1), ['我要人工', '工作人员']]);
    const failing = await until(async () => {
      const text = (await scrape(service, METRICS_TOKEN)).text;
      return sample(text, /^xieshang_webhook_delivery_failures_total\{outcome="failed"\}/) >= 1 ? text : undefined;
    });
    expect(sample(failing, /^xieshang_webhook_events\{status="failing"\}/)).toBe(1);
    expect(sample(failing, /^xieshang_webhook_events\{status="dead"\}/)).toBe(0);
    expect(sample(failing, /^xieshang_webhook_outbox_cases /)).toBeGreaterThanOrEqual(1);
    expect(sample(failing, /^xieshang_webhook_outbox_overdue_seconds /)).toBe(0);
    now += 25 * HOUR;
    const dead = await until(async () => {
      await service.app.dispatcher!.pass();
      const text = (await scrape(service, METRICS_TOKEN)).text;
      return sample(text, /^xieshang_webhook_events\{status="dead"\}/) === 1 ? text : undefined;
    });
    expect(sample(dead, /^xieshang_webhook_delivery_failures_total\{outcome="dead"\}/)).toBe(1);
    expect(sample(dead, /^xieshang_webhook_events\{status="failing"\}/)).toBe(0);
  });

  it('a plan job due in an hour – lag 0; the clock 70 minutes on and the job not run – lag of at least 600 s', async () => {
    const dueAt = new Date(now + HOUR).toISOString();
    await service.app.stores.scheduler.schedule({
      id: `lag-${kind}`,
      caseId: 'case-lag',
      kind: 'reminder',
      n: 1,
      dueAt,
    });
    expect(sample((await scrape(service, METRICS_TOKEN)).text, /^xieshang_due_jobs_lag_seconds /)).toBe(0);
    now += 70 * 60_000;
    const lag = sample((await scrape(service, METRICS_TOKEN)).text, /^xieshang_due_jobs_lag_seconds /);
    expect(lag).toBeGreaterThanOrEqual(600);
    expect(lag).toBeLessThan(3_600);
  });
});
