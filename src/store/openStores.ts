// Chooses the stores from configuration: Redis when configured, else the embedded in-memory default.
import type { Logger } from 'pino';
import { usesRedis, type Config } from '../config.js';
import type { CaseStore, HandoffQueue } from './caseStore.js';
import { MemoryCaseStore, MemoryHandoffQueue } from './memory/memoryStore.js';
import { RedisConnection } from './redis/redisConnection.js';
import { RedisCaseStore } from './redis/redisCaseStore.js';
import { RedisHandoffQueue } from './redis/redisHandoffQueue.js';

export interface Stores {
  kind: 'memory' | 'redis';
  store: CaseStore;
  queue: HandoffQueue;
  /** The Redis connection, for features that also need pub/sub; undefined in memory. */
  redis?: RedisConnection;
}

export function openStores(config: Config, logger: Logger): Stores {
  if (!usesRedis(config)) {
    return { kind: 'memory', store: new MemoryCaseStore({ dedupeTtlMs: config.DEDUPE_TTL_SECONDS * 1000 }), queue: new MemoryHandoffQueue() };
  }
  const redis = new RedisConnection(
    {
      ...(config.REDIS_URL ? { url: config.REDIS_URL } : {}),
      ...(config.REDIS_SENTINELS ? { sentinels: config.REDIS_SENTINELS, sentinelName: config.REDIS_SENTINEL_NAME ?? 'mymaster' } : {}),
      ...(config.REDIS_CLUSTER_NODES ? { clusterNodes: config.REDIS_CLUSTER_NODES } : {}),
      ...(config.REDIS_USERNAME ? { username: config.REDIS_USERNAME } : {}),
      ...(config.REDIS_PASSWORD ? { password: config.REDIS_PASSWORD } : {}),
      keyPrefix: config.REDIS_KEY_PREFIX,
    },
    logger.child({ component: 'redis' }),
  );
  const store = new RedisCaseStore(redis, { dedupeTtlSeconds: config.DEDUPE_TTL_SECONDS, closedRetentionSeconds: config.RETENTION_DAYS * 86_400 });
  return { kind: 'redis', store, queue: new RedisHandoffQueue(redis), redis };
}
