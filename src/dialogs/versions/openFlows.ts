// The flow versions and their metrics, on the stores in use, and the dialogs/ watcher in development.
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { FlowMetrics } from '../../metrics/flowMetrics.js';
import type { FlowVersionStore } from './flowVersionStore.js';
import { VersionedRegistry } from './versionedRegistry.js';
import { watchDialogs } from './watchDialogs.js';
import { Experiments } from './experiments.js';
import type { ExperimentStore } from './experimentStore.js';
import { withArmMetrics } from '../../metrics/armMetrics.js';

/** How often an instance looks for a version chosen on another one. */
export const FLOW_SYNC_MS = 2_000;

export interface Flows {
  dialogs: VersionedRegistry;
  /** Counts per version, and per experiment arm for cases in an experiment. */
  metrics: FlowMetrics;
  experiments: Experiments;
  /** Stops watching dialogs/ (the stores are closed by their owner). */
  close(): Promise<void>;
}

export async function openFlows(config: Config, stores: { flowVersions: FlowVersionStore; flowMetrics: FlowMetrics; experiments: ExperimentStore }, logger: Logger): Promise<Flows> {
  const log = logger.child({ component: 'flows' });
  const dialogs = await VersionedRegistry.open(config.DIALOGS_DIR, stores.flowVersions, log);
  const experiments = new Experiments(stores.experiments, dialogs);
  await experiments.sync().catch((err: unknown) => log.warn({ err }, 'running experiment not read from the store'));
  const watching = config.DIALOGS_WATCH === 'on' || (config.DIALOGS_WATCH === 'auto' && config.NODE_ENV === 'development');
  const watcher = watching ? watchDialogs(config.DIALOGS_DIR, () => dialogs.reload()) : undefined;
  if (watcher) log.info({ dir: config.DIALOGS_DIR }, 'watching dialogs/: a change that passes the check is loaded');
  // A version published or made current on another instance serves new conversations here within a moment.
  const syncing = setInterval(() => {
    dialogs.sync().catch((err: unknown) => log.warn({ err }, 'current flow version not read from the store'));
    experiments.sync().catch((err: unknown) => log.warn({ err }, 'running experiment not read from the store'));
  }, FLOW_SYNC_MS);
  syncing.unref();
  return {
    dialogs,
    metrics: withArmMetrics(stores.flowMetrics),
    experiments,
    async close() {
      clearInterval(syncing);
      watcher?.close();
    },
  };
}
