// /api/lender/* and the admin webhook deliveries: thin handlers over src/lender, bearer roles lender and admin.
import type { Request, Server } from 'restify';
import type { Logger } from 'pino';
import { HttpError } from '../../errors.js';
import { openApiDocument } from '../../handoff/openApi.js';
import type { TokenAuth } from '../auth.js';
import { sendError } from '../httpErrors.js';
import { LENDER_API_INFO, LENDER_OPERATIONS, type LenderDeps } from './lenderApi.js';

/** Paths whose body the route reads itself (larger than MAX_BODY_BYTES): createServer's body parser skips them. */
export const RAW_BODY_PATHS = ['/api/lender/accounts/import'];

export function lenderRoutes(
  server: Server,
  parts: { deps: LenderDeps; auth: TokenAuth; logger: Logger; importMaxBytes: number },
): void {
  const { deps, auth, logger } = parts;
  // Generated from the zod schemas on the first request, not at start-up.
  let document: ReturnType<typeof openApiDocument> | undefined;
  server.get('/api/lender/openapi.json', async (_req, res) => {
    res.send(200, (document ??= openApiDocument(LENDER_OPERATIONS, LENDER_API_INFO)));
  });
  for (const operation of LENDER_OPERATIONS) {
    const path = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const route = { get: server.get, post: server.post, put: server.put, delete: server.del }[operation.method].bind(
      server,
    );
    route(path, async (req, res) => {
      try {
        const principal = auth.authorize(req, operation.roles);
        const result = await operation.handle(deps, {
          params: (req.params ?? {}) as Record<string, string>,
          query: Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams),
          body: req.body,
          text: () => readText(req, parts.importMaxBytes),
          contentType: req.header('content-type'),
        });
        if (operation.method !== 'get')
          logger.info({ by: principal.id, operation: `${operation.method} ${operation.path}` }, 'lender API call');
        res.send(result.status ?? 200, operation.response.parse(result.body));
      } catch (error) {
        // An import refused before its body was read: read it to the end, or the kept-alive connection breaks.
        if (operation.rawBody) req.resume();
        sendError(res, error, logger);
      }
    });
  }
}

async function readText(req: Request, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, `body over ${maxBytes} bytes (IMPORT_MAX_BYTES): split the file`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
