// GET /api/agent/events: Server-Sent Events of the desk (queue changes, borrower messages, claims, releases), per agent.
import type { Logger } from 'pino';
import type { Request, Server } from 'restify';
import { HttpError } from '../../errors.js';
import { mayHear } from '../../handoff/caseAccess.js';
import { CaseEventSchema, type CaseEvent } from '../../handoff/caseEvents.js';
import type { DeskDeps } from '../../handoff/deskDeps.js';
import type { ApiOperation } from '../../handoff/openApi.js';
import type { Principal, TokenAuth } from '../auth.js';
import { sendError } from '../httpErrors.js';
import { DESK_ROLES } from './agentApi.js';

const HEARTBEAT_MS = 15_000;

export const STREAM_OPERATION: ApiOperation = {
  method: 'get',
  path: '/api/agent/events',
  summary:
    'Live events (Server-Sent Events) of the queue and your own cases (supervisors: every case); `?caseId=` narrows to one case, `?access_token=` for EventSource',
  roles: DESK_ROLES,
  response: CaseEventSchema,
  stream: true,
};

/** Returns `endAll`, which ends every open stream (on shutdown). */
export function agentStreamRoute(
  server: Server,
  deps: { deps: DeskDeps; auth: TokenAuth; logger: Logger },
): { endAll(): void } {
  const open = new Set<() => void>();
  server.get('/api/agent/events', async (req, res) => {
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    let principal: Principal;
    try {
      principal = authorize(deps.auth, req, query.get('access_token'));
      await deps.deps.events.ready();
    } catch (error) {
      return sendError(res, error, deps.logger);
    }
    const only = query.get('caseId') || undefined;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\n: connected\n\n`);
    const write = (event: CaseEvent) => {
      if (mayHear(event, principal) && (!only || event.caseId === only))
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = deps.deps.events.subscribe(write);
    const offline = deps.deps.presence.open(principal.id);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      offline();
      open.delete(end);
      res.end();
    };
    open.add(end);
    req.once('close', end);
  });
  return { endAll: () => [...open].forEach((end) => end()) };
}

/** EventSource cannot send headers: the stream also takes `?access_token=` (same tokens, same roles). */
function authorize(auth: TokenAuth, req: Request, queryToken: string | null): Principal {
  if (req.header('authorization') || !queryToken) return auth.authorize(req, DESK_ROLES);
  const principal = auth.identify(queryToken);
  if (!principal) throw new HttpError(401, 'unknown or revoked token');
  if (!(DESK_ROLES as readonly string[]).includes(principal.role))
    throw new HttpError(403, `role ${principal.role} may not do this (needs ${DESK_ROLES.join(' or ')})`);
  return principal;
}
