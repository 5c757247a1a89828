// xieshang as built by src/app.ts, on the memory store or on Redis (REDIS_URL in the environment).
import { buildApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { serveToParent } from './childProtocol.js';

// The load comes from loopback: exempt it from the per-client limits, as a load test behind RATE_LIMIT_EXEMPT would be.
const config = readConfig({ RATE_LIMIT_EXEMPT: '127.0.0.0/8,::1', ...process.env, HOST: '127.0.0.1', PORT: '0' });
const app = await buildApp(config, createLogger({ level: config.LOG_LEVEL }));
const store = app.store as { stats?: { roundTrips: number } };
serveToParent(
  app.server,
  () => app.close(),
  (): Record<string, number> => (store.stats ? { storeRoundTrips: store.stats.roundTrips } : {}),
);
