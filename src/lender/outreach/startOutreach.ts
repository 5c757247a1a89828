// POST /api/lender/outreach: an invitation link per account, sent as outreach.requested — never against the contact rules.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LocaleSchema, type Account, type Locale } from '../../domain/account.js';
import { decideContact, REFUSAL_REASONS } from '../../domain/contact/index.js';
import { lenderEvent } from '../../domain/lenderEvent.js';
import type { OfferPolicy } from '../../domain/offers/offerPolicy.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';
import type { ContactLog } from '../../store/contactLog.js';
import { outboxKeyOfAccount, type Outbox } from '../../store/outbox.js';

export const OutreachRequestSchema = z.strictObject({
  accountRefs: z.array(z.string().min(1).max(64)).min(1).max(1000),
  /** The invitation's language; default each borrower's preferred one. */
  locale: LocaleSchema.optional(),
});

export const OutreachResponseSchema = z.object({
  requested: z.array(
    z.object({ accountRef: z.string(), eventId: z.string(), url: z.string(), expiresAt: z.iso.datetime() }),
  ),
  skipped: z.array(
    z.object({
      accountRef: z.string(),
      reason: z.enum([...REFUSAL_REASONS, 'unknownAccount', 'accountNotActive', 'noContactChannel']),
      /** When the same request would be accepted (contact hours, caps). */
      earliestAt: z.iso.datetime().optional(),
    }),
  ),
});
export type OutreachResponse = z.infer<typeof OutreachResponseSchema>;

export interface OutreachDeps {
  accounts: AccountDirectory;
  contacts: ContactLog;
  outbox: Outbox;
  policy: () => OfferPolicy;
  clock: () => Date;
  /** A signed invitation link for the account (see inviteRoutes' makeInvite). */
  invite: (accountRef: string) => Promise<{ url: string; expiresAt: string }>;
  /** After events were appended (the local dispatcher looks at once). */
  appended?: () => void;
}

export async function startOutreach(
  deps: OutreachDeps,
  request: z.infer<typeof OutreachRequestSchema>,
): Promise<OutreachResponse> {
  const answer: OutreachResponse = { requested: [], skipped: [] };
  const policy = deps.policy();
  for (const ref of new Set(request.accountRefs.map((r) => r.toUpperCase()))) {
    const account = await deps.accounts.byReference(ref);
    const skip = (reason: OutreachResponse['skipped'][number]['reason'], earliestAt?: Date) =>
      answer.skipped.push({
        accountRef: account?.accountRef ?? ref,
        reason,
        ...(earliestAt ? { earliestAt: earliestAt.toISOString() } : {}),
      });
    if (!account) {
      skip('unknownAccount');
      continue;
    }
    if (account.status !== 'active') {
      skip('accountNotActive');
      continue;
    }
    if (account.contactChannels.length === 0) {
      skip('noContactChannel');
      continue;
    }
    const now = deps.clock();
    const state = await deps.contacts.state(account.accountRef);
    const decision = decideContact({
      now,
      jurisdiction: policy.jurisdiction,
      policy: policy.contact,
      timeZone: account.borrower.timeZone,
      optedOut: state.optedOutAt !== undefined,
      attempts: state.attempts,
    });
    if (!decision.allowed) {
      skip(decision.reason, decision.earliestAt);
      continue;
    }
    answer.requested.push(
      await request1(deps, account, request.locale ?? account.borrower.preferredLocale, state.caseId, now),
    );
  }
  if (answer.requested.length > 0) deps.appended?.();
  return answer;
}

/** The attempt is counted before the event is written: a crash in between errs on the side of the caps. */
async function request1(deps: OutreachDeps, account: Account, locale: Locale, caseId: string | undefined, now: Date) {
  const link = await deps.invite(account.accountRef);
  await deps.contacts.recordAttempt(account.accountRef, randomUUID(), now);
  const event = lenderEvent(
    'outreach.requested',
    now.toISOString(),
    { caseId, accountRef: account.accountRef },
    {
      url: link.url,
      expiresAt: link.expiresAt,
      locale,
      contactChannels: account.contactChannels,
      earliestAt: now.toISOString(),
    },
  );
  const key = caseId ?? outboxKeyOfAccount(account.accountRef);
  await deps.outbox.append(key, [event]);
  await deps.outbox.wake(key, now.getTime());
  return { accountRef: account.accountRef, eventId: event.id, url: link.url, expiresAt: link.expiresAt };
}
