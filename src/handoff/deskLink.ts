// The desk's entry points for the bot: a case escalated (queue, handoff.initiate, wait estimate, publish) and relayed messages.
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import type { CaseRecord, Handoff } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { bundleOf, deskMessage, type DeskDeps } from './deskDeps.js';
import { updateCase } from './updateCase.js';
import { estimateWait } from './waitEstimate.js';

/** What the Bot Framework handoff protocol's `handoff.initiate` carries besides the transcript. */
export interface HandoffInitiation {
  caseId: string;
  reason: string;
  priority: string;
  /** Only for a verified borrower: otherwise whoever typed it would learn it is an account. */
  accountRef?: string;
  locale: string;
}

/** How the desk answers inside the borrower's turn (the bot implements it with the turn's context). */
export interface TurnReplies {
  handoffInitiated(initiation: HandoffInitiation, transcript: TranscriptEntry[]): Promise<void>;
  send(message: OutgoingMessage): Promise<void>;
}

/** The agent desk as the bot sees it. */
export interface DeskNotifier {
  /** A case escalated (or its priority raised): queued before the turn's replies go out, so a failed reply cannot lose it. */
  queueEscalation(escalation: { handoff: Handoff; record: CaseRecord }): Promise<void>;
  /** After the turn's replies, for a case `queueEscalation` queued: `handoff.initiate`, wait estimate, publish. */
  caseEscalated(escalation: { handoff: Handoff; record: CaseRecord }, replies: TurnReplies): Promise<void>;
  /** Any turn (a redelivery too) of a case waiting for a person: queue it again (idempotent; an earlier queueing may have failed). */
  stillWaiting(caseId: string, handoff: Handoff): Promise<void>;
  /** A turn on a case with the desk added these entries: the agents' consoles show them live. */
  transcriptAppended(caseId: string, entries: TranscriptEntry[]): Promise<void>;
}

export class DeskLink implements DeskNotifier {
  constructor(
    private readonly deps: Pick<DeskDeps, 'store' | 'queue' | 'events' | 'dialogs' | 'clock'>,
    private readonly minutesPerCase: number,
  ) {}

  async queueEscalation(escalation: { handoff: Handoff; record: CaseRecord }): Promise<void> {
    const { handoff, record } = escalation;
    // Re-queued when vulnerability raises the priority of a waiting case: enqueue alone keeps the first place.
    await this.deps.queue.remove(record.caseId);
    await this.deps.queue.enqueue({
      caseId: record.caseId,
      reason: handoff.reason,
      priority: handoff.priority,
      queuedAt: handoff.queuedAt,
    });
  }

  async caseEscalated(escalation: { handoff: Handoff; record: CaseRecord }, replies: TurnReplies): Promise<void> {
    const { handoff, record } = escalation;
    const caseId = record.caseId;
    const transcript = await this.deps.store.transcript(caseId);
    const initiation = {
      caseId,
      reason: handoff.reason,
      priority: handoff.priority,
      ...(record.identityVerified && record.accountRef ? { accountRef: record.accountRef } : {}),
      locale: record.locale,
    };
    await replies.handoffInitiated(initiation, transcript);
    const wait = await this.announceWait(caseId);
    if (wait) await replies.send(wait);
  }

  async stillWaiting(caseId: string, handoff: Handoff): Promise<void> {
    await this.deps.queue.enqueue({
      caseId,
      reason: handoff.reason,
      priority: handoff.priority,
      queuedAt: handoff.queuedAt,
    });
  }

  async transcriptAppended(caseId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.deps.events.publish({
      type: 'transcript.appended',
      caseId,
      at: this.deps.clock().toISOString(),
      entries,
    });
  }

  /** The wait estimate, written to the transcript and published to the consoles; returned to tell the borrower. */
  private async announceWait(caseId: string): Promise<OutgoingMessage | undefined> {
    const at = this.deps.clock().toISOString();
    const { position, minutes } = estimateWait(await this.deps.queue.list(), caseId, this.minutesPerCase);
    const message = await updateCase(this.deps.store, caseId, async (record) => {
      const message = deskMessage(await bundleOf(this.deps, record), record, 'handoff.waitEstimate', {
        position,
        minutes,
      });
      const entry: TranscriptEntry = {
        at,
        actor: 'bot',
        channelId: record.channelId,
        kind: 'message',
        text: message.text,
        data: { position, minutes },
      };
      return { record, append: [entry], result: message };
    });
    await this.deps.events.publish({ type: 'queue.changed', caseId, at });
    return message;
  }
}
