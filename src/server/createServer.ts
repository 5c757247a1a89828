// The restify server: the edge guards and body limits, then the routes; each route is a thin adapter over the modules.
import restify, { type Server } from 'restify';
import type { Logger } from 'pino';
import { guardEdge, type Edge, type EdgeConfig } from './edge/edgeGuards.js';

export function createServer(options: { maxBodyBytes: number; edge: EdgeConfig; logger: Logger }): {
  server: Server;
  edge: Edge;
} {
  const server = restify.createServer({ name: 'xieshang', handleUncaughtExceptions: false });
  const edge = guardEdge(server, options.edge);
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false, rejectUnknown: false }));
  server.on('restifyError', (req, _res, error, callback) => {
    if (((error as { statusCode?: number }).statusCode ?? 500) >= 500)
      options.logger.error({ err: error, path: req.getPath() }, 'request failed'); // never the query: it may carry a token
    return callback();
  });
  return { server, edge };
}
