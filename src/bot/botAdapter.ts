// The CloudAdapter, Bot Framework authentication when an app id is configured, and the one turn-error handler.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { XieshangError } from '../errors.js';
import { ReusingAuthentication } from './reusingAuthentication.js';
import type { InProcessChannels } from './inProcessChannels.js';
import type { ServiceUrlPolicy } from './serviceUrlPolicy.js';

export interface BotCredentials {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: string;
  MicrosoftAppTenantId: string;
}

/** CloudAdapter that lets the route map errors to statuses itself (503 when the store is down). */
export class BotAdapter extends CloudAdapter {
  private readonly auth: ReusingAuthentication;

  constructor(
    private readonly credentials: BotCredentials,
    private readonly logger: Logger,
    apology: (context: TurnContext) => Partial<Activity>,
    routes: { channels: InProcessChannels; serviceUrls: ServiceUrlPolicy },
  ) {
    const auth = new ReusingAuthentication({ ...credentials }, routes);
    super(auth);
    this.auth = auth;
    this.onTurnError = async (context, error) => {
      // The store is unreachable or too busy (503), or the caller is over a rate limit (429): the route answers with that status.
      if (error instanceof XieshangError && (error.status === 503 || error.status === 429)) throw error;
      this.logger.error({ err: error, conversationId: context.activity.conversation?.id }, 'turn failed');
      await context
        .sendActivity(apology(context))
        .catch((sendError: unknown) => this.logger.error({ err: sendError }, 'could not send the apology'));
    };
  }

  /** Authenticates the request and runs the bot for one activity. */
  handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /**
   * Runs the bot for an activity of an in-process channel (the web chat bridge): no HTTP, no Bot
   * Framework token; the caller vouches for the activity, as the connector does on /api/messages.
   */
  async handleInProcess(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const claimsIdentity = this.createClaimsIdentity(this.credentials.MicrosoftAppId);
    await this.processActivity(
      { audience: '', claimsIdentity, connectorFactory: this.auth.createConnectorFactory(claimsIdentity) },
      activity as Activity,
      logic,
    );
  }
}
