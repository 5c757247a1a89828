// Wires the web chat: the Direct Line bridge (REST, stream, connector), invitations and the borrower's page.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { TokenAuth } from '../../server/auth.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import type { Stores } from '../../store/openStores.js';
import { chatPageRoutes } from '../../web/chat/chatPageRoutes.js';
import { connectorPath, connectorRoutes } from './connectorRoutes.js';
import { DirectLineBridge } from './directLineBridge.js';
import { directLineRoutes } from './directLineRoutes.js';
import type { DirectLineStore } from './directLineStore.js';
import { attachStream } from './directLineStream.js';
import { DirectLineTokens } from './directLineTokens.js';
import { inviteRoutes } from './inviteRoutes.js';
import { loopbackBase, loopbackDelivery } from './loopbackDelivery.js';
import { MemoryDirectLineStore } from './memoryDirectLineStore.js';
import { RedisDirectLineStore } from './redisDirectLineStore.js';

export interface WebChatDeps {
  config: Config;
  logger: Logger;
  stores: Stores;
  accounts: AccountDirectory;
  auth: TokenAuth;
}

const KEEP_ALIVE_MS = 15_000;

export function webChatChannel(server: Server, deps: WebChatDeps): void {
  const { config, accounts, auth } = deps;
  const logger = deps.logger.child({ component: 'directline' });
  const tokens = DirectLineTokens.fromConfig(config, (message) => logger.warn(message));
  const store: DirectLineStore = deps.stores.redis ? new RedisDirectLineStore(deps.stores.redis, config.REDIS_KEY_PREFIX) : new MemoryDirectLineStore();
  const connectorKey = tokens.connectorKey();
  const bridge = new DirectLineBridge({
    store,
    tokens,
    accounts,
    deliver: loopbackDelivery(server),
    serviceUrl: () => `${loopbackBase(server)}${connectorPath(connectorKey)}`,
    clock: () => new Date(),
    logger,
  });
  const publicUrl = config.PUBLIC_URL;
  directLineRoutes(server, { bridge, store, tokens, publicUrl, logger });
  connectorRoutes(server, { bridge, store, connectorKey, logger });
  inviteRoutes(server, { tokens, accounts, auth, publicUrl, inviteTtlSeconds: config.INVITE_TTL_HOURS * 3600, production: config.NODE_ENV === 'production', logger });
  chatPageRoutes(server);
  const stream = attachStream(server.server, { store, tokens, logger, keepAliveMs: KEEP_ALIVE_MS });
  if (config.MicrosoftAppId) logger.warn('MicrosoftAppId is set: /api/messages requires Bot Framework tokens, which the web chat bridge cannot present; web chat turns will be refused');
  // Open streams would keep server.close() waiting forever: end them (and the store's subscriber) first.
  const closeServer = server.close.bind(server);
  server.close = ((callback?: () => void) => {
    stream.close();
    void store.close();
    return closeServer(callback);
  }) as Server['close'];
}
