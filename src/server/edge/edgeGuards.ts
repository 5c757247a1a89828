// The service's edge, before any route: encodings, body deadlines, WebSocket upgrades, connections per client, security headers.
import type { Request, Server } from 'restify';
import type { Config } from '../../config.js';
import { addressList, type AddressList } from './addressList.js';
import { bodyDeadline, limitHeaderTime } from './bodyDeadline.js';
import { clientAddress } from './clientAddress.js';
import { capConnectionsPerClient, exemptFromCap } from './connectionCap.js';
import { refuseContentEncoding } from './refuseContentEncoding.js';
import { securityHeaders } from './securityHeaders.js';
import { upgradeRouter, type UpgradeRouter } from './upgradeRouter.js';

export interface Edge {
  /** The one place WebSocket upgrades are served (everything else is answered 404). */
  upgrades: UpgradeRouter;
  /** The caller's address (X-Forwarded-For only through TRUST_PROXY). */
  clientOf(req: Request): string;
  /** RATE_LIMIT_EXEMPT: per-client limits do not apply. */
  exempt: AddressList;
}

export type EdgeConfig = Pick<
  Config,
  'BODY_TIMEOUT_MS' | 'MAX_CONNECTIONS_PER_CLIENT' | 'TRUST_PROXY' | 'RATE_LIMIT_EXEMPT'
>;

/** Installs the guards on a new server; call before any route is added. */
export function guardEdge(server: Server, config: EdgeConfig): Edge {
  const trustedProxies = addressList(config.TRUST_PROXY, 'TRUST_PROXY');
  const exempt = addressList(config.RATE_LIMIT_EXEMPT, 'RATE_LIMIT_EXEMPT');
  server.pre(refuseContentEncoding);
  server.pre(securityHeaders);
  server.pre(bodyDeadline(config.BODY_TIMEOUT_MS));
  limitHeaderTime(server.server, config.BODY_TIMEOUT_MS);
  capConnectionsPerClient(server.server, config.MAX_CONNECTIONS_PER_CLIENT, exemptFromCap(trustedProxies, exempt));
  return {
    upgrades: upgradeRouter(server.server, config.BODY_TIMEOUT_MS),
    clientOf: (req) => clientAddress(req, trustedProxies),
    exempt,
  };
}
