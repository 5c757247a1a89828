// A payment the lender received from a borrower, posted to us to follow the plan.
import { z } from 'zod';
import { CurrencySchema, MinorSchema } from './money.js';

export const PaymentSchema = z.strictObject({
  /** The lender's own id of the payment: posting the same payment again records it once. */
  paymentId: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'letters, digits, . _ : - (at most 128)'),
  accountRef: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, 'an account reference'),
  amountMinor: MinorSchema.positive(),
  currency: CurrencySchema,
  paidAt: z.iso.datetime({ offset: true }),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const StoredPaymentSchema = PaymentSchema.extend({
  receivedAt: z.iso.datetime(),
  /** The case it was recorded with, when the account was in a conversation. */
  caseId: z.string().optional(),
});
export type StoredPayment = z.infer<typeof StoredPaymentSchema>;

/** Same payment = same fields, whatever their order or the reference's case. */
export function samePayment(a: Payment, b: Payment): boolean {
  return (
    a.paymentId === b.paymentId &&
    a.accountRef.toUpperCase() === b.accountRef.toUpperCase() &&
    a.amountMinor === b.amountMinor &&
    a.currency === b.currency &&
    Date.parse(a.paidAt) === Date.parse(b.paidAt)
  );
}
