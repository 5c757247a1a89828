// The separate metrics port (METRICS_PORT): GET /metrics without a token, for an internal scraper only.
import { createServer, type Server } from 'node:http';

export type Scrape = () => Promise<{ contentType: string; body: string }>;

export function startMetricsServer(
  port: number,
  host: string,
  scrape: Scrape,
  onError: (error: unknown) => void,
): Server {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics is served on this port\n');
      return;
    }
    scrape().then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      (error: unknown) => {
        onError(error);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n');
      },
    );
  });
  return server.listen(port, host);
}
