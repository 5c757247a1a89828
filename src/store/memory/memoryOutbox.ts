// The outbox in this process: the memory case store appends in its commit, one dispatcher delivers.
import type { LenderEvent } from '../../domain/lenderEvent.js';
import type { DeliveryRecord, Outbox, OutboxBacklog, Wakeup } from '../outbox.js';

/** Delivered records kept for GET …/deliveries?status=delivered. */
const RECENT_DELIVERED = 1000;

export class MemoryOutbox implements Outbox {
  private readonly outboxes = new Map<string, LenderEvent[]>();
  private readonly records = new Map<string, DeliveryRecord>();
  private readonly wakeups = new Map<string, number>();
  private readonly taken = new Map<string, { caseId: string; consumer: string; atMs: number }>();
  private readonly leases = new Map<string, { holder: string; untilMs: number }>();
  private tickets = 0;

  /** Also called by the memory case store inside its commit (the same synchronous step). */
  async append(caseId: string, events: readonly LenderEvent[]): Promise<void> {
    this.appendNow(caseId, events);
  }

  appendNow(caseId: string, events: readonly LenderEvent[]): void {
    const outbox = this.outboxes.get(caseId) ?? [];
    outbox.push(...events.map((event) => structuredClone(event)));
    this.outboxes.set(caseId, outbox);
  }

  /** Erasure: the case's waiting events go too. */
  erase(caseId: string): void {
    this.outboxes.delete(caseId);
    this.wakeups.delete(caseId);
  }

  async wake(caseId: string, atMs: number): Promise<void> {
    const current = this.wakeups.get(caseId);
    if (current === undefined || atMs < current) this.wakeups.set(caseId, atMs);
  }

  async take(consumer: string, nowMs: number, max: number, staleMs: number): Promise<Wakeup[]> {
    const out: Wakeup[] = [];
    for (const [ticket, taken] of this.taken)
      if (out.length < max && taken.consumer !== consumer && nowMs - taken.atMs >= staleMs) {
        this.taken.set(ticket, { ...taken, consumer, atMs: nowMs });
        out.push({ ticket, caseId: taken.caseId });
      }
    for (const [caseId, atMs] of this.wakeups) {
      if (out.length >= max) break;
      if (atMs > nowMs) continue;
      this.wakeups.delete(caseId);
      const ticket = String(++this.tickets);
      this.taken.set(ticket, { caseId, consumer, atMs: nowMs });
      out.push({ ticket, caseId });
    }
    return out;
  }

  async done(ticket: string): Promise<void> {
    this.taken.delete(ticket);
  }

  async lease(caseId: string, holder: string, ms: number): Promise<boolean> {
    const current = this.leases.get(caseId);
    if (current && current.holder !== holder && current.untilMs > Date.now()) return false;
    this.leases.set(caseId, { holder, untilMs: Date.now() + ms });
    return true;
  }

  async release(caseId: string, holder: string): Promise<void> {
    if (this.leases.get(caseId)?.holder === holder) this.leases.delete(caseId);
  }

  async head(caseId: string): Promise<DeliveryRecord | undefined> {
    const event = this.outboxes.get(caseId)?.[0];
    if (!event) return undefined;
    const known = this.records.get(event.id);
    return structuredClone(
      known ?? { id: event.id, caseId, type: event.type, status: 'pending' as const, attempts: 0, event },
    );
  }

  async settle(caseId: string, record: DeliveryRecord): Promise<void> {
    const outbox = this.outboxes.get(caseId) ?? [];
    if (record.status !== 'failed' && outbox[0]?.id === record.id) outbox.shift();
    if (outbox.length === 0) this.outboxes.delete(caseId);
    this.records.set(record.id, structuredClone(record));
    if (record.status === 'delivered') this.forgetOldDelivered();
  }

  async list(status: 'failed' | 'dead' | 'delivered', limit: number): Promise<DeliveryRecord[]> {
    return [...this.records.values()]
      .filter((record) => record.status === status)
      .sort((a, b) => (b.lastAttemptAt ?? '').localeCompare(a.lastAttemptAt ?? ''))
      .slice(0, limit)
      .map((record) => structuredClone(record));
  }

  async find(eventId: string): Promise<DeliveryRecord | undefined> {
    const record = this.records.get(eventId);
    return record && structuredClone(record);
  }

  async redeliver(eventId: string, nowMs: number): Promise<boolean> {
    const record = this.records.get(eventId);
    if (record?.status === 'dead') {
      const outbox = this.outboxes.get(record.caseId) ?? [];
      outbox.unshift(record.event);
      this.outboxes.set(record.caseId, outbox);
      this.records.set(eventId, { ...retried(record), attempts: 0 });
    } else if (record?.status === 'failed') {
      this.records.set(eventId, { ...record, nextAttemptAt: new Date(nowMs).toISOString() });
    } else return false;
    await this.wake(record.caseId, nowMs);
    return true;
  }

  async pending(caseId: string): Promise<LenderEvent[]> {
    return structuredClone(this.outboxes.get(caseId) ?? []);
  }

  async backlog(nowMs: number): Promise<OutboxBacklog> {
    const earliest = Math.min(...this.wakeups.values());
    const count = (status: DeliveryRecord['status']) =>
      [...this.records.values()].filter((record) => record.status === status).length;
    return {
      cases: this.wakeups.size + this.taken.size,
      overdueSeconds: Number.isFinite(earliest) ? Math.max(0, nowMs - earliest) / 1000 : 0,
      failing: count('failed'),
      dead: count('dead'),
    };
  }

  private forgetOldDelivered(): void {
    const delivered = [...this.records.values()].filter((record) => record.status === 'delivered');
    for (const old of delivered.slice(0, Math.max(0, delivered.length - RECENT_DELIVERED))) this.records.delete(old.id);
  }
}

/** A dead record sent again: pending, its earlier attempts forgotten. */
export function retried(record: DeliveryRecord): DeliveryRecord {
  return {
    id: record.id,
    caseId: record.caseId,
    type: record.type,
    status: 'pending',
    attempts: 0,
    event: record.event,
  };
}
