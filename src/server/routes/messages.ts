// POST /api/messages: validates the Activity, then hands it to the Bot Framework adapter and the bot.
import type { Request, Server } from 'restify';
import type { Logger } from 'pino';
import { checkIncomingActivity } from '../../bot/activitySchema.js';
import type { BotOnDemand } from '../../bot/botOnDemand.js';
import type { ServiceUrlPolicy } from '../../bot/serviceUrlPolicy.js';
import type { ConversationAdmission } from '../limits/conversationAdmission.js';
import { HttpError, XieshangError } from '../../errors.js';
import { sendError } from '../httpErrors.js';
import { describeIssues } from '../../zodIssues.js';

export interface MessagesDeps {
  /** The adapter and the bot, loaded on the first turn. */
  bot: Pick<BotOnDemand, 'handle'>;
  serviceUrls: ServiceUrlPolicy;
  admission: ConversationAdmission;
  /** The caller's address, counted for new conversations only when Bot Framework authentication is off. */
  clientOf: (req: Request) => string;
  authenticated: boolean;
  logger: Logger;
}

export function messagesRoute(server: Server, deps: MessagesDeps): void {
  server.post('/api/messages', async (req, res) => {
    try {
      const parsed = checkIncomingActivity(req.body);
      if (!parsed.success) {
        throw new HttpError(400, `not a valid Activity — ${describeIssues(parsed.error)}`);
      }
      deps.serviceUrls.check(parsed.data.serviceUrl);
      const authHeader = req.header('authorization') ?? '';
      const run = () => deps.bot.handle(authHeader, req.body);
      const invokeResponse = deps.authenticated
        ? await run()
        : await deps.admission.fromClient(
            deps.clientOf(req),
            { channelId: parsed.data.channelId, conversationId: parsed.data.conversation.id },
            run,
          );
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body ?? undefined);
    } catch (error) {
      if (isAuthenticationError(error))
        return sendError(res, new HttpError(401, 'Bot Framework authentication failed'), deps.logger);
      if (error instanceof XieshangError && error.status === 503)
        deps.logger.debug({ code: error.code }, 'turn refused for now: the channel will retry');
      sendError(res, error, deps.logger);
    }
  });
}

function isAuthenticationError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AuthenticationError' ||
      ('statusCode' in error && (error as { statusCode?: number }).statusCode === 401))
  );
}
