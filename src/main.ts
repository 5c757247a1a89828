// Entry point: read config, build the service, listen, and shut down gracefully on SIGTERM/SIGINT.
import { hostOf, readConfig } from './config.js';
import { createLogger } from './log.js';
import { buildApp } from './app.js';
import { XieshangError } from './errors.js';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const app = await buildApp(config, logger);
  app.server.listen(config.PORT, hostOf(config), () => logger.info({ url: app.server.url }, 'xieshang listening'));
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  // Start-up errors are for the operator: print them plainly, then stop.
  const message = error instanceof XieshangError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error);
  process.stderr.write(`xieshang could not start\n${message}\n`);
  process.exit(1);
});
