// The bot's line to the desk: wait estimates for newly queued cases, and borrower messages relayed to the consoles.
import type { DeskNotifier } from '../bot/negotiationBot.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { bundleOf, deskMessage, type DeskDeps } from './deskDeps.js';
import { updateCase } from './updateCase.js';
import { estimateWait } from './waitEstimate.js';

export class DeskLink implements DeskNotifier {
  constructor(private readonly deps: Pick<DeskDeps, 'store' | 'queue' | 'events' | 'dialogs' | 'clock'>, private readonly minutesPerCase: number) {}

  async caseQueued(caseId: string): Promise<OutgoingMessage | undefined> {
    const at = this.deps.clock().toISOString();
    const { position, minutes } = estimateWait(await this.deps.queue.list(), caseId, this.minutesPerCase);
    const message = await updateCase(this.deps.store, caseId, async (record) => {
      const message = deskMessage(await bundleOf(this.deps, record), record, 'handoff.waitEstimate', { position, minutes });
      const entry: TranscriptEntry = { at, actor: 'bot', channelId: record.channelId, kind: 'message', text: message.text, data: { position, minutes } };
      return { record, append: [entry], result: message };
    });
    await this.deps.events.publish({ type: 'queue.changed', caseId, at });
    return message;
  }

  async transcriptAppended(caseId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.deps.events.publish({ type: 'transcript.appended', caseId, at: this.deps.clock().toISOString(), entries });
  }
}
