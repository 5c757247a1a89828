// The bridge's own Bot Framework connector: the bot's replies arrive here (its serviceUrl) and join the conversation log.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { BotActivitySchema, parseBody } from './directLineActivities.js';
import type { DirectLineBridge } from './directLineBridge.js';
import type { DirectLineStore } from './directLineStore.js';
import { answer } from './directLineHttp.js';
import { HttpError } from '../../errors.js';

/** `/directline-connector/<key>`: the key (derived from DIRECTLINE_SECRET) keeps strangers from posting as the bot. */
export function connectorPath(key: string): string {
  return `/directline-connector/${key}`;
}

export function connectorRoutes(server: Server, deps: { bridge: DirectLineBridge; store: DirectLineStore; connectorKey: string; logger: Logger }): void {
  const handler = answer(deps.logger, async (req) => {
    const conversationId = req.params.conversationId as string;
    if (!(await deps.store.conversation(conversationId))) throw new HttpError(404, `conversation ${conversationId} does not exist or has expired`);
    return [200, { id: await deps.bridge.fromBot(conversationId, parseBody(BotActivitySchema, req.body, 'Activity')) }];
  });
  const base = `${connectorPath(deps.connectorKey)}/v3/conversations/:conversationId/activities`;
  server.post(base, handler);
  server.post(`${base}/:activityId`, handler);
}
