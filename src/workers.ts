// WORKERS: how many processes serve PORT, and the primary that forks them, restarts crashed ones and drains them all on shutdown.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import { hostOf, usesRedis, type Config } from './config.js';
import { ConfigurationError } from './errors.js';
import { startMetricsServer } from './server/metricsServer.js';

/** The number of worker processes; throws when more than one would each hold a private memory store. */
export function workerCount(config: Config): number {
  const count = config.WORKERS === 'auto' ? availableParallelism() : config.WORKERS;
  if (count > 1 && !usesRedis(config)) {
    throw new ConfigurationError(
      'XS_CONFIG_INVALID',
      `WORKERS=${config.WORKERS}: ${count} workers need a shared store — set REDIS_URL (or REDIS_SENTINELS / REDIS_CLUSTER_NODES), or run WORKERS=1 on the memory store`,
    );
  }
  return count;
}

/** In the primary: forks `count` workers and returns once they are all listening. */
export async function runPrimary(config: Config, count: number, logger: Logger): Promise<void> {
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code, signal }, 'worker died: starting another');
      fork();
    });
    return worker;
  };
  let metricsServer: ReturnType<typeof startAggregatedMetrics> | undefined;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: every worker finishes its turns in flight');
    metricsServer?.close();
    const alive = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => worker !== undefined && !worker.isDead(),
    );
    Promise.all(
      alive.map(
        (worker) =>
          new Promise<number>((resolve) => {
            worker.once('exit', (code, signal) => {
              logger.info({ pid: worker.process.pid, code, signal }, 'worker stopped');
              resolve(code ?? 1);
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    ).then((codes) => process.exit(codes.every((code) => code === 0) ? 0 : 1));
  };
  // Before forking: a signal while the workers start still drains them instead of killing the primary.
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  const workers = Array.from({ length: count }, fork);
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
  logger.info({ workers: count, port: config.PORT }, 'xieshang workers listening');
  if (config.METRICS_PORT !== undefined && !stopping) metricsServer = startAggregatedMetrics(config, logger);
}

function startAggregatedMetrics(config: Config, logger: Logger) {
  const aggregator = new AggregatorRegistry();
  return startMetricsServer(
    config.METRICS_PORT!,
    hostOf(config),
    async () => ({ contentType: aggregator.contentType, body: await aggregator.clusterMetrics() }),
    (error) => logger.error({ err: error }, 'metrics could not be collected from the workers'),
  );
}

/** In a worker: the primary's metrics port asks every worker for this registry. */
export function shareMetricsWithPrimary(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
}

export const isPrimary = (): boolean => cluster.isPrimary;
