// A lender's webhook receiver: verifies each event's signature with standardwebhooks, then acknowledges it.
// Run: WEBHOOK_SECRET=whsec_… npx tsx examples/webhookReceiver.ts (listens on :4000, path /hooks)
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.WEBHOOK_SECRET ?? '');
const seen = new Set<string>(); // use your database: delivery is at least once, webhook-id is stable

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
    let event: { type: string; timestamp: string; data: Record<string, unknown> };
    try {
      event = webhook.verify(body, headers) as typeof event; // checks the signature and a 5-minute timestamp window
    } catch {
      res.statusCode = 400; // not from xieshang, or tampered with: never retried into success
      return res.end();
    }
    const id = headers['webhook-id']!;
    if (!seen.has(id)) {
      seen.add(id);
      console.log(event.type, event.data.caseId ?? '-', event.data.accountRef ?? '-', JSON.stringify(event.data));
    }
    res.statusCode = 204; // any 2xx: delivered, never sent again
    res.end();
  });
}).listen(4000, () => console.log('listening on http://localhost:4000/hooks'));
