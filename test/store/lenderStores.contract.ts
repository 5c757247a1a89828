// The contract of the lender's ports — account directory, payment ledger, outbox, contact log — memory and Redis alike.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { lenderEvent } from '../../src/domain/lenderEvent.js';
import type { AccountDirectory } from '../../src/store/accountDirectory.js';
import type { ContactLog } from '../../src/store/contactLog.js';
import type { Outbox } from '../../src/store/outbox.js';
import type { PaymentLedger } from '../../src/store/paymentLedger.js';

export interface LenderStoresFixture {
  accounts: AccountDirectory;
  payments: PaymentLedger;
  outbox: Outbox;
  contacts: ContactLog;
  /** Other handles on the same data, as a second instance would have. */
  peer: { accounts: AccountDirectory; outbox: Outbox };
  close(): Promise<void>;
}

const [jobLossM2] = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'demo-accounts.yaml');

function anAccount(ref: string, phone: string, users: string[] = []) {
  return { ...jobLossM2!, accountRef: ref, borrower: { ...jobLossM2!.borrower, phone }, channelUserIds: users };
}

export function describeLenderStoresContract(name: string, open: () => Promise<LenderStoresFixture>): void {
  describe(`${name} – lender stores contract`, () => {
    let f: LenderStoresFixture;
    beforeAll(async () => {
      f = await open();
    });
    afterAll(() => f.close());

    it('an upserted account – found by reference (any case), by phone with +86 and spaces, by channel user, on the peer too', async () => {
      const ref = `LN-${randomUUID().slice(0, 8).toUpperCase()}`;
      expect(await f.accounts.upsert([anAccount(ref, '13912345678', [`test:${ref}`])])).toEqual(['created']);
      expect((await f.peer.accounts.byReference(ref.toLowerCase()))?.accountRef).toBe(ref);
      expect((await f.peer.accounts.find({ phone: '+86 139 1234 5678' }))?.accountRef).toBe(ref);
      expect((await f.peer.accounts.findByChannelUser(`test:${ref}`))?.accountRef).toBe(ref);
    });

    it('an account updated with a new phone – the old phone finds nothing, the new one finds it; removed – nothing', async () => {
      const ref = `LN-${randomUUID().slice(0, 8).toUpperCase()}`;
      await f.accounts.upsert([anAccount(ref, '13700000011')]);
      expect(await f.accounts.upsert([{ ...anAccount(ref, '13700000022'), daysPastDue: 99 }])).toEqual(['updated']);
      expect(await f.peer.accounts.find({ phone: '13700000011' })).toBeUndefined();
      expect((await f.peer.accounts.find({ phone: '13700000022' }))?.daysPastDue).toBe(99);
      expect(await f.accounts.remove(ref)).toBe(true);
      expect(await f.accounts.remove(ref)).toBe(false);
      expect(await f.peer.accounts.byReference(ref)).toBeUndefined();
      expect(await f.peer.accounts.find({ phone: '13700000022' })).toBeUndefined();
    });

    it('a payment recorded twice – stored once, the second answered with what was stored', async () => {
      const paymentId = `pay-${randomUUID()}`;
      const payment = {
        paymentId,
        accountRef: 'LN-2024-0001',
        amountMinor: 150000,
        currency: 'CNY',
        paidAt: '2026-03-01T10:00:00+08:00',
        receivedAt: '2026-03-01T02:00:05.000Z',
      };
      expect((await f.payments.record(payment)).outcome).toBe('recorded');
      const again = await f.payments.record({ ...payment, amountMinor: 1 });
      expect(again).toEqual({ outcome: 'known', payment });
      expect((await f.payments.list('ln-2024-0001')).filter((p) => p.paymentId === paymentId)).toHaveLength(1);
    });

    it('outbox backlog: two cases woken, one an hour overdue – counted with the overdue hour; a failed then a dead delivery – one failing, one dead', async () => {
      const nowMs = Date.parse('2026-03-01T12:00:00.000Z');
      const before = await f.outbox.backlog(nowMs);
      const [late, soon] = [`c-${randomUUID()}`, `c-${randomUUID()}`];
      const event = (key: string) => lenderEvent('case.escalated', '2026-03-01T00:00:00.000Z', { caseId: key })!;
      const [lateEvent, soonEvent] = [event(late), event(soon)];
      await f.outbox.append(late, [lateEvent]);
      await f.outbox.append(soon, [soonEvent]);
      await f.outbox.wake(late, nowMs - 3_600_000);
      await f.outbox.wake(soon, nowMs + 60_000);
      const woken = await f.peer.outbox.backlog(nowMs);
      expect(woken.cases - before.cases).toBe(2);
      expect(woken.overdueSeconds).toBeGreaterThanOrEqual(3_600);
      const attempt = { caseId: late, type: lateEvent.type, attempts: 1, event: lateEvent, id: lateEvent.id };
      await f.outbox.settle(late, { ...attempt, status: 'failed', nextAttemptAt: '2026-03-01T12:05:00.000Z' });
      const failed = await f.peer.outbox.backlog(nowMs);
      expect([failed.failing - before.failing, failed.dead - before.dead]).toEqual([1, 0]);
      await f.outbox.settle(late, { ...attempt, attempts: 2, status: 'dead' });
      const dead = await f.peer.outbox.backlog(nowMs);
      expect([dead.failing - before.failing, dead.dead - before.dead]).toEqual([0, 1]);
    });

    it('outbox: events in order, a failed head stays first, delivered and dead leave, a dead one can be redelivered', async () => {
      const key = `c-${randomUUID()}`;
      const [a, b] = [
        lenderEvent('case.escalated', '2026-03-01T00:00:00.000Z', { caseId: key }),
        lenderEvent('case.closed', '2026-03-01T00:00:01.000Z', { caseId: key }),
      ];
      await f.outbox.append(key, [a!, b!]);
      const head = await f.outbox.head(key);
      expect(head).toMatchObject({ id: a!.id, status: 'pending', attempts: 0 });
      await f.outbox.settle(key, {
        ...head!,
        status: 'failed',
        attempts: 1,
        lastError: 'HTTP 500',
        lastAttemptAt: '2026-03-01T00:00:02.000Z',
        nextAttemptAt: '2026-03-01T00:00:07.000Z',
      });
      expect(await f.peer.outbox.head(key)).toMatchObject({ id: a!.id, status: 'failed', attempts: 1 });
      expect((await f.outbox.list('failed', 1000)).map((r) => r.id)).toContain(a!.id);
      await f.outbox.settle(key, {
        ...head!,
        status: 'delivered',
        attempts: 2,
        lastAttemptAt: '2026-03-01T00:00:08.000Z',
      });
      expect((await f.outbox.list('failed', 1000)).map((r) => r.id)).not.toContain(a!.id);
      const second = await f.outbox.head(key);
      expect(second?.id).toBe(b!.id);
      await f.outbox.settle(key, {
        ...second!,
        status: 'dead',
        attempts: 20,
        lastAttemptAt: '2026-03-02T00:00:09.000Z',
      });
      expect(await f.outbox.head(key)).toBeUndefined();
      expect((await f.outbox.find(b!.id))?.status).toBe('dead');
      expect(await f.outbox.redeliver(b!.id, Date.parse('2026-03-03T00:00:00Z'))).toBe(true);
      expect(await f.outbox.head(key)).toMatchObject({ id: b!.id, status: 'pending', attempts: 0 });
      expect(await f.outbox.redeliver(`evt_${randomUUID()}`, 0)).toBe(false);
    });

    it('a wake-up taken by two instances at once – each case goes to exactly one of them', async () => {
      const keys = Array.from({ length: 20 }, () => `c-${randomUUID()}`);
      for (const key of keys) await f.outbox.wake(key, 1_000);
      const far = Date.parse('2100-01-01T00:00:00Z');
      const [one, two] = await Promise.all([
        f.outbox.take('one', far, 100, 600_000),
        f.peer.outbox.take('two', far, 100, 600_000),
      ]);
      const taken = [...one, ...two].map((w) => w.caseId).filter((id) => keys.includes(id));
      expect(taken.sort()).toEqual([...keys].sort());
      for (const w of [...one, ...two]) await (one.includes(w) ? f.outbox : f.peer.outbox).done(w.ticket);
    });

    it('a wake-up in the future – not taken before its time', async () => {
      const key = `c-${randomUUID()}`;
      await f.outbox.wake(key, 5_000_000);
      expect((await f.outbox.take('x', 4_999_999, 100, 600_000)).map((w) => w.caseId)).not.toContain(key);
    });

    it('a case leased by one dispatcher – refused to another until released', async () => {
      const key = `c-${randomUUID()}`;
      expect(await f.outbox.lease(key, 'one', 60_000)).toBe(true);
      expect(await f.peer.outbox.lease(key, 'two', 60_000)).toBe(false);
      await f.outbox.release(key, 'one');
      expect(await f.peer.outbox.lease(key, 'two', 60_000)).toBe(true);
    });

    it('contact log – the linked case, the first opt-out and the attempts of the last 7 days', async () => {
      const ref = `LN-${randomUUID().slice(0, 8).toUpperCase()}`;
      await f.contacts.linkCase(ref, 'c-one');
      await f.contacts.optOut(ref, '2026-03-01T00:00:00.000Z');
      await f.contacts.optOut(ref, '2026-03-05T00:00:00.000Z');
      await f.contacts.recordAttempt(ref, 'a1', new Date('2026-02-01T00:00:00Z'));
      await f.contacts.recordAttempt(ref, 'a2', new Date('2026-03-01T00:00:00Z'));
      expect(await f.contacts.state(ref.toLowerCase())).toEqual({
        caseId: 'c-one',
        optedOutAt: '2026-03-01T00:00:00.000Z',
        attempts: [new Date('2026-03-01T00:00:00Z')],
      });
    });
  });
}
