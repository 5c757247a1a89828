// The contact gate as the plan asks it: every proactive plan message (reminder, check-in, thank-you) passes here.
import type { CaseRecord } from '../domain/case.js';
import { decideContact, type ContactDecision } from '../domain/contact/index.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';

/** Whether the plan may speak to the borrower now: contact hours in their time zone, caps, opt-out, an open dispute. */
export function planContactDecision(input: {
  record: CaseRecord;
  bundle: DialogBundle;
  timeZone: string;
  now: Date;
  transcript: readonly TranscriptEntry[];
}): ContactDecision {
  const { record, bundle } = input;
  return decideContact({
    now: input.now,
    jurisdiction: bundle.policy.jurisdiction,
    policy: bundle.policy.contact,
    timeZone: input.timeZone,
    optedOut: input.transcript.some((entry) => entry.kind === 'event' && entry.text === 'contact.optedOut'),
    disputeOpen: record.status === 'escalated' && record.handoff?.reason === 'dispute',
    attempts: (record.plan?.contacts ?? []).map((t) => new Date(t)),
  });
}

/** Proactive messages as the transcript records them. */
export function proactiveEntries(
  messages: readonly OutgoingMessage[],
  channelId: string,
  at: string,
): TranscriptEntry[] {
  return messages.map((m) => ({
    at,
    actor: 'bot' as const,
    channelId,
    kind: 'message' as const,
    text: m.text,
    data: { proactive: true },
  }));
}
