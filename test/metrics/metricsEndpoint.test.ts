// GET /metrics: Prometheus text for the metrics token or an admin, with turns, store calls and the queue in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { startService, type RunningService } from '../helpers/service.js';

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
