// GET /agent: the agent console, static files from src/web/agent (no build step).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../web/agent');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
/** The console's files (modules of one job each, a words file per locale), listed once at start. */
const FILES: Record<string, string> = Object.fromEntries(
  readdirSync(DIR).flatMap((name) => {
    const type = TYPES[extname(name)];
    return type ? [[name, type]] : [];
  }),
);
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export function agentConsoleRoutes(server: Server): void {
  const serve =
    (name: string) =>
    async (
      _req: unknown,
      res: { writeHead(status: number, headers: Record<string, string>): void; end(body: string): void },
    ) => {
      const type = FILES[name];
      if (!type) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': type, ...SECURITY_HEADERS });
      res.end(readFileSync(join(DIR, name), 'utf8'));
    };
  server.get('/agent', serve('index.html'));
  server.get('/agent/', serve('index.html'));
  for (const name of Object.keys(FILES)) server.get(`/agent/${name}`, serve(name));
}
