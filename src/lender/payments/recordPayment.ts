// POST /api/lender/payments: stored once per paymentId, recorded with the account's case (transcript + event), then its plan.
import type { Payment, StoredPayment } from '../../domain/payment.js';
import { samePayment } from '../../domain/payment.js';
import { HttpError, XieshangError } from '../../errors.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import type { CaseStore } from '../../store/caseStore.js';
import type { ContactLog } from '../../store/contactLog.js';
import type { PaymentLedger } from '../../store/paymentLedger.js';

export interface PaymentDeps {
  accounts: AccountDirectory;
  payments: PaymentLedger;
  contacts: ContactLog;
  /** The outboxing case store: the payment.recorded event is committed with the case. */
  store: CaseStore;
  clock: () => Date;
  /** The case's plan takes the payment (on time, late, partial; the waiver; completion): PlanFollowUp.paymentReceived. */
  planPayment?: (caseId: string, payment: StoredPayment) => Promise<void>;
}

const MAX_REPLAYS = 8;

/** `created` false when the same payment was posted before (answered 200, recorded once); 409 for a different body. */
export async function recordPayment(
  deps: PaymentDeps,
  payment: Payment,
): Promise<{ created: boolean; payment: StoredPayment }> {
  const account = await deps.accounts.byReference(payment.accountRef);
  if (!account) throw new HttpError(404, `no account ${payment.accountRef}`);
  const { caseId } = await deps.contacts.state(account.accountRef);
  const stored: StoredPayment = {
    ...payment,
    accountRef: account.accountRef,
    receivedAt: deps.clock().toISOString(),
    ...(caseId ? { caseId } : {}),
  };
  const recorded = await deps.payments.record(stored);
  if (recorded.outcome === 'known' && !samePayment(recorded.payment, payment))
    throw new HttpError(409, `paymentId ${payment.paymentId} was already used for a different payment`);
  // Also for a replay: a crash after the ledger and before the case commit is finished by the lender's retry.
  if (recorded.payment.caseId) {
    await recordWithCase(deps, recorded.payment.caseId, recorded.payment);
    // Idempotent too (the plan counts a payment id once): a retry finishes what a crash left undone.
    await deps.planPayment?.(recorded.payment.caseId, recorded.payment);
  }
  return { created: recorded.outcome === 'recorded', payment: recorded.payment };
}

/** Appends `payment.recorded` to the case once (the payment id is the commit's activity id, de-duplicated). */
async function recordWithCase(deps: PaymentDeps, caseId: string, payment: StoredPayment): Promise<void> {
  const activityId = `payment:${payment.paymentId}`;
  for (let attempt = 0; attempt < MAX_REPLAYS; attempt++) {
    const loaded = await deps.store.load(caseId, activityId);
    if (!loaded.record || loaded.duplicate) return;
    const committed = await deps.store.commit({
      caseId,
      expectedVersion: loaded.version,
      record: loaded.record,
      activityId,
      append: [
        {
          at: payment.receivedAt,
          actor: 'system',
          channelId: loaded.record.channelId,
          kind: 'event',
          text: 'payment.recorded',
          data: {
            paymentId: payment.paymentId,
            amountMinor: payment.amountMinor,
            currency: payment.currency,
            paidAt: payment.paidAt,
          },
        },
      ],
    });
    if (committed.ok) return;
  }
  throw new XieshangError('XS_STORE_CONFLICT', `case ${caseId}: still conflicting after ${MAX_REPLAYS} replays`, {
    status: 503,
  });
}
