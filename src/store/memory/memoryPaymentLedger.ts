// The payment ledger in this process's memory.
import type { StoredPayment } from '../../domain/payment.js';
import type { PaymentLedger, Recorded } from '../paymentLedger.js';

export class MemoryPaymentLedger implements PaymentLedger {
  private readonly byId = new Map<string, StoredPayment>();
  private readonly byAccount = new Map<string, string[]>();

  async record(payment: StoredPayment): Promise<Recorded> {
    const known = this.byId.get(payment.paymentId);
    if (known) return { outcome: 'known', payment: structuredClone(known) };
    this.byId.set(payment.paymentId, structuredClone(payment));
    const ref = payment.accountRef.toUpperCase();
    this.byAccount.set(ref, [...(this.byAccount.get(ref) ?? []), payment.paymentId]);
    return { outcome: 'recorded', payment: structuredClone(payment) };
  }

  async list(accountRef: string): Promise<StoredPayment[]> {
    return (this.byAccount.get(accountRef.toUpperCase()) ?? []).map((id) => structuredClone(this.byId.get(id)!));
  }
}
