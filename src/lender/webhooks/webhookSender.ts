// Posts one event to WEBHOOK_URL, signed as the Standard Webhooks specification says (webhook-id, -timestamp, -signature).
import { Webhook } from 'standardwebhooks';
import { webhookPayload, type LenderEvent } from '../../domain/lenderEvent.js';

export type SendResult = { ok: true } | { ok: false; error: string };

export interface WebhookSenderOptions {
  url: string;
  /** `whsec_…` (base64 after the prefix), as the receiver holds it. */
  secret: string;
  /** An attempt without an answer after this long fails; default 10 s. */
  timeoutMs?: number;
}

export class WebhookSender {
  private readonly webhook: Webhook;

  constructor(private readonly options: WebhookSenderOptions) {
    this.webhook = new Webhook(options.secret);
  }

  async send(event: LenderEvent): Promise<SendResult> {
    const body = webhookPayload(event);
    // The real time, never a test clock: receivers refuse signatures more than a few minutes off their own.
    const at = new Date();
    const headers = {
      'content-type': 'application/json',
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': this.webhook.sign(event.id, at, body),
    };
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      // 2xx only: a redirect is not a delivery (the receiver's URL is configured, not discovered).
      return response.status >= 200 && response.status < 300
        ? { ok: true }
        : { ok: false, error: `HTTP ${response.status}` };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  }
}
