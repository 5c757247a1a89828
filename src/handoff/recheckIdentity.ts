// A borrower back on a new device or browser: the case asks for the identity again before any amount is shown.
import type { DialogRegistry } from '../dialogs/dialogBundle.js';
import { botEntries } from '../conversation/transcriptEntries.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import type { CaseStore } from '../store/caseStore.js';
import { startReverifying } from '../conversation/verifyAfterTheEnd.js';
import { negotiationFacts, proposedOffers } from './negotiationFacts.js';
import { resumeNegotiation } from './resumeNegotiation.js';
import { updateCase } from './updateCase.js';

export interface RecheckDeps {
  store: CaseStore;
  dialogs: DialogRegistry;
  clock: () => Date;
}

/**
 * An active case goes back to the identity check (as a hand-back of an unverified case does), keeping what was
 * discussed; an agreed, escalated or closed case asks the identity questions outside the machine
 * (src/conversation/verifyAfterTheEnd.ts). Either way nothing of the case is shown before the check passes.
 * Answers what the bot says; a conversation without a case or without an account says nothing.
 */
export async function recheckIdentity(deps: RecheckDeps, caseId: string): Promise<OutgoingMessage[]> {
  const loaded = await deps.store.load(caseId);
  if (!loaded.record?.accountRef && loaded.record?.status !== 'active') return [];
  return updateCase(deps.store, caseId, async (record) => {
    const at = deps.clock().toISOString();
    const bundle = await deps.dialogs.get(record.flowVersion);
    const unverified = { ...record, identityVerified: false };
    const joined = {
      at,
      actor: 'system' as const,
      channelId: record.channelId,
      kind: 'event' as const,
      text: 'device.joined',
    };
    if (record.status !== 'active') {
      const asked = startReverifying(record, bundle);
      return {
        record: { ...unverified, reverify: asked.reverify, lastActivityAt: at },
        append: [joined, ...botEntries(asked.replies, record.channelId, at)],
        result: asked.replies,
      };
    }
    const resumed = resumeNegotiation({
      bundle,
      record: unverified,
      facts: negotiationFacts(record.snapshot),
      proposed: proposedOffers(await deps.store.transcript(caseId)),
    });
    const welcome: OutgoingMessage = {
      type: 'message',
      text: bundle.prompts[record.locale].get('identity.newDevice') ?? '',
      locale: record.locale,
    };
    const replies = [welcome, ...resumed.replies];
    return {
      record: { ...unverified, snapshot: resumed.snapshot, lastActivityAt: at },
      append: [joined, ...botEntries(replies, record.channelId, at)],
      result: replies,
    };
  });
}
