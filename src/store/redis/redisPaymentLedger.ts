// The payment ledger in Redis: the id check and the append are one script, so a payment posted twice at once is stored once.
import type { Result } from 'ioredis';
import { StoredPaymentSchema, type StoredPayment } from '../../domain/payment.js';
import type { PaymentLedger, Recorded } from '../paymentLedger.js';
import { PAYMENT_KEYS } from './keys.js';
import type { RedisConnection } from './redisConnection.js';

/** KEYS: byId, account list. ARGV: paymentId, json. Returns the stored JSON when the id was known, else nil. */
const RECORD = `local known = redis.call('HGET', KEYS[1], ARGV[1])
if known then return known end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[1])
return false`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xsPaymentRecord(byId: string, account: string, paymentId: string, json: string): Result<string | null, Context>;
  }
}

export class RedisPaymentLedger implements PaymentLedger {
  constructor(private readonly connection: RedisConnection) {
    connection.client.defineCommand('xsPaymentRecord', { lua: RECORD, numberOfKeys: 2 });
  }

  async record(payment: StoredPayment): Promise<Recorded> {
    const known = await this.connection.guard('record payment', () =>
      this.connection.client.xsPaymentRecord(
        PAYMENT_KEYS.byId,
        PAYMENT_KEYS.account(payment.accountRef),
        payment.paymentId,
        JSON.stringify(payment),
      ),
    );
    return known
      ? { outcome: 'known', payment: StoredPaymentSchema.parse(JSON.parse(known)) }
      : { outcome: 'recorded', payment };
  }

  async list(accountRef: string): Promise<StoredPayment[]> {
    const client = this.connection.client;
    const ids = await this.connection.guard('list payments', () =>
      client.lrange(PAYMENT_KEYS.account(accountRef), 0, -1),
    );
    if (ids.length === 0) return [];
    const stored = await this.connection.guard('list payments', () => client.hmget(PAYMENT_KEYS.byId, ...ids));
    return stored.flatMap((json) => (json ? [StoredPaymentSchema.parse(JSON.parse(json))] : []));
  }
}
