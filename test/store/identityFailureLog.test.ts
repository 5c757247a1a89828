// The identity-failure contract on the in-memory store and on real Redis over TCP.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { MemoryIdentityFailureLog } from '../../src/store/memory/memoryIdentityFailureLog.js';
import { RedisConnection } from '../../src/store/redis/redisConnection.js';
import { RedisIdentityFailureLog } from '../../src/store/redis/redisIdentityFailureLog.js';
import { probeRedis } from '../helpers/redisAvailability.js';
import { describeIdentityFailureLogContract } from './identityFailureLog.contract.js';

const redis = await probeRedis();
const PREFIX = `xs-test-idf-${randomUUID().slice(0, 8)}:`;
const quiet = { warn() {}, info() {} };

describeIdentityFailureLogContract('memory', async () => {
  const log = new MemoryIdentityFailureLog();
  return { log, peer: log, close: async () => {} };
});

describe.skipIf(!redis.available)('on the shared test Redis', () => {
  afterAll(async () => {
    const admin = new Redis(redis.url);
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });
  describeIdentityFailureLogContract('redis', async () => {
    const [a, b] = [
      new RedisConnection({ url: redis.url, keyPrefix: PREFIX }, quiet),
      new RedisConnection({ url: redis.url, keyPrefix: PREFIX }, quiet),
    ];
    await Promise.all([a.whenReady(), b.whenReady()]);
    return {
      log: new RedisIdentityFailureLog(a),
      peer: new RedisIdentityFailureLog(b),
      close: async () => void (await Promise.all([a.close(), b.close()])),
    };
  });
});
