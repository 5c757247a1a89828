// The Direct Line 3.0 REST routes: tokens, start, reconnect, post and poll, all scoped to the token's conversation.
import type { Request, Server } from 'restify';
import type { Logger } from 'pino';
import { HttpError } from '../../errors.js';
import { ClientActivitySchema, GenerateBodySchema, StartBodySchema, parseBody } from './directLineActivities.js';
import type { DirectLineBridge } from './directLineBridge.js';
import type { DirectLineStore } from './directLineStore.js';
import type { DirectLineTokens } from './directLineTokens.js';
import { answer, bearerToken, corsPreflight, publicBase, queryParam, watermarkOf } from './directLineHttp.js';
import { readsEverything, visibleTo } from './deviceVisibility.js';

export interface DirectLineRouteDeps {
  bridge: DirectLineBridge;
  store: DirectLineStore;
  tokens: DirectLineTokens;
  publicUrl: string | undefined;
  logger: Logger;
  /** Counts a new conversation against the caller's address; throws RateLimitedError past the limit. */
  admit: (req: Request) => Promise<void>;
  /** Runs the delivery of a posted activity as coming from the caller's address (its per-address limits). */
  fromClient: <T>(req: Request, conversationId: string, run: () => Promise<T>) => Promise<T>;
  /** Largest activity a client may post (JSON bytes). */
  maxActivityBytes: number;
}

const BASE = '/v3/directline';

export function directLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const { bridge, tokens, logger } = deps;
  const claims = (req: Request) => tokens.verifyConversation(bearerToken(req));
  const streamUrl = async (req: Request, conversationId: string, watermark: number, from = 0, dev?: string) => {
    const base = publicBase(req, deps.publicUrl).replace(/^http/, 'ws');
    const t = await tokens.streamToken(conversationId, from, dev);
    return `${base}${BASE}/conversations/${encodeURIComponent(conversationId)}/stream?watermark=${watermark}&t=${t}`;
  };

  corsPreflight(server, `${BASE}/*`);

  server.post(
    `${BASE}/tokens/generate`,
    answer(logger, async (req) => {
      const request = parseBody(GenerateBodySchema, req.body, 'token request') ?? {};
      await deps.admit(req);
      return [200, await bridge.generate(request)];
    }),
  );

  server.post(
    `${BASE}/tokens/refresh`,
    answer(logger, async (req) => {
      const current = await claims(req);
      await bridge.conversationFor(current);
      return [200, await bridge.refresh(current)];
    }),
  );

  server.post(
    `${BASE}/conversations`,
    answer(logger, async (req) => {
      const current = await claims(req);
      const record = await bridge.conversationFor(current);
      await bridge.start(record, parseBody(StartBodySchema, req.body, 'conversation start')?.locale);
      const from = current.from ?? 0;
      return [
        201,
        {
          ...(await bridge.refresh(current)),
          streamUrl: await streamUrl(req, record.conversationId, from, from, current.dev),
        },
      ];
    }),
  );

  server.get(
    `${BASE}/conversations/:conversationId`,
    answer(logger, async (req) => {
      const current = await claims(req);
      const record = await bridge.conversationFor(current, req.params.conversationId as string);
      const from = current.from ?? 0;
      const watermark = Math.max(watermarkOf(queryParam(req, 'watermark')), from);
      return [
        200,
        {
          ...(await bridge.refresh(current)),
          streamUrl: await streamUrl(req, record.conversationId, watermark, from, current.dev),
        },
      ];
    }),
  );

  server.post(
    `${BASE}/conversations/:conversationId/activities`,
    answer(logger, async (req) => {
      const current = await claims(req);
      const record = await bridge.conversationFor(current, req.params.conversationId as string);
      const bytes = Buffer.byteLength(JSON.stringify(req.body ?? null));
      if (bytes > deps.maxActivityBytes)
        throw new HttpError(413, `an activity may have at most ${deps.maxActivityBytes} bytes (this one has ${bytes})`);
      const posted = parseBody(ClientActivitySchema, req.body, 'Activity');
      return [
        200,
        { id: await deps.fromClient(req, record.conversationId, () => bridge.post(record, posted, current.dev)) },
      ];
    }),
  );

  server.get(
    `${BASE}/conversations/:conversationId/activities`,
    answer(logger, async (req) => {
      const current = await claims(req);
      const record = await bridge.conversationFor(current, req.params.conversationId as string);
      const watermark = Math.max(watermarkOf(queryParam(req, 'watermark')), current.from ?? 0);
      // A browser that has not passed the identity check reads only its own exchange.
      const page = await deps.store.since(record.conversationId, watermark);
      return [200, visibleTo(page, current.dev, readsEverything(record, current.dev))];
    }),
  );
}
