// The store contracts, retention, round trips and an outage, on real Redis over TCP.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tracingChannel } from 'node:diagnostics_channel';
import { Redis, type CommandTraceContext } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigurationError, StoreUnavailableError } from '../../../src/errors.js';
import { RedisCaseStore } from '../../../src/store/redis/redisCaseStore.js';
import { RedisConnection, type ConnectionLog, type RedisSettings } from '../../../src/store/redis/redisConnection.js';
import { RedisHandoffQueue } from '../../../src/store/redis/redisHandoffQueue.js';
import { privateRedis, probeRedis, redisServerOnPath } from '../../helpers/redisAvailability.js';
import {
  agreement,
  caseRecord,
  describeCaseStoreContract,
  describeHandoffQueueContract,
  entry,
} from '../caseStore.contract.js';

const redis = await probeRedis();
const RUN_PREFIX = `xs-test-${process.pid}-${randomUUID().slice(0, 8)}:`;
const quiet: ConnectionLog = { warn() {}, info() {} };

async function connect(settings: RedisSettings, log: ConnectionLog = quiet): Promise<RedisConnection> {
  const connection = new RedisConnection({ keyPrefix: RUN_PREFIX, ...settings }, log);
  await connection.whenReady();
  return connection;
}

/** Every command an ioredis client sends to this port, seen through ioredis' diagnostics channel. */
function commandsSentTo(port: number) {
  const sent: string[] = [];
  const channel = tracingChannel<string, CommandTraceContext>('ioredis:command');
  const ignore = () => {};
  const handlers = {
    start: (context: CommandTraceContext) => void (context.serverPort === port && sent.push(context.command)),
    end: ignore,
    asyncStart: ignore,
    asyncEnd: ignore,
    error: ignore,
  };
  channel.subscribe(handlers);
  return { stop: () => (channel.unsubscribe(handlers), sent) };
}

function recordingLog() {
  const lines: { level: 'warn' | 'info'; message: string }[] = [];
  const log: ConnectionLog = {
    warn: (_, message) => lines.push({ level: 'warn', message }),
    info: (_, message) => lines.push({ level: 'info', message }),
  };
  return { lines, log };
}

