// The Bot Framework half of the service (botbuilder, the heaviest import) loaded on the first turn or message out, not at start-up.
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { BorrowerLine } from '../handoff/deskDeps.js';
import type { DeskNotifier } from '../handoff/deskLink.js';
import type { BotAdapter, BotCredentials } from './botAdapter.js';
import type { BotBorrowerLine } from './borrowerLine.js';
import type { InProcessChannels } from './inProcessChannels.js';
import type { BotDeps, NegotiationBot } from './negotiationBot.js';
import type { ServiceUrlPolicy } from './serviceUrlPolicy.js';

export interface BotOnDemandOptions {
  credentials: BotCredentials;
  logger: Logger;
  /** What the borrower is told when a turn fails. */
  apology: (context: TurnContext) => Partial<Activity>;
  routes: { channels: InProcessChannels; serviceUrls: ServiceUrlPolicy };
  /** The bot's dependencies, asked for when it is built (they include the desk and follow-up, which use `line`). */
  turn: () => { deps: BotDeps; desk: DeskNotifier };
}

interface Parts {
  adapter: BotAdapter;
  bot: NegotiationBot;
  line: BotBorrowerLine;
}

/**
 * Loading botbuilder (and the Azure and MSAL clients it brings) was a quarter of start-up's CPU: it is imported and
 * the adapter and bot are built by `warm` once the service listens, or by the first turn or message out if that
 * comes first (it then waits for them); later calls use the same ones.
 */
export class BotOnDemand {
  private loading: Promise<Parts> | undefined;

  constructor(private readonly options: BotOnDemandOptions) {}

  /** Reaches a borrower outside a turn (the desk, plan follow-up): the adapter's continueConversation. */
  readonly line: BorrowerLine = {
    send: async (...args) => (await this.parts()).line.send(...args),
    status: async (...args) => (await this.parts()).line.status(...args),
  };

  /** Loads the adapter and the bot now rather than on the first turn (main.ts, once the service listens). */
  async warm(): Promise<void> {
    await this.parts();
  }

  /** POST /api/messages: authenticates the request and runs the bot for one activity. */
  async handle(authHeader: string, activity: Activity): Promise<InvokeResponse | undefined> {
    const { adapter, bot } = await this.parts();
    return adapter.handle(authHeader, activity, (context) => bot.run(context));
  }

  /** An activity of an in-process channel (the web chat bridge), without HTTP or a Bot Framework token. */
  async handleInProcess(activity: Partial<Activity>): Promise<void> {
    const { adapter, bot } = await this.parts();
    await adapter.handleInProcess(activity, (context) => bot.run(context));
  }

  private parts(): Promise<Parts> {
    // A failed import is not kept: the next turn tries again.
    return (this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    }));
  }

  private async load(): Promise<Parts> {
    const [{ BotAdapter }, { BotBorrowerLine }, { NegotiationBot }] = await Promise.all([
      import('./botAdapter.js'),
      import('./borrowerLine.js'),
      import('./negotiationBot.js'),
    ]);
    const { credentials, logger, apology, routes, turn } = this.options;
    const adapter = new BotAdapter(credentials, logger, apology, routes);
    const { deps, desk } = turn();
    return {
      adapter,
      bot: new NegotiationBot(deps, desk),
      line: new BotBorrowerLine(adapter, credentials.MicrosoftAppId),
    };
  }
}
