// Starts the real service on an ephemeral loopback port, with a connector stub for the replies.
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { buildApp, type App, type AppOverrides } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { ConnectorStub } from './connectorStub.js';
import { BorrowerChannel, type ChannelOptions } from './borrowerChannel.js';

export interface RunningService {
  app: App;
  url: string;
  connector: ConnectorStub;
  borrower(options?: ChannelOptions): BorrowerChannel;
  stop(): Promise<void>;
}

export async function startService(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<RunningService> {
  const config = readConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...env });
  const logger = pino({ level: process.env.XS_TEST_LOG ?? 'silent' });
  const app = await buildApp(config, logger, overrides);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const connector = await new ConnectorStub().start();
  return {
    app,
    url,
    connector,
    borrower: (options) => new BorrowerChannel(url, connector, options),
    async stop() {
      await app.close();
      await connector.stop();
    },
  };
}
