// Wires the flow versions and metrics for the store in use: memory, or Redis shared by every instance.
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Stores } from '../../store/openStores.js';
import { MemoryFlowMetrics, type FlowMetrics } from '../../metrics/flowMetrics.js';
import { RedisFlowMetrics } from '../../store/redis/redisFlowMetrics.js';
import { MemoryFlowVersionStore } from './flowVersionStore.js';
import { RedisFlowVersionStore } from '../../store/redis/redisFlowVersionStore.js';
import { VersionedRegistry } from './versionedRegistry.js';
import { watchDialogs } from './watchDialogs.js';

export interface Flows {
  dialogs: VersionedRegistry;
  metrics: FlowMetrics;
  close(): Promise<void>;
}

export async function openFlows(config: Config, stores: Stores, logger: Logger): Promise<Flows> {
  const log = logger.child({ component: 'flows' });
  const store = stores.redis ? new RedisFlowVersionStore(stores.redis) : new MemoryFlowVersionStore();
  const dialogs = await VersionedRegistry.open(config.DIALOGS_DIR, store, log);
  const metrics = stores.redis ? new RedisFlowMetrics(stores.redis, log) : new MemoryFlowMetrics();
  const watching = config.DIALOGS_WATCH === 'on' || (config.DIALOGS_WATCH === 'auto' && config.NODE_ENV === 'development');
  const watcher = watching ? watchDialogs(config.DIALOGS_DIR, () => dialogs.reload()) : undefined;
  if (watcher) log.info({ dir: config.DIALOGS_DIR }, 'watching dialogs/: a change that passes the check is loaded');
  return {
    dialogs,
    metrics,
    async close() {
      watcher?.close();
      await metrics.close();
    },
  };
}
