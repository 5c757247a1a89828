// What one negotiation costs on Redis: round trips per turn (counted two ways) and memory per case (printed).
import { tracingChannel } from 'node:diagnostics_channel';
import { Redis, type CommandTraceContext } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCaseStore } from '../../src/store/redis/redisCaseStore.js';
import { BalancedBorrower, JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

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

  it('each turn of the demo negotiation – the case store makes two round trips (load with the account, commit): two EVALSHA once the scripts are cached (four on the identity answers); the agreement also starts the plan; memory per case printed', async () => {
    const { store, caseId, perTurn } = await negotiateCounting();
    const agreementTurn = perTurn.at(-1)!;
    expect(perTurn.slice(0, -1).map((turn) => turn.roundTrips)).toEqual(JOB_LOSS_AGREED.slice(0, -1).map(() => 2));
    // The agreement turn, then the plan's start: its own load and commit of the case (and its due jobs, below).
    expect(agreementTurn.roundTrips).toBeGreaterThan(2);
    expect(agreementTurn.roundTrips).toBeLessThanOrEqual(6);
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

    // Every key of the case (its hash tag): record, transcript, agreement, seen ids, and the lender events' outbox.
    const keys = (await admin.keys(`${env.REDIS_KEY_PREFIX}{${caseId}}:*`)).sort();
    const bytes = await Promise.all(
      keys.map(async (key) => Number(await admin.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'))),
    );
    const total = bytes.reduce((sum, n) => sum + n, 0);
    console.info(
      `redis MEMORY USAGE of one case after the demo negotiation (${JOB_LOSS_AGREED.length} turns, agreed):\n${keys.map((key, i) => `  ${key}: ${bytes[i]} bytes`).join('\n')}\n  total: ${total} bytes`,
    );
    expect(bytes.every((n) => n > 0)).toBe(true);
    // Binary deflate, the transcript against its locale's prompts (caseCodec.ts), offers stored by their schedule's
    // recipe (compactOfferSnapshots.ts): ≈ 6.6 KiB (the case record ≈ 2 KiB of it, 4.3 KiB with the schedules stored).
    // The outbox (lender events not delivered yet: no webhook receiver here) empties once they are delivered.
    const kept = keys.reduce((sum, key, i) => (key.endsWith(':outbox') ? sum : sum + bytes[i]!), 0);
    expect(kept).toBeLessThan(7 * 1024);
    expect(bytes[keys.findIndex((key) => key.endsWith(':case'))]).toBeLessThan(2.5 * 1024);
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
