// Builds the whole service from configuration: dialogs, accounts, stores, bot, adapter, routes.
import { readFileSync } from 'node:fs';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { parseAccounts } from './domain/demoAccounts.js';
import { loadDialogBundle } from './dialogs/loadDialogBundle.js';
import { staticRegistry, type DialogRegistry } from './dialogs/dialogBundle.js';
import { AccountDirectory } from './store/accountDirectory.js';
import type { CaseStore, HandoffQueue } from './store/caseStore.js';
import { MemoryCaseStore, MemoryHandoffQueue } from './store/memoryStore.js';
import { BotAdapter } from './bot/botAdapter.js';
import { NegotiationBot } from './bot/negotiationBot.js';
import { supportedLocale } from './bot/activitySchema.js';
import { createServer } from './server/createServer.js';
import { messagesRoute } from './server/routes/messages.js';
import { healthRoutes } from './server/routes/health.js';

export interface App {
  server: Server;
  store: CaseStore;
  queue: HandoffQueue;
  dialogs: DialogRegistry;
  accounts: AccountDirectory;
  close(): Promise<void>;
}

export interface AppOverrides {
  clock?: () => Date;
  store?: CaseStore;
  queue?: HandoffQueue;
}

export async function buildApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const bundle = loadDialogBundle(config.DIALOGS_DIR);
  const dialogs = staticRegistry(bundle);
  const accounts = new AccountDirectory(parseAccounts(readFileSync(config.ACCOUNTS_FILE, 'utf8'), config.ACCOUNTS_FILE));
  const store = overrides.store ?? new MemoryCaseStore({ dedupeTtlMs: config.DEDUPE_TTL_SECONDS * 1000 });
  const queue = overrides.queue ?? new MemoryHandoffQueue();
  const bot = new NegotiationBot({ store, queue, accounts, dialogs, clock: overrides.clock ?? (() => new Date()), logger });
  const adapter = new BotAdapter(config, logger, (context) => {
    const locale = supportedLocale(context.activity.locale) ?? 'zh-CN';
    return { type: 'message', text: dialogs.current().prompts[locale].get('common.apology') ?? 'Sorry, please try again.' };
  });
  const server = createServer({ maxBodyBytes: config.MAX_BODY_BYTES, logger });
  messagesRoute(server, { adapter, bot, logger });
  healthRoutes(server, { store, version: () => dialogs.current().version });
  logger.info({ flowVersion: bundle.version, accounts: accounts.all().length, store: overrides.store ? 'custom' : 'memory' }, 'xieshang built');
  return {
    server,
    store,
    queue,
    dialogs,
    accounts,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
