// 二次协商 and a changed situation: the case negotiates again from a fresh machine, the broken arrangement counted.
import type { Account } from '../domain/account.js';
import type { CaseRecord } from '../domain/case.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import { stepMachine } from '../conversation/stepMachine.js';
import { renderReplies, type OutgoingMessage } from '../conversation/render/renderReplies.js';

/**
 * The case becomes active again with a new negotiation for the same account (identity is asked again: a new
 * arrangement is a new consent). `account` already carries the broken arrangement when one was broken.
 */
export function reopenNegotiation(
  record: CaseRecord,
  bundle: DialogBundle,
  account: Account | undefined,
): { record: CaseRecord; replies: OutgoingMessage[] } {
  const step = stepMachine(bundle.machine, undefined, { caseId: record.caseId, ...(account ? { account } : {}) }, []);
  const replies = renderReplies(step.said, {
    context: step.context,
    locale: record.locale,
    prompts: bundle.prompts[record.locale],
    figures: bundle.figures,
  });
  return { record: { ...record, status: 'active', snapshot: step.persisted }, replies };
}

/** The account with one more broken arrangement in the last 12 months (the offer policy's 二次协商 rules). */
export function withBrokenArrangement(account: Account): Account {
  return { ...account, brokenArrangements12m: account.brokenArrangements12m + 1 };
}
