// Wires the web chat: the Direct Line bridge (REST, stream, connector), invitations and the borrower's page.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { InProcessChannels } from '../../bot/inProcessChannels.js';
import type { Config } from '../../config.js';
import type { TokenAuth } from '../../server/auth.js';
import type { Edge } from '../../server/edge/edgeGuards.js';
import type { ConversationAdmission } from '../../server/limits/conversationAdmission.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import type { Stores } from '../../store/openStores.js';
import { chatPageRoutes } from '../../web/chat/chatPageRoutes.js';
import { DIRECTLINE_SERVICE_URL } from './directLineActivities.js';
import { DirectLineBridge } from './directLineBridge.js';
import { directLineRoutes } from './directLineRoutes.js';
import type { DirectLineStore } from './directLineStore.js';
import { attachStream } from './directLineStream.js';
import { DirectLineTokens } from './directLineTokens.js';
import { inviteRoutes } from './inviteRoutes.js';
import { MemoryDirectLineStore } from '../../store/memory/memoryDirectLineStore.js';
import { RedisDirectLineStore } from '../../store/redis/redisDirectLineStore.js';

export interface WebChatDeps {
  config: Config;
  logger: Logger;
  stores: Stores;
  accounts: AccountDirectory;
  auth: TokenAuth;
  edge: Edge;
  admission: ConversationAdmission;
  /** Runs the bot for one activity in this process. */
  deliver: (activity: Record<string, unknown>) => Promise<void>;
  /** Where the bot's connector finds this channel. */
  channels: InProcessChannels;
}

const KEEP_ALIVE_MS = 15_000;

export function webChatChannel(server: Server, deps: WebChatDeps): void {
  const { config, accounts, auth } = deps;
  const logger = deps.logger.child({ component: 'directline' });
  const tokens = DirectLineTokens.fromConfig(config, (message) => logger.warn(message));
  const idleSeconds = config.DIRECTLINE_IDLE_HOURS * 3600;
  const store: DirectLineStore = deps.stores.redis ? new RedisDirectLineStore(deps.stores.redis, config.REDIS_KEY_PREFIX, idleSeconds) : new MemoryDirectLineStore(idleSeconds * 1000);
  const bridge = new DirectLineBridge({ store, tokens, accounts, deliver: deps.deliver, clock: () => new Date(), logger });
  const serviceHost = new URL(DIRECTLINE_SERVICE_URL).host;
  deps.channels.register((serviceUrl) => serviceUrl.protocol === 'https:' && serviceUrl.host === serviceHost, (conversationId, activity) => bridge.fromBot(conversationId, activity));
  const publicUrl = config.PUBLIC_URL;
  const admit = (req: Parameters<Edge['clientOf']>[0]) => deps.admission.admitClient(deps.edge.clientOf(req));
  directLineRoutes(server, { bridge, store, tokens, publicUrl, logger, admit, maxActivityBytes: config.DIRECTLINE_MAX_ACTIVITY_BYTES });
  inviteRoutes(server, { tokens, accounts, auth, publicUrl, inviteTtlSeconds: config.INVITE_TTL_HOURS * 3600, production: config.NODE_ENV === 'production', logger });
  chatPageRoutes(server);
  const stream = attachStream(deps.edge.upgrades, { store, tokens, logger, keepAliveMs: KEEP_ALIVE_MS });
  // Open streams would keep server.close() waiting forever: end them (and the store's subscriber) first.
  const closeServer = server.close.bind(server);
  server.close = ((callback?: () => void) => {
    stream.close();
    void store.close();
    return closeServer(callback);
  }) as Server['close'];
}
