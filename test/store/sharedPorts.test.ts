// The shared ports' contract on the in-memory stores and on real Redis over TCP (two connections: two instances).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe } from 'vitest';
import { readConfig } from '../../src/config.js';
import { openStores } from '../../src/store/openStores.js';
import { probeRedis } from '../helpers/redisAvailability.js';
import { describeSharedPortsContract } from './sharedPorts.contract.js';

const redis = await probeRedis();
const PREFIX = `xs-test-ports-${randomUUID().slice(0, 8)}:`;
const logger = pino({ level: 'silent' });

describeSharedPortsContract('memory', async () => {
  const stores = openStores(readConfig({ NODE_ENV: 'test' }), logger);
  return { ...stores, peer: stores, close: () => stores.close() };
});

describe.skipIf(!redis.available)('on the shared test Redis', () => {
  afterAll(async () => {
    const admin = new Redis(redis.url);
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });
  describeSharedPortsContract('redis', async () => {
    const config = readConfig({ NODE_ENV: 'test', REDIS_URL: redis.url, REDIS_KEY_PREFIX: PREFIX });
    const [one, two] = [openStores(config, logger), openStores(config, logger)];
    await Promise.all([one.whenReady(5000), two.whenReady(5000)]);
    return { ...one, peer: two, close: async () => void (await Promise.all([one.close(), two.close()])) };
  });
});
