// Runs a port's contract suite on the in-memory stores and on real Redis over TCP (two instances on one prefix).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe } from 'vitest';
import { readConfig } from '../../src/config.js';
import { openStores, type Stores } from '../../src/store/openStores.js';
import { probeRedis } from './redisAvailability.js';

const logger = pino({ level: 'silent' });

/** `describeContract(name, open)` with `open` resolving to the stores, a `peer` instance and `close`. */
type DescribeContract = (name: string, open: () => Promise<Stores & { peer: Stores; close(): Promise<void> }>) => void;

export async function describeOnBothStores(label: string, describeContract: DescribeContract): Promise<void> {
  const redis = await probeRedis();
  const prefix = `xs-test-${label}-${randomUUID().slice(0, 8)}:`;

  describeContract('memory', async () => {
    const stores = await openStores(readConfig({ NODE_ENV: 'test' }), logger);
    return { ...stores, peer: stores, close: () => stores.close() };
  });

  describe.skipIf(!redis.available)('on the shared test Redis', () => {
    afterAll(async () => {
      const admin = new Redis(redis.url);
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      admin.disconnect();
    });
    describeContract('redis', async () => {
      const config = readConfig({ NODE_ENV: 'test', REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix });
      const [one, two] = await Promise.all([openStores(config, logger), openStores(config, logger)]);
      await Promise.all([one.whenReady(5000), two.whenReady(5000)]);
      return { ...one, peer: two, close: async () => void (await Promise.all([one.close(), two.close()])) };
    });
  });
}
