// What a Direct Line conversation keeps: its record, an append-only activity log (watermark = index), invites used.
import { z } from 'zod';

export const ConversationRecordSchema = z.object({
  conversationId: z.string().min(1),
  /** The borrower's channel user id (`dl_…`), fixed for the conversation and embedded in its tokens. */
  userId: z.string().min(1),
  /** Set when an invitation bound the conversation to an account. */
  accountRef: z.string().optional(),
  locale: z.string().optional(),
  createdAt: z.string(),
  /**
   * The browsers that opened the conversation through its invitation: a SHA-256 of the device key each keeps in
   * its storage, and the watermark it reads from (0 for the first one; a later one sees nothing said before it came).
   * `verified: false` for one that joined later until the identity check passes on an answer it sent.
   */
  devices: z
    .array(z.object({ keyHash: z.string(), from: z.number().int().min(0), verified: z.boolean().optional() }))
    .optional(),
});
export type ConversationRecord = z.infer<typeof ConversationRecordSchema>;

/** An activity as the client sees it, without its `id`: ids are derived from the log position. */
export type StoredActivity = Record<string, unknown> & { type: string };

export interface ActivitySet {
  activities: Array<StoredActivity & { id: string }>;
  /** The index of the next activity: pass it back to read only what came after. */
  watermark: string;
}

export interface AppendedOnce {
  id: string;
  /** False when the activity was appended before (a client's resend). */
  fresh: boolean;
}

export interface DirectLineStore {
  saveConversation(record: ConversationRecord): Promise<void>;
  conversation(conversationId: string): Promise<ConversationRecord | undefined>;
  /** True only for the first caller: the conversation's start (greeting) happens once across instances. */
  markStarted(conversationId: string): Promise<boolean>;
  /** Appends to the log, wakes the conversation's listeners on every instance, returns the activity's id. */
  append(conversationId: string, activity: StoredActivity): Promise<string>;
  /**
   * Appends a client's activity once per `clientActivityId` in the conversation (atomically, on every instance):
   * a resend answers the id of the first append with `fresh: false` and appends nothing.
   */
  appendOnce(conversationId: string, clientActivityId: string, activity: StoredActivity): Promise<AppendedOnce>;
  /** Activities at `watermark` and after (a page at most), with the watermark to read on from. */
  since(conversationId: string, watermark: number): Promise<ActivitySet>;
  /** Binds an invitation to the first conversation that uses it; answers the conversation it is bound to. */
  claimInvite(inviteId: string, conversationId: string, ttlSeconds: number): Promise<string>;
  /**
   * Moves an invitation from its `forgotten` conversation (expired while idle) to `conversationId`, once across
   * instances: answers the conversation it is bound to now (another caller's, when that one moved it first).
   */
  rebindInvite(inviteId: string, forgotten: string, conversationId: string, ttlSeconds: number): Promise<string>;
  /** Calls `listener` whenever an activity is appended to the conversation (on any instance). */
  subscribe(conversationId: string, listener: () => void): () => void;
  /** Forgets the conversation: its record, activity log (the borrower's raw text) and start flag (erasure on request). */
  erase(conversationId: string): Promise<void>;
  close(): Promise<void>;
}

/** Activities returned by one read; the client asks again with the new watermark. */
export const PAGE_SIZE = 100;

/** Activity ids as Azure's Direct Line writes them: `<conversationId>|0000042`. */
export function activityId(conversationId: string, index: number): string {
  return `${conversationId}|${String(index).padStart(7, '0')}`;
}

export function withIds(conversationId: string, from: number, activities: StoredActivity[]): ActivitySet {
  return {
    activities: activities.map((activity, offset) => ({ ...activity, id: activityId(conversationId, from + offset) })),
    watermark: String(from + activities.length),
  };
}
