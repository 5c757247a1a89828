// xieshang as built by src/app.ts — the compiled dist/ (bench/run.ts builds it when stale) — on the memory store or on
// Redis (REDIS_URL in the environment).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveToParent } from './childProtocol.js';

type AppModule = typeof import('../../src/app.js');
type ConfigModule = typeof import('../../src/config.js');
type LogModule = typeof import('../../src/log.js');

// The compiled JavaScript when built (what `npm start` runs), else the TypeScript sources through tsx.
const compiled = new URL('../../dist/src/', import.meta.url);
const base = existsSync(fileURLToPath(new URL('app.js', compiled))) ? compiled : new URL('../../src/', import.meta.url);
const { buildApp } = (await import(new URL('app.js', base).href)) as AppModule;
const { readConfig } = (await import(new URL('config.js', base).href)) as ConfigModule;
const { createLogger } = (await import(new URL('log.js', base).href)) as LogModule;

// The load comes from loopback: exempt it from the per-client limits, as a load test behind RATE_LIMIT_EXEMPT would be.
const config = readConfig({ RATE_LIMIT_EXEMPT: '127.0.0.0/8,::1', ...process.env, HOST: '127.0.0.1', PORT: '0' });
const app = await buildApp(config, createLogger({ level: config.LOG_LEVEL }));
// The rows measure turns once the service is warm: what start-up leaves to the first turn is loaded before they begin.
await app.warmUp();
const store = app.store as { stats?: { roundTrips: number } };
serveToParent(
  app.server,
  () => app.close(),
  (): Record<string, number> => (store.stats ? { storeRoundTrips: store.stats.roundTrips } : {}),
);
