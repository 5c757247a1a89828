// The payment ledger port: payments the lender posted, append-only, idempotent on paymentId.
import type { StoredPayment } from '../domain/payment.js';

export type Recorded =
  | { outcome: 'recorded'; payment: StoredPayment }
  /** This paymentId was recorded before: `payment` is what was stored (compare it to tell a replay from a conflict). */
  | { outcome: 'known'; payment: StoredPayment };

/** Implemented in memory/memoryPaymentLedger.ts and redis/redisPaymentLedger.ts. */
export interface PaymentLedger {
  /** Stores the payment unless its id is known (one atomic step). */
  record(payment: StoredPayment): Promise<Recorded>;
  /** An account's payments, in the order they were received. */
  list(accountRef: string): Promise<StoredPayment[]>;
}
