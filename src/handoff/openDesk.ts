// Builds the agent desk from the service's parts: the event bus for this store kind and the borrower line.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DialogRegistry } from '../dialogs/dialogBundle.js';
import type { BotAdapter } from '../bot/botAdapter.js';
import { BorrowerLine } from '../bot/borrowerLine.js';
import type { NegotiationBot } from '../bot/negotiationBot.js';
import type { Stores } from '../store/openStores.js';
import { MemoryCaseEvents, type CaseEvents } from './caseEvents.js';
import type { DeskDeps } from './deskDeps.js';
import { DeskLink } from './deskLink.js';
import { RedisCaseEvents } from '../store/redis/redisCaseEvents.js';

export interface DeskParts {
  config: Config;
  logger: Logger;
  adapter: BotAdapter;
  bot: NegotiationBot;
  stores: Stores;
  dialogs: DialogRegistry;
  clock?: () => Date;
}

/** The desk's dependencies, with the bot connected to it. Close `events` on shutdown (Redis: its subscriber connection). */
export function openDesk(parts: DeskParts): DeskDeps {
  const { config, stores } = parts;
  const logger = parts.logger.child({ component: 'desk' });
  const events: CaseEvents = stores.redis ? new RedisCaseEvents(stores.redis, config.REDIS_KEY_PREFIX, logger) : new MemoryCaseEvents();
  const deps: DeskDeps = {
    store: stores.store,
    queue: stores.queue,
    events,
    line: new BorrowerLine(parts.adapter, config.MicrosoftAppId),
    dialogs: parts.dialogs,
    clock: parts.clock ?? (() => new Date()),
    logger,
  };
  parts.bot.attachDesk(new DeskLink(deps, config.HANDOFF_MINUTES_PER_CASE));
  return deps;
}
