// /api/agent/* and /agent: the agent desk's HTTP face — thin handlers over src/handoff, bearer roles agent and supervisor.
import type { Server } from 'restify';
import { HttpError } from '../../errors.js';
import type { Logger } from 'pino';
import type { DeskDeps } from '../../handoff/deskDeps.js';
import { openApiDocument } from '../../handoff/openApi.js';
import type { TokenAuth } from '../auth.js';
import { sendError } from '../httpErrors.js';
import { AGENT_OPERATIONS, DESK_ROLES } from './agentApi.js';
import { agentConsoleRoutes } from './agentConsole.js';
import { agentStreamRoute, STREAM_OPERATION } from './agentStream.js';
import { describeIssues } from '../../zodIssues.js';

/** Returns what ends the open event streams (on shutdown: they would keep the server from closing). */
export function agentRoutes(
  server: Server,
  parts: { deps: DeskDeps; auth: TokenAuth; logger: Logger },
): { close(): void } {
  const { deps, auth, logger } = parts;
  // Generated from the zod schemas on the first request, not at start-up (few processes are ever asked for it).
  let document: ReturnType<typeof openApiDocument> | undefined;
  server.get('/api/agent/openapi.json', async (_req, res) => {
    res.send(200, (document ??= openApiDocument([...AGENT_OPERATIONS, STREAM_OPERATION])));
  });
  for (const operation of AGENT_OPERATIONS) {
    const path = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const route = operation.method === 'get' ? server.get.bind(server) : server.post.bind(server);
    route(path, async (req, res) => {
      try {
        const agent = auth.authorize(req, operation.roles as typeof DESK_ROLES);
        // A GET's parameters come from the query string, a POST's from its JSON body.
        const input =
          operation.method === 'get'
            ? Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams)
            : req.body;
        const body = operation.request ? parseBody(operation.request, input) : undefined;
        const caseId = typeof req.params?.caseId === 'string' ? req.params.caseId : '';
        const result = await operation.handle({ deps, agent, caseId, body });
        res.send(200, operation.response.parse(result));
      } catch (error) {
        sendError(res, error, logger);
      }
    });
  }
  const streams = agentStreamRoute(server, { deps, auth, logger });
  agentConsoleRoutes(server);
  return { close: () => streams.endAll() };
}

function parseBody(schema: NonNullable<(typeof AGENT_OPERATIONS)[number]['request']>, input: unknown): unknown {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new HttpError(400, `invalid body — ${describeIssues(parsed.error)}`);
}
