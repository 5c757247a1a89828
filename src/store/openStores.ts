// The one factory of every storage port: memory (embedded default) or Redis, chosen once from configuration.
import { Cluster } from 'ioredis';
import type { Logger } from 'pino';
import { usesRedis, type Config } from '../config.js';
import type { DirectLineStore } from '../channels/directline/directLineStore.js';
import type { FlowVersionStore } from '../dialogs/versions/flowVersionStore.js';
import { MemoryFlowVersionStore } from '../dialogs/versions/flowVersionStore.js';
import { MemoryExperimentStore, type ExperimentStore } from '../dialogs/versions/experimentStore.js';
import { MemoryCaseEvents, type CaseEvents } from '../handoff/caseEvents.js';
import type { DeskIndex } from '../handoff/deskIndex.js';
import { MemoryFlowMetrics, type FlowMetrics } from '../metrics/flowMetrics.js';
import { RateLimits } from './rateLimits.js';
import type { AccountDirectory } from './accountDirectory.js';
import type { CaseStore, HandoffQueue } from './caseStore.js';
import type { Outbox } from './outbox.js';
import type { PaymentLedger } from './paymentLedger.js';
import type { ContactLog } from './contactLog.js';
import { MemoryAccountDirectory } from './memory/memoryAccountDirectory.js';
import { MemoryContactLog } from './memory/memoryContactLog.js';
import { MemoryOutbox } from './memory/memoryOutbox.js';
import { MemoryPaymentLedger } from './memory/memoryPaymentLedger.js';
import { RedisAccountDirectory } from './redis/redisAccountDirectory.js';
import { RedisContactLog } from './redis/redisContactLog.js';
import { RedisOutbox } from './redis/redisOutbox.js';
import { RedisPaymentLedger } from './redis/redisPaymentLedger.js';
import type { CaseRetention } from './caseRetention.js';
import { MemoryDeskIndex } from './memory/memoryDeskIndex.js';
import type { IdentityFailureLog } from './identityFailureLog.js';
import { MemoryDirectLineStore } from './memory/memoryDirectLineStore.js';
import { MemoryIdentityFailureLog } from './memory/memoryIdentityFailureLog.js';
import { MemoryCaseStore, MemoryHandoffQueue } from './memory/memoryStore.js';
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
import { MemoryServiceClock, type ServiceClock } from '../followup/serviceClock.js';
import { MemoryScheduler } from '../followup/memoryScheduler.js';
import type { Scheduler } from '../followup/scheduler.js';
import { RedisServiceClock } from './redis/redisServiceClock.js';
import { RedisScheduler } from './redis/redisScheduler.js';
import { SCHEDULER_QUEUE, schedulerPrefix } from './redis/keys.js';

/**
 * Every port the service stores through, all of one kind. A later port (an account directory store, payments,
 * an outbox, a scheduler) is added in three places: a field here, its memory implementation in `memoryStores`
 * and its Redis one in `redisStores` (keys in redis/keys.ts, under the case's hash tag when it belongs to a case),
 * plus a run of the port's contract suite in test/store/ for both.
 */
export interface Stores {
  kind: 'memory' | 'redis';
  store: CaseStore;
  queue: HandoffQueue;
  events: CaseEvents;
  /** The desk's summary of every case it has seen (views and search). */
  deskIndex: DeskIndex;
  directLine: DirectLineStore;
  flowVersions: FlowVersionStore;
  /** Flow experiments (at most one running), shared by every instance. */
  experiments: ExperimentStore;
  flowMetrics: FlowMetrics;
  /** Failed identity checks per account, across conversations and instances. */
  identityFailures: IdentityFailureLog;
  /** Rate-limit counters: in this process, or atomic in Redis across instances. */
  rateLimits: RateLimits;
  /** The lender's accounts (imported, upserted; the demo seed outside production). */
  accounts: AccountDirectory;
  /** Lender events committed with their case, waiting for delivery (the case store appends in its commit). */
  outbox: Outbox;
  /** Payments the lender posted, idempotent on paymentId. */
  payments: PaymentLedger;
  /** Per account: opt-out, the case it is talking in, and proactive contact attempts. */
  contacts: ContactLog;
  /** The service's time: the wall clock, moved forward by the test clock outside production (shared by instances). */
  clock: ServiceClock;
  /** Due jobs of running plans: in this process, or BullMQ on Redis (exactly once across instances). */
  scheduler: Scheduler;
  /** Resolves once the backing store answers (at once in memory); rejects after `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<void>;
  /** Flushes buffered writes and closes connections: close the stores after everything that uses them. */
  close(): Promise<void>;
}

/** `retention`: how long a case is kept after its last change, by state (every state expires). */
export function openStores(config: Config, logger: Logger, retention?: CaseRetention): Stores {
  return usesRedis(config) ? redisStores(config, logger, retention) : memoryStores(config, logger, retention);
}

function memoryStores(config: Config, logger: Logger, retention: CaseRetention | undefined): Stores {
  const outbox = new MemoryOutbox();
  const store = new MemoryCaseStore({
    dedupeTtlMs: config.DEDUPE_TTL_SECONDS * 1000,
    outbox,
    ...(retention ? { retention } : {}),
  });
  const events = new MemoryCaseEvents();
  const directLine = new MemoryDirectLineStore(config.DIRECTLINE_IDLE_HOURS * 3600 * 1000);
  const flowMetrics = new MemoryFlowMetrics();
  const clock = new MemoryServiceClock();
  const scheduler = new MemoryScheduler(clock);
  return {
    kind: 'memory',
    clock,
    scheduler,
    store,
    queue: new MemoryHandoffQueue(),
    events,
    deskIndex: new MemoryDeskIndex(),
    directLine,
    flowVersions: new MemoryFlowVersionStore(),
    experiments: new MemoryExperimentStore(),
    flowMetrics,
    identityFailures: new MemoryIdentityFailureLog(),
    rateLimits: new RateLimits({ logger }),
    accounts: new MemoryAccountDirectory(),
    outbox,
    payments: new MemoryPaymentLedger(),
    contacts: new MemoryContactLog(),
    whenReady: async () => {},
    close: async () => {
      await scheduler.close();
      await Promise.all([events.close(), directLine.close(), flowMetrics.close(), store.close()]);
    },
  };
}

/** The connection settings of config (also used by `npm run flows -- export`). */
export function redisSettings(config: Config) {
  return {
    ...(config.REDIS_URL ? { url: config.REDIS_URL } : {}),
    ...(config.REDIS_SENTINELS
      ? { sentinels: config.REDIS_SENTINELS, sentinelName: config.REDIS_SENTINEL_NAME ?? 'mymaster' }
      : {}),
    ...(config.REDIS_CLUSTER_NODES ? { clusterNodes: config.REDIS_CLUSTER_NODES } : {}),
    ...(config.REDIS_USERNAME ? { username: config.REDIS_USERNAME } : {}),
    ...(config.REDIS_PASSWORD ? { password: config.REDIS_PASSWORD } : {}),
    keyPrefix: config.REDIS_KEY_PREFIX,
  };
}

function redisStores(config: Config, logger: Logger, retention: CaseRetention | undefined): Stores {
  const redis = new RedisConnection(redisSettings(config), logger.child({ component: 'redis' }));
  const store = new RedisCaseStore(redis, {
    dedupeTtlSeconds: config.DEDUPE_TTL_SECONDS,
    ...(retention ? { retention } : {}),
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
        })
      : redis.client.duplicate({
          keyPrefix: '',
          maxRetriesPerRequest: null,
          enableOfflineQueue: true,
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
