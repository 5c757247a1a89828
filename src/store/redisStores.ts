// Every storage port on Redis (the memory ones are in openStores.ts): loaded only when REDIS_URL, Sentinel or Cluster is set.
import { Cluster } from 'ioredis';
import { RedisAccountDirectory } from './redis/redisAccountDirectory.js';
import { RedisContactLog } from './redis/redisContactLog.js';
import { RedisOutbox } from './redis/redisOutbox.js';
import { RedisPaymentLedger } from './redis/redisPaymentLedger.js';
import { RedisCaseEvents } from './redis/redisCaseEvents.js';
import { RedisCaseStore } from './redis/redisCaseStore.js';
import { RedisConnection } from './redis/redisConnection.js';
import { RedisDeskIndex } from './redis/redisDeskIndex.js';
import { RedisDirectLineStore } from './redis/redisDirectLineStore.js';
import { RedisFlowMetrics } from './redis/redisFlowMetrics.js';
import { RedisFlowVersionStore } from './redis/redisFlowVersionStore.js';
import { RedisExperimentStore } from './redis/redisExperimentStore.js';
import { RedisHandoffQueue } from './redis/redisHandoffQueue.js';
import { RedisIdentityFailureLog } from './redis/redisIdentityFailureLog.js';
import { RedisServiceClock } from './redis/redisServiceClock.js';
import { RedisScheduler } from './redis/redisScheduler.js';
import { SCHEDULER_QUEUE, schedulerPrefix } from './redis/keys.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { RateLimits } from './rateLimits.js';
import type { CaseRetention } from './caseRetention.js';
import type { Stores } from './openStores.js';
import { redisSettings } from './redisSettings.js';

/** The stores of openStores on Redis: one shared connection, and one of its own for BullMQ. */
export function redisStores(config: Config, logger: Logger, retention: CaseRetention | undefined): Stores {
  const redis = new RedisConnection(redisSettings(config), logger.child({ component: 'redis' }));
  const storeLog = logger.child({ component: 'store' });
  const store = new RedisCaseStore(redis, {
    dedupeTtlSeconds: config.DEDUPE_TTL_SECONDS,
    ...(retention ? { retention } : {}),
    onCompactionFailed: (caseId, err) =>
      storeLog.warn({ err, caseId }, 'transcript not compacted: it stays listed, a later commit tries again'),
  });
  const events = new RedisCaseEvents(redis, config.REDIS_KEY_PREFIX, logger.child({ component: 'desk' }));
  const directLine = new RedisDirectLineStore(redis, config.REDIS_KEY_PREFIX, config.DIRECTLINE_IDLE_HOURS * 3600);
  const flowMetrics = new RedisFlowMetrics(redis, logger.child({ component: 'flows' }));
  const clock = new RedisServiceClock(redis, config.REDIS_KEY_PREFIX, logger.child({ component: 'clock' }));
  // BullMQ prefixes its own keys and needs blocking commands that never time out: a connection of its own.
  const bullConnection =
    redis.client instanceof Cluster
      ? redis.client.duplicate(undefined, {
          redisOptions: { keyPrefix: '', commandTimeout: undefined, maxRetriesPerRequest: null },
          enableOfflineQueue: true,
          enableAutoPipelining: false,
        })
      : redis.client.duplicate({
          keyPrefix: '',
          maxRetriesPerRequest: null,
          enableOfflineQueue: true,
          enableAutoPipelining: false,
          commandTimeout: undefined,
        });
  const scheduler = new RedisScheduler({
    connection: bullConnection,
    prefix: schedulerPrefix(config.REDIS_KEY_PREFIX),
    queueName: SCHEDULER_QUEUE,
    clock,
    logger: logger.child({ component: 'scheduler' }),
  });
  return {
    kind: 'redis',
    clock,
    scheduler,
    store,
    queue: new RedisHandoffQueue(redis),
    events,
    deskIndex: new RedisDeskIndex(redis),
    directLine,
    flowVersions: new RedisFlowVersionStore(redis),
    experiments: new RedisExperimentStore(redis),
    flowMetrics,
    identityFailures: new RedisIdentityFailureLog(redis),
    rateLimits: new RateLimits({ redis, logger }),
    accounts: new RedisAccountDirectory(redis),
    outbox: new RedisOutbox(redis),
    payments: new RedisPaymentLedger(redis),
    contacts: new RedisContactLog(redis),
    whenReady: async (timeoutMs) => {
      await redis.whenReady(timeoutMs);
      await clock.ready;
    },
    async close() {
      // The scheduler first (its worker may still be running a job), then subscribers and buffered counts;
      // the case store closes the shared connection last.
      await scheduler.close();
      bullConnection.disconnect();
      await clock.close();
      await Promise.all([events.close(), directLine.close(), flowMetrics.close()]);
      await store.close();
    },
  };
}
