// Caps the TCP connections one client address holds open; exempt addresses (trusted proxies, load tests) are not counted.
import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressList } from './addressList.js';

/** A connection past `max` from the same address is closed at once (before any request is read). */
export function capConnectionsPerClient(
  httpServer: HttpServer,
  max: number,
  exempt: (address: string) => boolean,
): void {
  const open = new Map<string, number>();
  httpServer.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (exempt(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** Neither a trusted proxy (it carries many clients) nor an exempt address is capped. */
export function exemptFromCap(trustedProxies: AddressList, exempt: AddressList): (address: string) => boolean {
  return (address) => trustedProxies.has(address) || exempt.has(address);
}
