// A real HTTP webhook receiver for tests: verifies every signature with the standardwebhooks library, can fail on purpose.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  id: string;
  type: string;
  data: Record<string, unknown> & { eventId: string; caseId?: string; accountRef?: string };
  verified: boolean;
}

export class TestReceiver {
  readonly secret = `whsec_${randomBytes(24).toString('base64')}`;
  /** Every verified delivery, duplicates included, in arrival order. */
  readonly received: ReceivedEvent[] = [];
  /** Attempts answered with 500 before this receiver accepts (counted per event id). */
  failFirst = 0;
  private readonly attempts = new Map<string, number>();
  private server: Server | undefined;
  rejected = 0;
  url = '';

  /** Listens on `port` (default: a spare one; pass the old port to bring a stopped receiver back at its address). */
  async start(port = 0): Promise<this> {
    const webhook = new Webhook(this.secret);
    this.server = createServer((req, res) => {
      const reply = (status: number) => {
        res.statusCode = status;
        res.end();
      };
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        let payload: { type: string; data: ReceivedEvent['data'] };
        try {
          payload = webhook.verify(body, headers) as typeof payload;
        } catch {
          this.rejected += 1;
          reply(400);
          return;
        }
        const id = headers['webhook-id']!;
        const tries = (this.attempts.get(id) ?? 0) + 1;
        this.attempts.set(id, tries);
        if (tries <= this.failFirst) {
          reply(500);
          return;
        }
        this.received.push({ id, type: payload.type, data: payload.data, verified: true });
        reply(204);
      });
    });
    this.server.listen(port, '127.0.0.1');
    await new Promise((resolve) => this.server!.once('listening', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  attemptsOf(id: string): number {
    return this.attempts.get(id) ?? 0;
  }

  /** Resolves once `predicate` holds for what was received (polls; the test's own timeout bounds it). */
  async waitFor(predicate: (received: ReceivedEvent[]) => boolean): Promise<void> {
    while (!predicate(this.received)) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** The receiver goes down: new connections are refused until `start(port)`. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
