// Entry point: read config, then serve in this process or fork WORKERS processes, and shut down gracefully on SIGTERM/SIGINT.
import type { Server } from 'node:http';
import { hostOf, readConfig } from './config.js';
import { createLogger, wantsPrettyLogs } from './log.js';
import { buildApp } from './app.js';
import { XieshangError } from './errors.js';
import { startMetricsServer } from './server/metricsServer.js';
import { isPrimary, runPrimary, shareMetricsWithPrimary, workerCount } from './workers.js';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({
    level: config.LOG_LEVEL,
    pretty: wantsPrettyLogs(config.NODE_ENV, process.stdout.isTTY),
  });
  const workers = workerCount(config);
  if (workers > 1 && isPrimary()) return runPrimary(config, workers, logger);

  // A signal while the app is still being built (a worker forked a moment ago) is kept, not fatal: once built,
  // the app shuts down as it would have.
  let signalledEarly: string | undefined;
  const keepSignal = (signal: string) => (signalledEarly ??= signal);
  process.on('SIGTERM', keepSignal);
  process.on('SIGINT', keepSignal);
  const app = await buildApp(config, logger);
  let metricsServer: Server | undefined;
  if (workers > 1) shareMetricsWithPrimary(app.metrics.registry);
  else if (config.METRICS_PORT !== undefined)
    metricsServer = startMetricsServer(
      config.METRICS_PORT,
      hostOf(config),
      () => app.metrics.scrape(),
      (error) => logger.error({ err: error }, 'metrics could not be collected'),
    );
  app.server.listen(config.PORT, hostOf(config), () => {
    logger.info({ url: app.server.url, pid: process.pid }, 'xieshang listening');
    // Serving starts without the Bot Framework stack; it loads now, and a turn that comes first waits for it.
    app
      .warmUp()
      .catch((error: unknown) =>
        logger.error({ err: error }, 'the bot could not be loaded yet: the first turn tries again'),
      );
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    // A terminal's Ctrl-C reaches the primary and every worker: the second signal must not cut the drain short.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing the turns in flight');
    metricsServer?.close();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.off('SIGTERM', keepSignal);
  process.off('SIGINT', keepSignal);
  if (signalledEarly) shutdown(signalledEarly);
  // A worker whose primary was killed outright drains and goes too, rather than serving on unsupervised.
  if (workers > 1) process.once('disconnect', () => shutdown('primary gone'));
}

main().catch((error: unknown) => {
  // Start-up errors are for the operator: print them plainly, then stop.
  const message =
    error instanceof XieshangError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error);
  process.stderr.write(`xieshang could not start\n${message}\n`);
  process.exit(1);
});
