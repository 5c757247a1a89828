// The one factory of every storage port: memory (embedded default) or Redis, chosen once from configuration.
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
import type { CaseRetention } from './caseRetention.js';
import { MemoryDeskIndex } from './memory/memoryDeskIndex.js';
import type { IdentityFailureLog } from './identityFailureLog.js';
import { MemoryDirectLineStore } from './memory/memoryDirectLineStore.js';
import { MemoryIdentityFailureLog } from './memory/memoryIdentityFailureLog.js';
import { MemoryCaseStore, MemoryHandoffQueue } from './memory/memoryStore.js';
import { MemoryServiceClock, type ServiceClock } from '../followup/serviceClock.js';
import { MemoryScheduler } from '../followup/memoryScheduler.js';
import type { Scheduler } from '../followup/scheduler.js';

/**
 * Every port the service stores through, all of one kind. A later port (an account directory store, payments,
 * an outbox, a scheduler) is added in three places: a field here, its memory implementation in `memoryStores`
 * and its Redis one in `redisStores` (redisStores.ts) (keys in redis/keys.ts, under the case's hash tag when it belongs to a case),
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

/**
 * `retention`: how long a case is kept after its last change, by state (every state expires). The Redis stores
 * (ioredis, BullMQ: a fifth of start-up's CPU and 20 MB) are loaded only when the configuration asks for Redis.
 */
export async function openStores(config: Config, logger: Logger, retention?: CaseRetention): Promise<Stores> {
  if (!usesRedis(config)) return memoryStores(config, logger, retention);
  const { redisStores } = await import('./redisStores.js');
  return redisStores(config, logger, retention);
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