describe.skipIf(!redis.available)('redis stores on the shared test Redis', () => {
  let admin: Redis;
  beforeAll(() => {
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    const keys = await admin.keys(`${RUN_PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  describeCaseStoreContract('redis', async () => {
    const store = new RedisCaseStore(await connect({ url: redis.url }));
    const peer = new RedisCaseStore(await connect({ url: redis.url }));
    return { store, peer, close: async () => void (await Promise.all([store.close(), peer.close()])) };
  });

  let queueRun = 0;
  describeHandoffQueueContract('redis', async () => {
    const settings = { url: redis.url, keyPrefix: `${RUN_PREFIX}q${++queueRun}:` };
    const [one, two] = await Promise.all([connect(settings), connect(settings)]);
    return {
      queue: new RedisHandoffQueue(one),
      peer: new RedisHandoffQueue(two),
      close: async () => void (await Promise.all([one.close(), two.close()])),
    };
  });

  describe('key layout and retention', () => {
    const ttls = async (caseId: string) =>
      Object.fromEntries(
        await Promise.all(
          ['case', 'tx', 'agr', 'seen'].map(
            async (name) => [name, await admin.ttl(`${RUN_PREFIX}{${caseId}}:${name}`)] as const,
          ),
        ),
      );

    it('an agreed case with 60 s retention – its four keys share the {caseId} tag and all expire within 60 s', async () => {
      const store = new RedisCaseStore(await connect({ url: redis.url }), { retention: () => 60 });
      const caseId = `case-${randomUUID()}`;
      await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId),
        append: [entry('hi')],
        activityId: 'act-1',
      });
      await store.commit({
        caseId,
        expectedVersion: 1,
        record: caseRecord(caseId, { status: 'agreed' }),
        append: [entry('yes')],
        activityId: 'act-2',
        agreement: agreement(caseId, 'AGR-1'),
      });
      expect((await admin.keys(`${RUN_PREFIX}{${caseId}}*`)).sort()).toEqual(
        ['agr', 'case', 'seen', 'tx'].map((name) => `${RUN_PREFIX}{${caseId}}:${name}`),
      );
      for (const ttl of Object.values(await ttls(caseId))) expect(ttl > 0 && ttl <= 60, `ttl ${ttl}`).toBe(true);
      await store.close();
    });

    it('every state expires, each after its own retention – active 30 s, escalated 300 s, closed 3000 s; seen ids after the dedupe TTL', async () => {
      const days = { active: 30, escalated: 300, agreed: 3000, closed: 3000 } as const;
      const store = new RedisCaseStore(await connect({ url: redis.url }), {
        retention: (status) => days[status],
        dedupeTtlSeconds: 600,
      });
      const caseId = `case-${randomUUID()}`;
      const statuses = ['active', 'escalated', 'closed'] as const;
      for (const [version, status] of statuses.entries()) {
        await store.commit({
          caseId,
          expectedVersion: version,
          record: caseRecord(caseId, { status }),
          append: [entry(status)],
          activityId: `act-${version}`,
          ...(status === 'escalated' ? { agreement: agreement(caseId, 'AGR-1') } : {}),
        });
        const after = await ttls(caseId);
        // Once the negotiation is over its transcript moves into the case hash (compacted): no `tx` list left (-2).
        for (const ttl of [after.case!, ...(after.tx === -2 ? [] : [after.tx!])])
          expect(ttl > days[status] - 5 && ttl <= days[status], `${status}: ttl ${ttl}`).toBe(true);
      }
      expect((await store.transcript(caseId)).map((e) => e.text)).toEqual([...statuses]);
      const after = await ttls(caseId);
      expect(after.tx).toBe(-2);
      expect(after.agr).toBeGreaterThan(2990);
      expect(after.seen).toBeGreaterThan(590);
      expect(after.seen).toBeLessThanOrEqual(600);
      await store.close();
    });
  });
});

describe.skipIf(!redis.available || !redisServerOnPath())('redis stores on a private redis-server', () => {
  it('a second turn – load and commit are two round trips, both EVALSHA (server commandstats)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xs-redis-'));
    const server = await privateRedis(dir);
    await server.start();
    const admin = new Redis(server.url);
    const store = new RedisCaseStore(await connect({ url: server.url }));
    try {
      const caseId = `case-${randomUUID()}`;
      // The first turn sends each script's body once (EVAL); from then on EVALSHA.
      await store.load(caseId, 'act-1');
      await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId),
        append: [entry('hi'), entry('hello', 'bot')],
        activityId: 'act-1',
      });
      await admin.config('RESETSTAT');
      const before = store.stats.roundTrips;
      const sent = commandsSentTo(server.port);
      const loaded = await store.load(caseId, 'act-2');
      await store.commit({
        caseId,
        expectedVersion: loaded.version,
        record: caseRecord(caseId),
        append: [entry('my income'), entry('offers', 'bot')],
        activityId: 'act-2',
      });
      expect(sent.stop()).toEqual(['evalsha', 'evalsha']);
      const stats = await admin.info('commandstats');
      expect(stats).toMatch(/^cmdstat_evalsha:calls=2,/m);
      expect(stats).not.toMatch(/^cmdstat_eval:/m);
      expect(store.stats.roundTrips - before).toBe(2);
      const bytes = await Promise.all(
        ['case', 'tx', 'seen'].map((name) => admin.memory('USAGE', `${RUN_PREFIX}{${caseId}}:${name}`)),
      );
      console.info(
        `redis memory for one active case after two turns: ${bytes.reduce<number>((sum, n) => sum + (n ?? 0), 0)} bytes`,
      );
    } finally {
      await store.close();
      admin.disconnect();
      await server.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('redis killed mid-run then restarted – calls reject with StoreUnavailableError, one warning, then service resumes with data intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xs-redis-'));
    const server = await privateRedis(dir);
    await server.start();
    const { lines, log } = recordingLog();
    const connection = await connect({ url: server.url, maxReconnectDelayMs: 200 }, log);
    const store = new RedisCaseStore(connection);
    const caseId = `case-${randomUUID()}`;
    try {
      await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId),
        append: [entry('before the outage')],
        activityId: 'act-1',
      });
      await server.kill();
      await expect(store.load(caseId)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(
        store.commit({ caseId, expectedVersion: 1, record: caseRecord(caseId), append: [entry('during')] }),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await vi.waitFor(() =>
        expect(lines).toEqual([{ level: 'warn', message: expect.stringContaining('redis unavailable') }]),
      );

      await server.start();
      await connection.whenReady(10_000);
      expect(lines.map((line) => line.level)).toEqual(['warn', 'info']);
      expect(await store.load(caseId, 'act-1')).toEqual({ record: caseRecord(caseId), version: 1, duplicate: true });
      expect(await store.transcript(caseId)).toEqual([entry('before the outage')]);
      expect(
        await store.commit({ caseId, expectedVersion: 1, record: caseRecord(caseId), append: [entry('after')] }),
      ).toEqual({ ok: true, version: 2 });
    } finally {
      await store.close();
      await server.kill();
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('nothing listening on the port – ping and load reject with StoreUnavailableError, logged once', async () => {
    const server = await privateRedis(tmpdir());
    const { lines, log } = recordingLog();
    const store = new RedisCaseStore(new RedisConnection({ url: server.url, maxReconnectDelayMs: 100 }, log));
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(store.load('case-1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines).toEqual([{ level: 'warn', message: expect.stringContaining('redis unavailable') }]);
    await store.close();
  });
});

describe('redis connection settings', () => {
  it.each([
    [{}, /exactly one of/],
    [{ url: 'redis://a:1', clusterNodes: 'b:2' }, /exactly one of/],
    [{ url: 'http://a:1' }, /redis url "http:\/\/a:1"/],
    [{ clusterNodes: 'a:1,b' }, /clusterNodes entry "b": expected host:port/],
    [{ sentinels: 'a:26379' }, /need sentinelName/],
    [{ url: 'redis://a:1', keyPrefix: 'xs:{x}:' }, /must not contain/],
    [{ url: 'redis://a:1', commandTimeoutMs: 0 }, /commandTimeoutMs 0/],
  ] satisfies [RedisSettings, RegExp][])('%o – ConfigurationError naming the bad value', (settings, message) => {
    expect(() => new RedisConnection(settings, quiet)).toThrow(ConfigurationError);
    expect(() => new RedisConnection(settings, quiet)).toThrow(message);
  });
});
