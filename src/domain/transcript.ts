// The transcript: every message in and out, every decision, with time, channel and actor.
import { z } from 'zod';

const ActorSchema = z.enum(['borrower', 'bot', 'agent', 'system']);

export const TranscriptEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: ActorSchema,
  /** The agent's id when actor is agent. */
  actorId: z.string().optional(),
  channelId: z.string(),
  kind: z.enum(['message', 'event']),
  /** Message text, personal data masked; for events a short name such as `offers.shown`. */
  text: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;
