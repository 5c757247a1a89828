// Builds the whole service from configuration: dialogs, accounts, stores, bot, adapter, routes.
import { readFileSync } from 'node:fs';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { parseAccounts } from './domain/demoAccounts.js';
import type { DialogRegistry } from './dialogs/dialogBundle.js';
import { openFlows, type Flows } from './dialogs/versions/openFlows.js';
import { AccountDirectory } from './store/accountDirectory.js';
import type { CaseStore, HandoffQueue } from './store/caseStore.js';
import { openStores, type Stores } from './store/openStores.js';
import { BotAdapter } from './bot/botAdapter.js';
import { NegotiationBot } from './bot/negotiationBot.js';
import { supportedLocale } from './bot/activitySchema.js';
import { createServer } from './server/createServer.js';
import { refuseUnsafeProduction } from './productionRefusals.js';
import { InProcessChannels } from './bot/inProcessChannels.js';
import { ServiceUrlPolicy } from './bot/serviceUrlPolicy.js';
import { RateLimits } from './server/limits/rateLimits.js';
import { ConversationAdmission } from './server/limits/conversationAdmission.js';
import { messagesRoute } from './server/routes/messages.js';
import { healthRoutes } from './server/routes/health.js';
import { TokenAuth } from './server/auth.js';
import { webChatChannel } from './channels/directline/webChatChannel.js';
import { adminCaseRoutes } from './server/routes/adminCases.js';
import { flowsRoutes } from './server/routes/flows.js';
import { agentRoutes } from './server/routes/agentRoutes.js';

export interface App {
  server: Server;
  stores: Stores;
  store: CaseStore;
  queue: HandoffQueue;
  dialogs: DialogRegistry;
  /** Flow versions (reload) and the funnel counts. */
  flows: Flows;
  accounts: AccountDirectory;
  close(): Promise<void>;
}

export interface AppOverrides {
  clock?: () => Date;
  stores?: Stores;
}

export async function buildApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  refuseUnsafeProduction(config);
  const accounts = new AccountDirectory(parseAccounts(readFileSync(config.ACCOUNTS_FILE, 'utf8'), config.ACCOUNTS_FILE));
  const stores: Stores = overrides.stores ?? openStores(config, logger);
  // Serve once Redis answers; if it does not yet, start anyway: /readyz and 503s say so until it does.
  await stores.redis?.whenReady(5_000).catch((error: unknown) => logger.warn({ err: error }, 'starting before Redis is ready'));
  const { store, queue } = stores;
  const flows = await openFlows(config, stores, logger);
  const { dialogs } = flows;
  const { server, edge } = createServer({ maxBodyBytes: config.MAX_BODY_BYTES, edge: config, logger });
  const limits = new RateLimits({ redis: stores.redis, logger });
  const admission = new ConversationAdmission({
    perClient: limits.define('conversations-per-client', config.RATE_LIMIT_CONVERSATIONS_PER_CLIENT, 'new conversations from this address'),
    perUser: limits.define('conversations-per-user', config.RATE_LIMIT_CONVERSATIONS_PER_USER, 'new conversations for this user'),
    exempt: (address) => edge.exempt.has(address),
  });
  const bot = new NegotiationBot({ store, queue, accounts, dialogs, metrics: flows.metrics, clock: overrides.clock ?? (() => new Date()), logger, admitNewConversation: (activity) => admission.admitNewConversation(activity) });
  const channels = new InProcessChannels();
  const serviceUrls = new ServiceUrlPolicy({ extra: config.ALLOWED_SERVICE_URLS, allowLoopback: config.NODE_ENV !== 'production', inProcess: (serviceUrl) => channels.find(serviceUrl) !== undefined });
  const adapter = new BotAdapter(config, logger, (context) => {
    const locale = supportedLocale(context.activity.locale) ?? 'zh-CN';
    return { type: 'message', text: dialogs.current().prompts[locale].get('common.apology') ?? 'Sorry, please try again.' };
  }, { channels, serviceUrls });
  const auth = TokenAuth.fromConfig(config);
  if (!config.API_TOKENS) logger.warn('API_TOKENS is empty: the demo tokens of README are accepted (never in production)');
  messagesRoute(server, { adapter, bot, serviceUrls, admission, clientOf: edge.clientOf, authenticated: Boolean(config.MicrosoftAppId), logger });
  healthRoutes(server, { store, version: () => dialogs.current().version });
  // Feature routes: each feature adds one line here.
  const deliver = (activity: Record<string, unknown>) => adapter.handleInProcess(activity, (context) => bot.run(context));
  webChatChannel(server, { config, logger, stores, accounts, auth, edge, admission, deliver, channels });
  adminCaseRoutes(server, { auth, store, queue, logger });
  flowsRoutes(server, { flows, auth, logger, ...(overrides.clock ? { clock: overrides.clock } : {}) });
  agentRoutes(server, { config, logger, adapter, bot, stores, dialogs, auth, ...(overrides.clock ? { clock: overrides.clock } : {}) });
  logger.info({ flowVersion: dialogs.current().version, accounts: accounts.all().length, store: stores.kind }, 'xieshang built');
  return {
    server,
    stores,
    store,
    queue,
    dialogs,
    flows,
    accounts,
    async close() {
      await flows.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
