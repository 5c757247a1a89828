// The outbox port: lender events committed with their case, woken up, leased per case and delivered in order.
import { z } from 'zod';
import { LenderEventSchema, type LenderEvent } from '../domain/lenderEvent.js';

export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed', 'dead']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** What the service knows about delivering one event (GET /api/admin/webhooks/deliveries). */
export const DeliveryRecordSchema = z.object({
  /** The event id (the `webhook-id` header). */
  id: z.string(),
  caseId: z.string(),
  type: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.number().int().nonnegative(),
  firstAttemptAt: z.iso.datetime().optional(),
  lastAttemptAt: z.iso.datetime().optional(),
  nextAttemptAt: z.iso.datetime().optional(),
  deliveredAt: z.iso.datetime().optional(),
  /** The receiver's status code or the network error of the last failed attempt. */
  lastError: z.string().optional(),
  event: LenderEventSchema,
});
export type DeliveryRecord = z.infer<typeof DeliveryRecordSchema>;

export const outboxKeyOfAccount = (accountRef: string): string => `account-${accountRef.toUpperCase()}`;

/** What the outbox holds back, for /metrics (`xieshang_webhook_outbox_*`). */
export interface OutboxBacklog {
  /** Cases with lender events still to deliver: woken (now or for a retry) or being looked at. */
  cases: number;
  /** How long past due the earliest wake-up is, in seconds (0 when none is due): the dispatchers falling behind. */
  overdueSeconds: number;
  /** Events whose delivery failed and will be tried again. */
  failing: number;
  /** Events given up on (dead-lettered) until an admin redelivers them. */
  dead: number;
}

/** A wake-up taken from the shared queue: `done` it once the case has been looked at. */
export interface Wakeup {
  ticket: string;
  caseId: string;
}

/**
 * Events are kept and delivered in order per key: a case id (the case store appends in its commit) or, for an
 * account not in a conversation, `outboxKeyOfAccount(ref)`. `DeliveryRecord.caseId` holds that key.
 */
export interface Outbox {
  /** Appends events outside a case commit (outreach of an account without a case); wake it afterwards. */
  append(key: string, events: readonly LenderEvent[]): Promise<void>;
  /** Asks for the case's outbox to be looked at no later than `atMs` (an earlier wake-up wins). */
  wake(caseId: string, atMs: number): Promise<void>;
  /**
   * Up to `max` cases to look at now, each given to one consumer across all instances; a consumer that dies
   * before `done` loses its wake-ups to another after `staleMs`.
   */
  take(consumer: string, nowMs: number, max: number, staleMs: number): Promise<Wakeup[]>;
  done(ticket: string): Promise<void>;
  /** Exclusive right to deliver a case's events for `ms` (renew by calling again as the holder). */
  lease(caseId: string, holder: string, ms: number): Promise<boolean>;
  release(caseId: string, holder: string): Promise<void>;
  /** The oldest undelivered event of the case with its delivery so far. */
  head(caseId: string): Promise<DeliveryRecord | undefined>;
  /** Records an attempt on the head event: delivered and dead remove it from the case's outbox; failed keeps it first. */
  settle(caseId: string, record: DeliveryRecord): Promise<void>;
  /** Failed (still retrying) or dead (given up) deliveries, newest first; delivered ones of the last while. */
  list(status: 'failed' | 'dead' | 'delivered', limit: number): Promise<DeliveryRecord[]>;
  find(eventId: string): Promise<DeliveryRecord | undefined>;
  /** A dead event goes back to the front of its case's outbox; a failed one is tried again now. False if neither. */
  redeliver(eventId: string, nowMs: number): Promise<boolean>;
  /** Every event of a case still waiting (the head first). */
  pending(caseId: string): Promise<LenderEvent[]>;
  /** What is held back across all cases (a few counters: cheap enough for every scrape). */
  backlog(nowMs: number): Promise<OutboxBacklog>;
}
