// A TCP proxy in front of Redis that can lose one reply: the server ran the command, the client never hears.
import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';

export interface ReplyDroppingProxy {
  url: string;
  /**
   * The next command whose bytes contain `marker` reaches Redis and runs; when its reply comes
   * back the proxy cuts that connection instead of forwarding it (a network failure at the worst moment).
   * Resolves once the reply has been dropped.
   */
  dropReplyTo(marker: string): Promise<void>;
  close(): Promise<void>;
}

export async function replyDroppingProxy(target: { host: string; port: number }): Promise<ReplyDroppingProxy> {
  let marker: string | undefined;
  let dropped: (() => void) | undefined;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target);
    let armed = false;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => (client.destroy(), upstream.destroy(), sockets.delete(socket)));
    }
    client.on('data', (chunk: Buffer) => {
      if (marker !== undefined && chunk.includes(marker)) {
        marker = undefined;
        armed = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!armed) return void client.write(chunk);
      client.destroy();
      upstream.destroy();
      dropped?.();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `redis://127.0.0.1:${address.port}`,
    dropReplyTo(text) {
      marker = text;
      return new Promise((resolve) => (dropped = resolve));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
