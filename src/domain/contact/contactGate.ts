// The one gate every proactive contact passes: opt-out, an open dispute, contact hours, frequency caps.
import { z } from 'zod';
import { checkFrequency, FrequencyCapSchema } from './frequencyCap.js';
import type { Jurisdiction } from '../offers/offerPolicy.js';
import { ClockTimeSchema, contactHoursFor, nextContactTime } from './contactHours.js';

/** `contact:` in dialogs/offer-policy.yaml. */
export const ContactPolicySchema = z.strictObject({
  /** Narrows the jurisdiction's contact hours (never widens them); omitted = the jurisdiction's own. */
  hours: z.strictObject({ from: ClockTimeSchema.optional(), to: ClockTimeSchema.optional() }).default({}),
  caps: FrequencyCapSchema,
});
export type ContactPolicy = z.infer<typeof ContactPolicySchema>;

export const DEFAULT_CONTACT_POLICY: ContactPolicy = { hours: {}, caps: { maxPerDay: 2, maxPer7Days: 7 } };

export const REFUSAL_REASONS = ['optedOut', 'disputeOpen', 'outsideContactHours', 'dailyCap', 'weeklyCap'] as const;
export type ContactRefusal = (typeof REFUSAL_REASONS)[number];

export interface ContactQuestion {
  now: Date;
  jurisdiction: Jurisdiction;
  policy: ContactPolicy;
  /** The borrower's IANA time zone. */
  timeZone: string;
  optedOut: boolean;
  disputeOpen?: boolean;
  /** When earlier proactive attempts were made (older than 7 days may be left out). */
  attempts: readonly Date[];
}

export type ContactDecision =
  | { allowed: true }
  /** `earliestAt`: when the same contact would be allowed (absent when it never will be, e.g. opted out). */
  | { allowed: false; reason: ContactRefusal; earliestAt?: Date };

export function decideContact(question: ContactQuestion): ContactDecision {
  if (question.optedOut) return { allowed: false, reason: 'optedOut' };
  if (question.disputeOpen) return { allowed: false, reason: 'disputeOpen' };
  const hours = contactHoursFor(question.jurisdiction, question.policy.hours);
  const next = nextContactTime(question.now, question.timeZone, hours);
  if (next.getTime() !== question.now.getTime())
    return { allowed: false, reason: 'outsideContactHours', earliestAt: next };
  const capped = checkFrequency(question.attempts, question.now, question.policy.caps);
  if (!capped.allowed)
    return {
      allowed: false,
      reason: capped.reason,
      earliestAt: nextContactTime(capped.retryAt, question.timeZone, hours),
    };
  return { allowed: true };
}
