// The restify server: the edge guards and body limits, then the routes; each route is a thin adapter over the modules.
import restify, { type Server } from 'restify';
import type { Logger } from 'pino';
import { guardEdge, type Edge, type EdgeConfig } from './edge/edgeGuards.js';

export function createServer(options: {
  maxBodyBytes: number;
  edge: EdgeConfig;
  logger: Logger;
  /** Routes that read their own (larger) body, e.g. the account import. */
  rawBodyPaths?: readonly string[];
}): {
  server: Server;
  edge: Edge;
} {
  const server = restify.createServer({ name: 'xieshang', handleUncaughtExceptions: false });
  const edge = guardEdge(server, options.edge);
  const raw = new Set(options.rawBodyPaths ?? []);
  for (const parse of restify.plugins.bodyParser({
    maxBodySize: options.maxBodyBytes,
    mapParams: false,
    rejectUnknown: false,
  }))
    server.use((req, res, next) => (raw.has(req.getPath()) ? next() : parse(req, res, next)));
  server.on('restifyError', (req, _res, error, callback) => {
    if (((error as { statusCode?: number }).statusCode ?? 500) >= 500)
      options.logger.error({ err: error, path: req.getPath() }, 'request failed'); // never the query: it may carry a token
    return callback();
  });
  return { server, edge };
}
