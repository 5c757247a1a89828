// GET /metrics (Prometheus text): for the metrics token or an admin API token only.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request, Server } from 'restify';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../../metrics/serviceMetrics.js';
import type { TokenAuth } from '../auth.js';
import { sendError } from '../httpErrors.js';

export function metricsRoute(
  server: Server,
  deps: { metrics: ServiceMetrics; auth: TokenAuth; metricsToken: string | undefined; logger: Logger },
): void {
  server.get('/metrics', async (req, res) => {
    try {
      if (!hasMetricsToken(req, deps.metricsToken)) deps.auth.authorize(req, ['admin']);
      const { contentType, body } = await deps.metrics.scrape();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
}

function hasMetricsToken(req: Request, expected: string | undefined): boolean {
  if (!expected) return false;
  const presented = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1]?.trim() ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
