// Delivers Direct Line activities to the bot as any channel does: POST /api/messages on this very server.
import type { Server } from 'restify';
import { StoreUnavailableError } from '../../errors.js';

/** The address this server answers on from inside the machine (its listening port on loopback). */
export function loopbackBase(server: Server): string {
  const address = server.address();
  const host = !address.address || address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export function loopbackDelivery(server: Server): (activity: Record<string, unknown>) => Promise<void> {
  return async (activity) => {
    const response = await fetch(`${loopbackBase(server)}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.arrayBuffer();
    if (response.ok) return;
    if (response.status === 503) throw new StoreUnavailableError('the bot could not take the activity: store unavailable');
    throw new Error(`the bot refused the activity with HTTP ${response.status}`);
  };
}
