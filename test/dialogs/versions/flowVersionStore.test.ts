// The flow version store contract on the in-memory store and on real Redis over TCP.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { MemoryFlowVersionStore } from '../../../src/dialogs/versions/flowVersionStore.js';
import { RedisConnection } from '../../../src/store/redis/redisConnection.js';
import { RedisFlowVersionStore } from '../../../src/store/redis/redisFlowVersionStore.js';
import { probeRedis } from '../../helpers/redisAvailability.js';
import { describeFlowVersionStoreContract } from './flowVersionStore.contract.js';

const redis = await probeRedis();
const PREFIX = `xs-test-fv-${randomUUID().slice(0, 8)}:`;
const quiet = { warn() {}, info() {} };

describeFlowVersionStoreContract('memory', async () => {
  const store = new MemoryFlowVersionStore();
  return { store, peer: store, close: async () => {} };
});

describe.skipIf(!redis.available)('on the shared test Redis', () => {
  afterAll(async () => {
    const admin = new Redis(redis.url);
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });
  describeFlowVersionStoreContract('redis', async () => {
    const [a, b] = [
      new RedisConnection({ url: redis.url, keyPrefix: PREFIX }, quiet),
      new RedisConnection({ url: redis.url, keyPrefix: PREFIX }, quiet),
    ];
    await Promise.all([a.whenReady(), b.whenReady()]);
    return {
      store: new RedisFlowVersionStore(a),
      peer: new RedisFlowVersionStore(b),
      close: async () => void (await Promise.all([a.close(), b.close()])),
    };
  });
});
