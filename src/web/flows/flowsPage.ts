// Serves the flow page (/flows) and its own scripts and styles from this folder, each under /static/flows/.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';
import { pagePolicy } from '../../server/edge/securityHeaders.js';

const PAGE_POLICY = pagePolicy();
const here = dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** A fixed list read once at start-up: no path from a request reaches the disk. */
function assets(): Array<{ path: string; file: string; type: string }> {
  return readdirSync(here)
    .filter((name) => /^[a-zA-Z][a-zA-Z0-9]*\.(js|css)$/.test(name))
    .map((name) => ({ path: `/static/flows/${name}`, file: join(here, name), type: TYPES[name.split('.').pop()!]! }));
}

export function flowsPageRoute(server: Server): void {
  for (const { path, file, type } of [
    { path: '/flows', file: join(here, 'flows.html'), type: TYPES.html! },
    ...assets(),
  ]) {
    server.get(path, async (_req, res) => {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': PAGE_POLICY,
      });
      res.end(body);
    });
  }
}
