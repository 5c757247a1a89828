// The WebSocket stream at a conversation's streamUrl: ActivitySets from the watermark on, empty frames as keep-alives.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { UpgradeRouter } from '../../server/edge/upgradeRouter.js';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DirectLineStore } from './directLineStore.js';
import type { DirectLineTokens } from './directLineTokens.js';
import { watermarkOf } from './directLineHttp.js';
import { readsEverything, visibleTo } from './deviceVisibility.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?]+)\/stream$/;

export interface StreamDeps {
  store: DirectLineStore;
  tokens: DirectLineTokens;
  logger: Logger;
  /** Empty frame and catch-up read every this many ms (a missed wake-up costs at most this long). */
  keepAliveMs: number;
}

/** Serves the stream's upgrades (the router answers every other upgrade path). */
export function attachStream(upgrades: UpgradeRouter, deps: StreamDeps): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return socket.destroy();
    void authorize(deps, decodeURIComponent(match[1]!), url).then(
      (start) =>
        wss.handleUpgrade(req, socket, head, (ws) =>
          streamTo(ws, start.conversationId, start.watermark, start.device, deps),
        ),
      (error: unknown) => {
        deps.logger.debug({ err: error }, 'web chat stream refused');
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      },
    );
  };
  const stop = upgrades.serve(STREAM_PATH, onUpgrade);
  return {
    close() {
      stop();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

async function authorize(
  deps: StreamDeps,
  conversationId: string,
  url: URL,
): Promise<{ conversationId: string; watermark: number; device: string | undefined }> {
  const claims = await deps.tokens.verifyStream(url.searchParams.get('t') ?? '');
  if (claims.conv !== conversationId) throw new Error('stream token of another conversation');
  return {
    conversationId,
    watermark: Math.max(watermarkOf(url.searchParams.get('watermark')), claims.from ?? 0),
    device: claims.dev,
  };
}

/**
 * Sends what is in the log after `watermark`, then whatever is appended, one reader at a time; a device that has not
 * passed the identity check is sent only its own exchange (asked again on each read until it passes).
 */
function streamTo(
  ws: WebSocket,
  conversationId: string,
  from: number,
  device: string | undefined,
  deps: StreamDeps,
): void {
  let watermark = from;
  let everything = device === undefined;
  let reading = false;
  let again = false;
  const pump = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const page = await deps.store.since(conversationId, watermark);
        if (page.activities.length === 0 || ws.readyState !== ws.OPEN) continue;
        if (!everything) everything = readsEverything(await deps.store.conversation(conversationId), device);
        const set = visibleTo(page, device, everything);
        if (set.activities.length > 0) ws.send(JSON.stringify(set));
        watermark = Number(set.watermark);
        again = true;
      } while (again && ws.readyState === ws.OPEN);
    } catch (error) {
      deps.logger.warn(
        { err: error, conversationId },
        'web chat stream could not read the conversation; retrying on the next keep-alive',
      );
    } finally {
      reading = false;
    }
  };
  const unsubscribe = deps.store.subscribe(conversationId, () => void pump());
  const keepAlive = setInterval(() => {
    if (ws.readyState === ws.OPEN) ws.send('');
    void pump();
  }, deps.keepAliveMs);
  ws.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
  ws.on('error', () => ws.terminate());
  void pump();
}
