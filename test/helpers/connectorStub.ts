// A local Bot Framework connector: records what the bot sends to a conversation, as a channel would.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  type: string;
  text?: string;
  name?: string;
  value?: unknown;
  locale?: string;
  attachments?: Array<{
    contentType: string;
    content: { fallbackText?: string; body?: unknown[]; actions?: Array<{ data?: unknown; title?: string }> };
  }>;
  suggestedActions?: { actions: Array<{ type: string; title: string; value: string }> };
  conversation?: { id: string };
  replyToId?: string;
  [key: string]: unknown;
}

export class ConnectorStub {
  readonly sent = new Map<string, SentActivity[]>();
  private server: Server | undefined;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const activity = JSON.parse(await readBody(req)) as SentActivity;
      const conversationId = decodeURIComponent(match[1]!);
      const list = this.sent.get(conversationId) ?? [];
      list.push(activity);
      this.sent.set(conversationId, list);
      // restify patches http.ServerResponse, so no chaining of writeHead here.
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `sent-${++this.counter}` }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  of(conversationId: string): SentActivity[] {
    return this.sent.get(conversationId) ?? [];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
