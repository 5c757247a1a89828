// What one negotiation costs on Redis: round trips per turn (counted two ways) and memory per agreed case.
import { tracingChannel } from 'node:diagnostics_channel';
import { Redis, type CommandTraceContext } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCaseStore } from '../../src/store/redis/redisCaseStore.js';
import { BalancedBorrower, JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';

/** The commands every ioredis client in this process sends while `run` runs. */
async function commandsDuring(run: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  const channel = tracingChannel<string, CommandTraceContext>('ioredis:command');
  const ignore = () => {};
  const handlers = {
    start: (context: CommandTraceContext) => {
      if (!isPeriodicSync(context)) sent.push(context.command);
    },
    end: ignore,
    asyncStart: ignore,
    asyncEnd: ignore,
    error: ignore,
  };
  channel.subscribe(handlers);
  try {
    await run();
  } finally {
    channel.unsubscribe(handlers);
  }
  return sent;
}

/** Every instance reads which flow version is current every FLOW_SYNC_MS, whatever the turns do: not a turn's cost. */
function isPeriodicSync(context: CommandTraceContext): boolean {
  return context.args.some((arg) => typeof arg === 'string' && /flowversions:|experiments/.test(arg));
}

describe.skipIf(!STORE_KINDS.includes('redis'))('the cost of a negotiation on Redis', () => {
  const env = storeEnv('redis');
  let service: RunningService;
  let admin: Redis;
  beforeAll(async () => {
    service = await startService(env);
    admin = new Redis(env.REDIS_URL!);
  });
  afterAll(async () => {
    await service.stop();
    admin.disconnect();
  });

  /** The demo negotiation on one instance, with what each turn sent to Redis. */
  async function negotiateCounting() {
    const store = service.app.stores.store;
    if (!(store instanceof RedisCaseStore)) throw new Error(`expected the Redis store, got ${service.app.stores.kind}`);
    const borrower = new BalancedBorrower([service.url], service.connector);
    const perTurn: { says: string; roundTrips: number; commands: string[] }[] = [];
    for (const line of JOB_LOSS_AGREED) {
      const before = store.stats.roundTrips;
      const commands = await commandsDuring(() => borrower.converse([line], () => 0));
      perTurn.push({ says: line[0], roundTrips: store.stats.roundTrips - before, commands });
    }
    console.info(
      `redis commands per turn (store round trips):\n${perTurn.map((turn) => `  ${turn.says}: ${turn.commands.join(', ')} (${turn.roundTrips})`).join('\n')}`,
    );
    return { store, caseId: borrower.caseId, perTurn };
  }

  it('each turn of the demo negotiation – the case store makes two round trips (load with the account, commit): two EVALSHA once the scripts are cached (four on the identity answers); the agreement also starts the plan and compacts the transcript', async () => {
    const { store, caseId, perTurn } = await negotiateCounting();
    const agreementTurn = perTurn.at(-1)!;
    expect(perTurn.slice(0, -1).map((turn) => turn.roundTrips)).toEqual(JOB_LOSS_AGREED.slice(0, -1).map(() => 2));
    // The agreement turn (load, commit), then the plan's start: its own load and commit of the case (and its due
    // jobs, below), and the compaction of the finished negotiation's transcript (one more: the plan's commit returned
    // what it needs). The agreement itself is not read back: the plan starts from the one the turn committed.
    expect(agreementTurn.roundTrips).toBe(5);
    expect(store.stats.compactionsFailed).toBe(0);
    // The two identity answers also pass the per-user rate limit and read the account's identity failures (two more EVALSHA).
    const identityAnswers = new Set(['1234', '1990-05-20']);
    for (const turn of perTurn.slice(1, -1)) {
      const scripts = turn.commands.filter((command) => command.startsWith('eval'));
      // The first identity answer loads the two identity scripts into Redis (EVAL once, EVALSHA after).
      // The account is read by the load script itself (same Redis node outside Cluster): no third script per turn.
      // The turn where the borrower types the account number looks it up in the directory (the one turn that needs to).
      if (identityAnswers.has(turn.says)) expect(scripts, turn.says).toHaveLength(4);
      else if (turn.says === 'LN-2024-0001') expect(scripts, turn.says).toEqual(['evalsha', 'evalsha', 'evalsha']);
      else expect(scripts, turn.says).toEqual(['evalsha', 'evalsha']);
    }

    await store.erase(caseId);
  });

  it('each turn of the demo negotiation – nothing else per turn goes to Redis (flow metrics batched: at most one flush in the whole negotiation)', async () => {
    const { store, caseId, perTurn } = await negotiateCounting();
    // Besides the scripts: the account number's turn links the account to the case (one HSET), and the agreement
    // schedules the plan's due jobs; every other turn sends scripts only.
    const [accountTurn, ...rest] = perTurn.slice(1, -1);
    expect(accountTurn!.commands.filter((command) => !command.startsWith('eval'))).toEqual(['hset']);
    const withMore = rest.filter((turn) => turn.commands.some((command) => !command.startsWith('eval')));
    expect(
      withMore.length,
      `turns that sent more than load and commit: ${withMore.map((turn) => `${turn.says}: ${turn.commands.join(', ')}`).join('; ')}`,
    ).toBeLessThanOrEqual(1);
    await store.erase(caseId);
  });
});

/** MEMORY USAGE of every key of the case (its hash tag), by key name. */
async function caseMemory(admin: Redis, prefix: string, caseId: string): Promise<Map<string, number>> {
  const keys = (await admin.keys(`${prefix}{${caseId}}:*`)).sort();
  const bytes = await Promise.all(
    keys.map(async (key) => Number(await admin.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'))),
  );
  return new Map(keys.map((key, i) => [key.slice(key.indexOf('}:') + 2), bytes[i]!]));
}

describe.skipIf(!STORE_KINDS.includes('redis'))('the memory of an agreed case on Redis', () => {
  const env = storeEnv('redis');
  let receiver: TestReceiver;
  let service: RunningService;
  let admin: Redis;
  beforeAll(async () => {
    receiver = await new TestReceiver().start();
    service = await startService({ ...env, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: receiver.secret });
    admin = new Redis(env.REDIS_URL!);
  });
  afterAll(async () => {
    await service.stop();
    await receiver.stop();
    admin.disconnect();
  });

  it('the demo negotiation agreed and its lender events delivered to a webhook receiver – the outbox is empty and the case takes at most 4 KiB of Redis (record, compacted transcript, agreement by recipe, seen ids); erasure removes all of it', async () => {
    const borrower = new BalancedBorrower([service.url], service.connector);
    await borrower.converse(JOB_LOSS_AGREED, () => 0);
    const caseId = borrower.caseId;
    await receiver.waitFor((got) => got.some((e) => e.type === 'agreement.recorded' && e.data.caseId === caseId));
    // Delivered events leave the case's outbox (LPOP) and its head and lease are dropped: nothing of it lingers.
    let memory = await caseMemory(admin, env.REDIS_KEY_PREFIX!, caseId);
    while ([...memory.keys()].some((name) => name.startsWith('outbox'))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      memory = await caseMemory(admin, env.REDIS_KEY_PREFIX!, caseId);
    }
    const total = [...memory.values()].reduce((sum, n) => sum + n, 0);
    console.info(
      `redis MEMORY USAGE of one case after the demo negotiation (${JOB_LOSS_AGREED.length} turns, agreed, events delivered):\n${[...memory].map(([name, n]) => `  ${name}: ${n} bytes`).join('\n')}\n  total: ${total} bytes`,
    );
    // The record against its shape's dictionary, the finished negotiation's transcript compacted into the case hash
    // (no list left), the agreement's offer by recipe, activity ids as 8-byte hashes (caseCodec.ts, scripts.ts):
    // ≈ 3.5 KiB (3 616 bytes) where it was ≈ 6.6 KiB (9.1 KiB with the outbox).
    expect([...memory.keys()]).toEqual(['agr', 'case', 'seen']);
    expect(total).toBeLessThanOrEqual(4 * 1024);
    const transcript = await service.app.stores.store.transcript(caseId);
    expect(transcript.filter((e) => e.actor === 'borrower').map((e) => e.text)).toHaveLength(JOB_LOSS_AGREED.length);
    expect(transcript.at(-1)?.text).toBe('plan.started');
    // The agreement comes back with its whole schedule, rebuilt from the recipe it is stored by.
    const { offer, dueDates } = (await service.app.stores.store.agreement(caseId))!;
    expect(offer.schedule).toHaveLength(dueDates.length);
    expect(offer.schedule.reduce((sum, payment) => sum + payment.amountMinor, 0)).toBe(offer.totalMinor);
    await service.app.stores.store.erase(caseId);
    expect((await caseMemory(admin, env.REDIS_KEY_PREFIX!, caseId)).size).toBe(0);
  });
});
