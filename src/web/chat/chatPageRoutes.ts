// Serves the borrower's chat page: index.html, its scripts and icon, and Web Chat's own browser bundle from node_modules.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import { pagePolicy } from '../../server/edge/securityHeaders.js';

/** Web Chat injects its styles (emotion) and streams over a WebSocket. */
const PAGE_POLICY = pagePolicy({ inlineStyles: true, webSockets: true });
const here = dirname(fileURLToPath(import.meta.url));
/** botframework-webchat's UMD bundle (window.WebChat), the full one: Adaptive Cards and Markdown included. */
const webChatBundle = join(
  dirname(createRequire(import.meta.url).resolve('botframework-webchat')),
  '..',
  'dist',
  'webchat.js',
);

const FILES: Record<string, { file: string; type: string; cache: string }> = {
  '/': { file: join(here, 'index.html'), type: 'text/html; charset=utf-8', cache: 'no-cache' },
  '/static/chat.js': { file: join(here, 'chat.js'), type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
  '/static/chatText.js': { file: join(here, 'chatText.js'), type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
  '/static/chatAvatars.js': {
    file: join(here, 'chatAvatars.js'),
    type: 'text/javascript; charset=utf-8',
    cache: 'no-cache',
  },
  '/static/agreementPrint.js': {
    file: join(here, '..', 'agreement', 'agreementPrint.js'),
    type: 'text/javascript; charset=utf-8',
    cache: 'no-cache',
  },
  '/favicon.svg': { file: join(here, 'favicon.svg'), type: 'image/svg+xml', cache: 'public, max-age=86400' },
  '/favicon.ico': { file: join(here, 'favicon.svg'), type: 'image/svg+xml', cache: 'public, max-age=86400' },
  '/static/webchat.js': { file: webChatBundle, type: 'text/javascript; charset=utf-8', cache: 'public, max-age=86400' },
};

export function chatPageRoutes(server: Server): void {
  for (const [path, entry] of Object.entries(FILES)) {
    server.get(path, async (_req: Request, res: Response) => {
      const { size } = await stat(entry.file);
      res.writeHead(200, {
        'content-type': entry.type,
        'content-length': size,
        'cache-control': entry.cache,
        'x-content-type-options': 'nosniff',
        'content-security-policy': PAGE_POLICY,
      });
      await new Promise<void>((resolve, reject) =>
        createReadStream(entry.file).on('error', reject).on('end', resolve).pipe(res),
      );
    });
  }
}
