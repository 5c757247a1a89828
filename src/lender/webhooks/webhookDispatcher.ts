// Delivers the outbox: takes woken cases (one instance each), sends their events in order, retries, dead-letters.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ContactLog } from '../../store/contactLog.js';
import type { DeliveryRecord, Outbox, Wakeup } from '../../store/outbox.js';
import { nextAttemptMs } from './retrySchedule.js';
import type { SendResult } from './webhookSender.js';

export interface DispatcherOptions {
  outbox: Outbox;
  send: (event: DeliveryRecord['event']) => Promise<SendResult>;
  clock: () => Date;
  logger: Logger;
  /** Told of every attempt that did not deliver (`failed`: tried again later; `dead`: given up), e.g. for /metrics. */
  undelivered?: (record: DeliveryRecord) => void;
  /** Records the opt-out a `contact.opted_out` event carries before sending it (see `drain`). */
  contacts?: Pick<ContactLog, 'optOut'>;
  /** How often an idle dispatcher looks for due wake-ups; default 250 ms. */
  pollMs?: number;
  /** A case's lease; renewed before every attempt. Default 60 s. */
  leaseMs?: number;
  /** Wake-ups another instance took and did not finish within this are taken over; default 60 s. */
  staleMs?: number;
}

const TAKE_AT_ONCE = 16;
/** When the case is leased by another dispatcher: look again shortly (it may have finished before our event). */
const BUSY_RETRY_MS = 2_000;

export class WebhookDispatcher {
  readonly consumer = `dispatcher-${randomUUID()}`;
  private running = false;
  private loop: Promise<void> | undefined;
  private nudge: (() => void) | undefined;

  constructor(private readonly options: DispatcherOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Looks for work now instead of at the next poll (after this process committed events). */
  wakeUp(): void {
    this.nudge?.();
  }

  async close(): Promise<void> {
    this.running = false;
    this.nudge?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const log = this.options.logger;
    while (this.running) {
      let worked = false;
      try {
        worked = await this.pass();
      } catch (err) {
        log.warn({ err }, 'webhook dispatcher pass failed; trying again');
      }
      if (!worked && this.running) await this.pause(this.options.pollMs ?? 250);
    }
  }

  /** One look at the shared queue; true when there was something to do. */
  async pass(): Promise<boolean> {
    const { outbox, clock } = this.options;
    const wakeups = await outbox.take(this.consumer, clock().getTime(), TAKE_AT_ONCE, this.options.staleMs ?? 60_000);
    // Two wake-ups of one case in a batch: one drain, both done (the lease is per dispatcher, not per drain).
    const byCase = new Map<string, Wakeup[]>();
    for (const wakeup of wakeups) byCase.set(wakeup.caseId, [...(byCase.get(wakeup.caseId) ?? []), wakeup]);
    await Promise.all(
      [...byCase].map(async ([caseId, tickets]) => {
        await this.drain(caseId);
        for (const { ticket } of tickets) await outbox.done(ticket);
      }),
    );
    return wakeups.length > 0;
  }

  /** Sends the case's events in order until one fails (then waits for its next attempt) or none is left. */
  private async drain(caseId: string): Promise<void> {
    const { outbox, clock } = this.options;
    const leaseMs = this.options.leaseMs ?? 60_000;
    if (!(await outbox.lease(caseId, this.consumer, leaseMs))) {
      await outbox.wake(caseId, clock().getTime() + BUSY_RETRY_MS);
      return;
    }
    try {
      for (let head = await outbox.head(caseId); head && this.running; head = await outbox.head(caseId)) {
        const nowMs = clock().getTime();
        if (head.nextAttemptAt && Date.parse(head.nextAttemptAt) > nowMs) {
          await outbox.wake(caseId, Date.parse(head.nextAttemptAt));
          return;
        }
        if (!(await outbox.lease(caseId, this.consumer, leaseMs))) return;
        await this.recordOptOut(head.event);
        const settled = this.settled(head, await this.options.send(head.event));
        await outbox.settle(caseId, settled);
        this.log(settled);
        if (settled.status !== 'delivered') this.options.undelivered?.(settled);
        if (settled.status === 'failed') {
          await outbox.wake(caseId, Date.parse(settled.nextAttemptAt!));
          return;
        }
      }
    } finally {
      await outbox.release(caseId, this.consumer);
      // Stopped mid-case: whoever runs next picks it up at once.
      if (!this.running) await outbox.wake(caseId, clock().getTime());
    }
  }

  /**
   * The opt-out is committed with the case (this event), the contact log written just after, in another Redis slot:
   * a process killed in between leaves it to this event, recorded before it is sent (the first time recorded wins).
   */
  private async recordOptOut(event: DeliveryRecord['event']): Promise<void> {
    if (event.type === 'contact.opted_out' && event.accountRef)
      await this.options.contacts?.optOut(event.accountRef, event.at);
  }

  private settled(head: DeliveryRecord, result: SendResult): DeliveryRecord {
    const now = this.options.clock();
    const at = now.toISOString();
    const firstAttemptAt = head.firstAttemptAt ?? at;
    const base = { ...head, attempts: head.attempts + 1, firstAttemptAt, lastAttemptAt: at };
    delete base.nextAttemptAt;
    if (result.ok) {
      delete base.lastError;
      return { ...base, status: 'delivered', deliveredAt: at };
    }
    const next = nextAttemptMs(Date.parse(firstAttemptAt), base.attempts, now.getTime());
    return next === undefined
      ? { ...base, status: 'dead', lastError: result.error }
      : { ...base, status: 'failed', lastError: result.error, nextAttemptAt: new Date(next).toISOString() };
  }

  private log(record: DeliveryRecord): void {
    const details = { eventId: record.id, caseId: record.caseId, type: record.type, attempts: record.attempts };
    if (record.status === 'delivered') this.options.logger.info(details, 'webhook delivered');
    else if (record.status === 'dead')
      this.options.logger.error({ ...details, error: record.lastError }, 'webhook dead-lettered after 24 hours');
    else
      this.options.logger.warn({ ...details, error: record.lastError, next: record.nextAttemptAt }, 'webhook failed');
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.nudge = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
