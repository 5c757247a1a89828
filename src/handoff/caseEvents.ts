// What the agent desk hears about cases (borrower messages, claims, releases), and its in-process bus.
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { TranscriptEntrySchema } from '../domain/transcript.js';

export const CASE_EVENT_TYPES = [
  'queue.changed',
  'transcript.appended',
  'case.claimed',
  'case.released',
  'case.transferred',
] as const;

export const CaseEventSchema = z.object({
  type: z.enum(CASE_EVENT_TYPES),
  caseId: z.string().min(1),
  at: z.iso.datetime(),
  /** New transcript entries (masked as stored), for `transcript.appended`. */
  entries: z.array(TranscriptEntrySchema).optional(),
  /** The agent who claimed or released the case. */
  agentId: z.string().optional(),
  /** A transfer's new holder (absent: back to a queue). */
  toAgentId: z.string().optional(),
  /** Why a case left the desk: `handedBack`, `agreed` or `closed:<outcome>`. */
  detail: z.string().optional(),
  /** Set by the desk when publishing: who holds the case now (only they and supervisors hear its events). */
  heldBy: z.string().optional(),
  /** Set by the desk when publishing: the queue the case waits in (`agents`: every agent hears it). */
  waitingFor: z.enum(['agents', 'supervisors']).optional(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export type CaseEventListener = (event: CaseEvent) => void;

/** The desk's event bus: in memory within one process, Redis pub/sub across instances. */
export interface CaseEvents {
  publish(event: CaseEvent): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(listener: CaseEventListener): () => void;
  /** Resolves once events published anywhere reach this instance's listeners. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export class MemoryCaseEvents implements CaseEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: CaseEvent): Promise<void> {
    this.emitter.emit('event', CaseEventSchema.parse(event));
  }

  subscribe(listener: CaseEventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
