// The only 'upgrade' listener: hands WebSocket upgrades to the path that serves them, answers 404 to the rest, times out handshakes.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface UpgradeRouter {
  /** Serves upgrades whose path matches; the handler must answer or close the socket. */
  serve(path: RegExp, handler: UpgradeHandler): () => void;
}

/** Every upgrade is answered: unknown paths get 404 and are closed, a handshake not done within `deadlineMs` is destroyed. */
export function upgradeRouter(httpServer: HttpServer, deadlineMs: number): UpgradeRouter {
  const routes = new Map<RegExp, UpgradeHandler>();
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = [...routes].find(([path]) => path.test(pathname))?.[1];
    if (!handler) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      setTimeout(() => socket.destroy(), 1_000).unref();
      return;
    }
    // ws clears the socket's timeout once the handshake completes (WebSocket.setSocket → setTimeout(0)).
    if ('setTimeout' in socket && typeof socket.setTimeout === 'function')
      socket.setTimeout(deadlineMs, () => socket.destroy());
    handler(req, socket, head);
  });
  return {
    serve(path, handler) {
      routes.set(path, handler);
      return () => routes.delete(path);
    },
  };
}
