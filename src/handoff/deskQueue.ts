// Reading the desk: the queue with what an agent needs to pick a case, and one case with everything about it.
import { maskName } from '../domain/maskPersonalData.js';
import { EscalationReasonSchema } from '../domain/case.js';
import { tierOf } from '../domain/tier.js';
import { assertMayRead } from './caseAccess.js';
import type { DeskAgent, DeskDeps } from './deskDeps.js';
import type { CaseView, QueueItem } from './deskSchemas.js';
import { negotiationFacts, proposedOffers } from './negotiationFacts.js';
import { loadCase } from './updateCase.js';
import { planView } from './planView.js';

export async function listQueue(deps: Pick<DeskDeps, 'store' | 'queue' | 'clock'>): Promise<QueueItem[]> {
  const now = deps.clock().getTime();
  const waiting = await deps.queue.list();
  const items = await Promise.all(
    waiting.map(async (entry): Promise<QueueItem | undefined> => {
      const { record } = await deps.store.load(entry.caseId);
      const reason = EscalationReasonSchema.safeParse(record?.handoff?.reason ?? entry.reason);
      // A case claimed meanwhile may linger in the queue for a moment: only unclaimed cases are waiting.
      if (!record || record.status !== 'escalated' || record.handoff?.agentId || !reason.success) return undefined;
      const identityVerified = record.identityVerified === true;
      const account = identityVerified ? negotiationFacts(record.snapshot).account : undefined;
      return {
        caseId: entry.caseId,
        reason: reason.data,
        priority: record.handoff?.priority ?? entry.priority,
        queuedAt: entry.queuedAt,
        waitingSeconds: Math.max(0, Math.floor((now - Date.parse(entry.queuedAt)) / 1000)),
        locale: record.locale,
        channelId: record.channelId,
        identityVerified,
        ...(account
          ? { tier: tierOf(account.daysPastDue), overdueMinor: account.overdueMinor, currency: account.currency }
          : {}),
      };
    }),
  );
  return items.filter((item): item is QueueItem => item !== undefined);
}

/** One case as the console shows it; 403 for an agent when another agent holds it (see caseAccess.ts). */
export async function viewCase(
  deps: Pick<DeskDeps, 'store' | 'index' | 'payments' | 'clock'>,
  caseId: string,
  agent: DeskAgent,
): Promise<CaseView> {
  const record = await loadCase(deps.store, caseId);
  assertMayRead(record, await deps.index.get(caseId), agent);
  const [transcript, agreement] = await Promise.all([deps.store.transcript(caseId), deps.store.agreement(caseId)]);
  const facts = negotiationFacts(record.snapshot);
  // Nothing of the debt for someone who has not proved who they are: the agent verifies (hand-back) first.
  const identityVerified = record.identityVerified === true;
  const account = identityVerified ? facts.account : undefined;
  const payments = account ? await deps.payments.list(account.accountRef) : [];
  const plan = planView(record, deps.clock());
  return {
    caseId,
    status: record.status,
    locale: record.locale,
    channelId: record.channelId,
    ...(record.handoff ? { handoff: record.handoff } : {}),
    identityVerified,
    ...(account
      ? {
          account: {
            accountRef: account.accountRef,
            creditor: account.creditor,
            product: account.product,
            currency: account.currency,
            borrowerName: maskName(account.borrower.name),
            balanceMinor: account.balanceMinor,
            overdueMinor: account.overdueMinor,
            feesMinor: account.feesMinor,
            regularMonthlyMinor: account.regularMonthlyMinor,
            remainingMonths: account.remainingMonths,
            daysPastDue: account.daysPastDue,
            tier: tierOf(account.daysPastDue),
            brokenArrangements12m: account.brokenArrangements12m,
          },
        }
      : {}),
    interview: facts.hardship,
    ...(identityVerified && facts.basis ? { basis: facts.basis } : {}),
    offersShown: identityVerified ? facts.offers.filter((offer) => facts.shownIds.includes(offer.id)) : [],
    offersProposed: proposedOffers(transcript),
    ...(agreement ? { agreement } : {}),
    payments,
    transcript,
    ...(identityVerified && plan ? { plan } : {}),
    ...(record.survey ? { survey: record.survey } : {}),
  };
}
