// Who is calling: the socket's address, or the X-Forwarded-For hop just before the proxies TRUST_PROXY names.
import type { IncomingMessage } from 'node:http';
import type { AddressList } from './addressList.js';

/**
 * Walks X-Forwarded-For from the right while the hop is a trusted proxy: the first untrusted hop is
 * the client. Without trusted proxies the header is ignored (anyone can write it).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: AddressList): string {
  let address = req.socket.remoteAddress ?? '';
  if (trustedProxies.empty || !trustedProxies.has(address)) return address;
  const hops = (req.headers['x-forwarded-for']?.toString() ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (hops.length > 0 && trustedProxies.has(address)) address = hops.pop() ?? address;
  return address;
}
