// Serves the flow viewer page (/flows) and its script; the page asks for a token and calls the flow APIs with it.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';
import { pagePolicy } from '../../server/edge/securityHeaders.js';

const PAGE_POLICY = pagePolicy({ inlineStyles: true });
const here = dirname(fileURLToPath(import.meta.url));
const FILES: Record<string, { file: string; type: string }> = {
  '/flows': { file: join(here, 'flows.html'), type: 'text/html; charset=utf-8' },
  '/static/flows.js': { file: join(here, 'flows.js'), type: 'text/javascript; charset=utf-8' },
};

export function flowsPageRoute(server: Server): void {
  for (const [path, entry] of Object.entries(FILES)) {
    server.get(path, async (_req, res) => {
      const body = await readFile(entry.file);
      res.writeHead(200, {
        'content-type': entry.type,
        'content-length': body.length,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': PAGE_POLICY,
      });
      res.end(body);
    });
  }
}
