// Starts the real service on an ephemeral loopback port, with a connector stub for the replies.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { buildApp, type App, type AppOverrides } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { ConnectorStub } from './connectorStub.js';
import { BorrowerChannel, type ChannelOptions } from './borrowerChannel.js';
import { probeRedis } from './redisAvailability.js';

/** Loopback, IPv4 and IPv6: what RATE_LIMIT_EXEMPT holds for tests and benchmarks. */
export const LOOPBACK = '127.0.0.0/8,::1';

export type StoreKind = 'memory' | 'redis';

export interface RunningService {
  app: App;
  url: string;
  connector: ConnectorStub;
  borrower(options?: ChannelOptions): BorrowerChannel;
  stop(): Promise<void>;
}

const redis = await probeRedis();

/** The stores whole-service tests run on: memory always, Redis whenever one answers (required in CI). */
export const STORE_KINDS: StoreKind[] = redis.available ? ['memory', 'redis'] : ['memory'];

/** Environment for a service on a store; Redis services get a key prefix of their own unless one is given. */
export function storeEnv(kind: StoreKind, prefix = `xs-test-${randomUUID().slice(0, 8)}:`): Record<string, string> {
  return kind === 'redis' ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix } : {};
}

export async function startService(
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
  connector?: ConnectorStub,
): Promise<RunningService> {
  // Tests open many conversations from loopback, as a load test would: exempt unless a test sets its own.
  const config = readConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_EXEMPT: LOOPBACK, ...env });
  const logger = pino({ level: process.env.XS_TEST_LOG ?? 'silent' });
  const app = await buildApp(config, logger, overrides);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const ownConnector = connector ?? (await new ConnectorStub().start());
  return {
    app,
    url,
    connector: ownConnector,
    borrower: (options) => new BorrowerChannel(url, ownConnector, options),
    async stop() {
      await app.close();
      if (!connector) await ownConnector.stop();
    },
  };
}
